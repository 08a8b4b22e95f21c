package ru.appealdesk.bot.cards;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ru.appealdesk.bot.cards.CardTexts.Words;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealView;

/** The lines every card of an appeal shares, drawn from {@link CardFacts} alone: no lookups, no clock. */
public final class CardLines {

    private CardLines() {
    }

    /** The header of a card: number, category, address, deadlines, applicant; contacts only if allowed. */
    public static String header(String title, CardFacts f) {
        AppealView a = f.appeal();
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append(Html.bold(Words.APPEAL_NUMBER.text(a.number()))).append(" (")
                .append(Html.escape(a.source().title())).append(")\n");
        sb.append(Words.CATEGORY.text(Html.escape(f.categoryName()))).append('\n');
        if (a.address() != null && !a.address().isBlank()) {
            sb.append(Words.ADDRESS.text(Html.escape(a.address()))).append('\n');
        }
        sb.append(Words.RECEIVED.text(f.time(a.receivedAt()))).append('\n');
        sb.append(Words.ANSWER_DUE.text(Html.bold(f.time(a.answerDueAt())), f.left(a.answerDueAt()))).append('\n');
        if (!a.dueAt().equals(a.answerDueAt())) {
            sb.append(Words.FINAL_DUE.text(f.time(a.dueAt()))).append('\n');
        }
        if (a.priority() == Priority.HIGH) {
            sb.append(Words.HIGH_PRIORITY.text()).append('\n');
        } else if (a.priority() == Priority.FAST_TRACK) {
            sb.append(Words.FAST_TRACK.text()).append('\n');
        }
        if (a.fz59()) {
            sb.append(Words.FZ59.text()).append('\n');
        }
        if (a.sociallySignificant()) {
            sb.append(Words.SOCIALLY_SIGNIFICANT.text()).append('\n');
        }
        if (a.postponeCount() > 0) {
            sb.append(Words.POSTPONED_TIMES.text(a.postponeCount(), f.postponeLimit())).append('\n');
        }
        if (a.reopenCount() > 0) {
            sb.append(Words.REOPENED_TIMES.text(a.reopenCount())).append('\n');
        }
        AppealView.Applicant applicant = a.applicant();
        String contacts = contactsLine(a);
        if (!f.personalData()) {
            // appealdesk.chat.personal-data: minimal: the applicant is named on the dashboard only
        } else if (f.contacts() && contacts != null) {
            sb.append(contacts);
        } else if (applicant != null && applicant.name() != null) {
            sb.append(Words.APPLICANT.text(Html.escape(applicant.name()))).append('\n');
        }
        if (!a.photos().isEmpty()) {
            sb.append((f.personalData() ? Words.APPLICANT_PHOTOS : Words.APPLICANT_PHOTOS_WITHHELD)
                    .text(a.photos().size())).append('\n');
        }
        sb.append(Words.EXECUTOR.text(Html.escape(f.name(a.executorId())))).append('\n');
        sb.append(Words.STATUS.text(Html.escape(a.status().title())))
                .append(a.resolution() == null ? "" : " — " + Html.escape(a.resolution().title())).append("\n\n");
        return sb.toString();
    }

    /** The applicant's line with their phone and e-mail, or null when the appeal has neither (or no name). */
    public static String contactsLine(AppealView a) {
        AppealView.Applicant applicant = a.applicant();
        if (applicant == null || applicant.name() == null || applicant.phone() == null && applicant.email() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Words.APPLICANT.text(Html.escape(applicant.name())));
        if (applicant.phone() != null) {
            sb.append(", ").append(Html.escape(applicant.phone()));
        }
        if (applicant.email() != null) {
            sb.append(", ").append(Html.escape(applicant.email()));
        }
        return sb.append('\n').toString();
    }

    /** A moment as «dd.MM.yyyy HH:mm» in the zone, or a dash. */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "—" : CardTexts.DATE_TIME.format(instant.atZone(zone));
    }

    /** «осталось 2 д 5 ч» or «просрочено на 3 ч 10 мин». */
    public static String left(Instant deadline, Instant now) {
        Duration d = Duration.between(now, deadline);
        return (d.isNegative() ? Words.OVERDUE_BY : Words.LEFT).text(amount(d.abs()));
    }

    /** A span as «2 д 3 ч», «3 ч 59 мин», «менее минуты». */
    public static String amount(Duration d) {
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(Words.DAYS_SHORT.text(d.toDays()));
        }
        if (d.toHoursPart() > 0) {
            parts.add(Words.HOURS_SHORT.text(d.toHoursPart()));
        }
        if (d.toDays() == 0 && d.toMinutesPart() > 0) {
            parts.add(Words.MINUTES_SHORT.text(d.toMinutesPart()));
        }
        return parts.isEmpty() ? Words.LESS_THAN_A_MINUTE.text() : String.join(" ", parts);
    }

    /** The appeal's text followed by the answer and the co-executors' materials, as plain text for a card body. */
    public static String appealAndAnswer(CardFacts f) {
        AppealView a = f.appeal();
        String answer = a.answer() == null ? "" : Words.ANSWER.text(a.answer().type().title(),
                a.answer().postponedUntil() == null ? ""
                        : Words.POSTPONED_UNTIL.text(CardTexts.DATE.format(a.answer().postponedUntil())),
                a.answer().text());
        return appealText(f) + answer + materials(f);
    }

    /** «Текст обращения: …» as plain text. */
    public static String appealText(AppealView a) {
        return Words.APPEAL_TEXT.text(a.text());
    }

    /**
     * «Текст обращения: …» as plain text; without personal data in the chats, only where the text and the applicant
     * are (the appeal's page, when there is one).
     */
    public static String appealText(CardFacts f) {
        if (f.personalData()) {
            return appealText(f.appeal());
        }
        return Words.PERSONAL_DATA_WITHHELD.text(f.page() == null ? "" : Words.PERSONAL_DATA_ON_PAGE.text());
    }

    /** The materials co-executors delivered, as plain text (empty when none). */
    public static String materials(CardFacts f) {
        StringBuilder materials = new StringBuilder();
        f.appeal().coExecutors().stream().filter(co -> co.deliveredAt() != null).forEach(co -> materials
                .append(Words.MATERIALS.text(f.name(co.staffId()), co.files().size(), co.materials())));
        return materials.toString();
    }
}
