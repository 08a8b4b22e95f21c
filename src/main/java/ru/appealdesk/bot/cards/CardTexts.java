package ru.appealdesk.bot.cards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealView;

/** The Russian texts of appeal cards, in Telegram HTML with every user-supplied value escaped. */
@Component
public class CardTexts {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    public static final DateTimeFormatter DATE = ru.appealdesk.directory.Organization.DATE;

    private final Directory directory;
    private final Clock clock;

    CardTexts(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The header of a card: number, category, address, deadlines, applicant; contacts only if allowed. */
    public String header(String title, AppealView a, boolean withContacts) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append(Html.bold(Words.APPEAL_NUMBER.text(a.number()))).append(" (")
                .append(Html.escape(a.source().title())).append(")\n");
        sb.append(Words.CATEGORY.text(Html.escape(categoryName(a.category())))).append('\n');
        if (a.address() != null && !a.address().isBlank()) {
            sb.append(Words.ADDRESS.text(Html.escape(a.address()))).append('\n');
        }
        sb.append(Words.RECEIVED.text(time(a.receivedAt()))).append('\n');
        sb.append(Words.ANSWER_DUE.text(Html.bold(time(a.answerDueAt())), left(a.answerDueAt()))).append('\n');
        if (!a.dueAt().equals(a.answerDueAt())) {
            sb.append(Words.FINAL_DUE.text(time(a.dueAt()))).append('\n');
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
            sb.append(Words.POSTPONED_TIMES.text(a.postponeCount())).append('\n');
        }
        if (a.reopenCount() > 0) {
            sb.append(Words.REOPENED_TIMES.text(a.reopenCount())).append('\n');
        }
        AppealView.Applicant applicant = a.applicant();
        if (withContacts && contactsLine(a) != null) {
            sb.append(contactsLine(a));
        } else if (applicant != null && applicant.name() != null) {
            sb.append(Words.APPLICANT.text(Html.escape(applicant.name()))).append('\n');
        }
        if (!a.photos().isEmpty()) {
            sb.append(Words.APPLICANT_PHOTOS.text(a.photos().size())).append('\n');
        }
        sb.append(Words.EXECUTOR.text(Html.escape(name(a.executorId())))).append('\n');
        sb.append(Words.STATUS.text(Html.escape(a.status().title())))
                .append(a.resolution() == null ? "" : " — " + Html.escape(a.resolution().title())).append("\n\n");
        return sb.toString();
    }

    /** The applicant's line with their phone and e-mail, or null when the appeal has neither (or no name). */
    String contactsLine(AppealView a) {
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

    /** Whether a header made by {@link #header} shows the applicant's contacts (it was made with them). */
    public boolean showsContacts(String header, AppealView a) {
        String line = contactsLine(a);
        return line != null && header.contains(line);
    }

    public String time(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(directory.organization().timeZone()));
    }

    /** «осталось 2 д 5 ч» or «просрочено на 3 ч 10 мин». */
    public String left(Instant deadline) {
        Duration d = Duration.between(clock.instant(), deadline);
        boolean overdue = d.isNegative();
        String amount = amount(d.abs());
        return (overdue ? Words.OVERDUE_BY : Words.LEFT).text(amount);
    }

    /** A span as «2 д 3 ч», «3 ч 59 мин», «менее минуты». */
    public String amount(Duration d) {
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

    /** A configured duration in words after «за»: «24 часа», «4 рабочих часа», «30 рабочих минут», «1 рабочий день». */
    public String duration(ru.appealdesk.directory.WorkDuration duration) {
        long n = duration.amount();
        int form = n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;
        Words words = switch (duration.unit()) {
            case SECONDS -> duration.working() ? Words.WORKING_SECONDS : Words.SECONDS;
            case MINUTES -> duration.working() ? Words.WORKING_MINUTES : Words.MINUTES;
            case HOURS -> duration.working() ? Words.WORKING_HOURS : Words.HOURS;
            case DAYS -> duration.working() ? Words.WORKING_DAYS : Words.DAYS;
        };
        return n + " " + words.text().split(",")[form];
    }

    public String name(String staffId) {
        if (staffId == null) {
            return "—";
        }
        return directory.staff(staffId).map(StaffMember::shortName).orElse(staffId);
    }

    /** The secondary approver of {@code staff.yml} (the director of МКУ «МЦУР»), or a dash. */
    public String secondaryApproverName() {
        return name(directory.secondaryApprover().map(StaffMember::id).orElse(null));
    }

    public String categoryName(String code) {
        return directory.category(code).map(Category::name).orElse(Words.UNKNOWN_CATEGORY.text(code));
    }

    /** The appeal's text followed by the answer, as plain text for a card body. */
    public String appealAndAnswer(AppealView a) {
        String answer = a.answer() == null ? "" : Words.ANSWER.text(a.answer().type().title(),
                a.answer().postponedUntil() == null ? ""
                        : Words.POSTPONED_UNTIL.text(DATE.format(a.answer().postponedUntil())),
                a.answer().text());
        return Words.APPEAL_TEXT.text(a.text()) + answer + materials(a);
    }

    /** The materials co-executors delivered, as plain text (empty when none). */
    public String materials(AppealView a) {
        StringBuilder materials = new StringBuilder();
        a.coExecutors().stream().filter(co -> co.deliveredAt() != null).forEach(co -> materials
                .append(Words.MATERIALS.text(name(co.staffId()), co.files().size(), co.materials())));
        return materials.toString();
    }

    /** The lines of a card; a duration unit is its three forms (1, 2, 5) separated by commas. */
    public enum Words implements Text {
        APPEAL_NUMBER,
        CATEGORY,
        ADDRESS,
        RECEIVED,
        ANSWER_DUE,
        FINAL_DUE,
        HIGH_PRIORITY,
        FAST_TRACK,
        FZ59,
        SOCIALLY_SIGNIFICANT,
        POSTPONED_TIMES,
        REOPENED_TIMES,
        APPLICANT,
        APPLICANT_PHOTOS,
        EXECUTOR,
        STATUS,
        OVERDUE_BY,
        LEFT,
        DAYS_SHORT,
        HOURS_SHORT,
        MINUTES_SHORT,
        LESS_THAN_A_MINUTE,
        SECONDS,
        WORKING_SECONDS,
        MINUTES,
        WORKING_MINUTES,
        HOURS,
        WORKING_HOURS,
        DAYS,
        WORKING_DAYS,
        UNKNOWN_CATEGORY,
        ANSWER,
        POSTPONED_UNTIL,
        APPEAL_TEXT,
        MATERIALS;

        @Override
        public String area() {
            return "bot.card";
        }
    }
}
