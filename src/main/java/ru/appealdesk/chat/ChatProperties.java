package ru.appealdesk.chat;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the bot's messages may carry in every messenger ({@code appealdesk.chat.*}), validated when bound.
 *
 * @param personalData full: cards show the applicant's name, their contacts to those who may see them, the appeal's
 *                     text and the applicant's photos; minimal: no chat message carries any of them, a card shows the
 *                     number, category, address, terms and buttons, and «Открыть обращение» opens the appeal's page
 *                     of the dashboard (APPEALDESK_CHAT_PERSONAL_DATA; see docs/SECURITY.md)
 */
@Validated
@ConfigurationProperties("appealdesk.chat")
public record ChatProperties(@DefaultValue("full") @NotNull PersonalData personalData) {

    /** How much of the applicant's personal data the chats carry (PRODUCT.md §15). */
    public enum PersonalData {
        /** The applicant's name, contacts (to those who may see them), text and photos go to the chats. */
        FULL,
        /** None of them go to any chat; the dashboard shows them to those who may see them. */
        MINIMAL
    }

    /** The default: everything as before the setting existed. */
    public static ChatProperties full() {
        return new ChatProperties(PersonalData.FULL);
    }

    /** Whether chat messages may carry the applicant's name, contacts, the appeal's text and the photos. */
    public boolean personalDataInChats() {
        return personalData == PersonalData.FULL;
    }
}
