package ru.appealdesk.bot.cards;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import ru.appealdesk.workflow.AppealView;

/**
 * What a card of an appeal is drawn from, gathered before drawing: the appeal, its category's name, the short names
 * of the staff, the organisation's time zone, the moment of drawing, whether the reader may see the applicant's
 * contacts, whether chat messages may carry the applicant's personal data at all
 * ({@code appealdesk.chat.personal-data}) and, where they may not, the address of the appeal's page of the dashboard
 * (null when there is none); {@code postponeLimit}: how many «Отложено» answers the appeal may have placed (the
 * source's {@code postpone-limit}).
 */
public record CardFacts(AppealView appeal, String categoryName, Map<String, String> names, ZoneId zone, Instant now,
                        boolean contacts, boolean personalData, String page, int postponeLimit) {

    public CardFacts {
        // without personal data in the chats nobody's card shows the contacts; with it, the card shows everything
        // itself and carries no page button (as before the setting existed)
        contacts = contacts && personalData;
        page = personalData ? null : page;
    }

    /** The facts of a card that carries the applicant's personal data (the default). */
    public CardFacts(AppealView appeal, String categoryName, Map<String, String> names, ZoneId zone, Instant now,
                     boolean contacts) {
        this(appeal, categoryName, names, zone, now, contacts, true, null);
    }

    /** The facts with at most two «Отложено» answers (the largest {@code postpone-limit}). */
    public CardFacts(AppealView appeal, String categoryName, Map<String, String> names, ZoneId zone, Instant now,
                     boolean contacts, boolean personalData, String page) {
        this(appeal, categoryName, names, zone, now, contacts, personalData, page, 2);
    }

    /** The same facts for a reader who may (or may not) see the contacts. */
    public CardFacts withContacts(boolean contacts) {
        return new CardFacts(appeal, categoryName, names, zone, now, contacts, personalData, page, postponeLimit);
    }

    /** A staff member's short name: a dash for nobody, the id itself for someone no longer listed. */
    public String name(String staffId) {
        return staffId == null ? "—" : names.getOrDefault(staffId, staffId);
    }

    /** A moment as the cards show it, in the organisation's time zone. */
    public String time(Instant instant) {
        return CardLines.time(instant, zone);
    }

    /** «осталось 2 д 5 ч» or «просрочено на 3 ч 10 мин», counted from the moment of drawing. */
    public String left(Instant deadline) {
        return CardLines.left(deadline, now);
    }
}
