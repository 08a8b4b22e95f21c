package ru.appealdesk.bot.cards;

import java.util.List;

import ru.appealdesk.delivery.Button;

/**
 * A drawn card: its header and body (Telegram HTML; the body may be split when long, the header goes on the first
 * part) and its rows of buttons, on the last part. What the renderers return; sending it is someone else's job.
 */
public record Message(String header, String body, List<List<Button>> buttons) {

    /**
     * A card of an appeal drawn from {@code f}: with «Открыть обращение» below its buttons when the card carries no
     * personal data and the appeal has a page of the dashboard (PRODUCT.md §15).
     */
    public static Message card(CardFacts f, String header, String body, List<List<Button>> buttons) {
        return new Message(header, body, Keyboards.withPage(f, buttons));
    }

    /** A card with no buttons. */
    public static Message of(String header, String body) {
        return new Message(header, body, null);
    }
}
