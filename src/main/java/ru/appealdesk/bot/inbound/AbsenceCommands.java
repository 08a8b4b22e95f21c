package ru.appealdesk.bot.inbound;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.inbound.Commands.Words;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Absences;

/** {@code /away ДД.ММ.ГГГГ ДД.ММ.ГГГГ} marks one's own absence (seed 002 п.4), {@code /back} ends it. */
@Component
class AbsenceCommands implements ChatCommand {

    private final Absences absences;
    private final CardTexts texts;
    private final Outbox outbox;

    AbsenceCommands(Absences absences, CardTexts texts, Outbox outbox) {
        this.absences = absences;
        this.texts = texts;
        this.outbox = outbox;
    }

    @Override
    public Set<String> names() {
        return Set.of("away", "back");
    }

    @Override
    public void run(Inbound in, String name, String argument) {
        if (name.equals("away")) {
            away(in, argument);
        } else {
            reply(in, (absences.back(in.staff().id()).isPresent() ? Words.WELCOME_BACK : Words.NOT_AWAY).text());
        }
    }

    private void away(Inbound in, String argument) {
        String[] dates = argument.split("\\s+");
        LocalDate from;
        LocalDate to;
        try {
            if (dates.length != 2) {
                throw new DateTimeParseException("two dates expected", argument, 0);
            }
            from = LocalDate.parse(dates[0], Dialogs.DATE_INPUT);
            to = LocalDate.parse(dates[1], Dialogs.DATE_INPUT);
        } catch (DateTimeParseException e) {
            reply(in, Words.AWAY_DATES_EXPECTED.text());
            return;
        }
        try {
            absences.add(in.staff().id(), from, to);
        } catch (Absences.AbsenceRefused refused) {
            reply(in, (switch (refused.reason()) {
                case ENDS_BEFORE_START -> Words.AWAY_ENDS_BEFORE_START;
                case ALREADY_OVER -> Words.AWAY_ALREADY_OVER;
                case OVERLAPS -> Words.AWAY_OVERLAPS;
                case UNKNOWN_STAFF, NOT_FOUND -> Words.AWAY_UNKNOWN_STAFF;
            }).text());
            return;
        }
        String substitute = in.staff().substituteId() == null ? Words.NO_SUBSTITUTE.text()
                : Words.SUBSTITUTE.text(Html.escape(texts.name(in.staff().substituteId())));
        reply(in, Words.AWAY_MARKED.text(dates[0], dates[1], substitute));
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chat(), html, Outbox.PRIORITY_REPLY);
    }
}
