package ru.appealdesk.bot;

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
import ru.appealdesk.workflow.AppealView;

/** The Russian texts of appeal cards, in Telegram HTML with every user-supplied value escaped. */
@Component
class CardTexts {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    static final DateTimeFormatter DATE = ru.appealdesk.directory.Organization.DATE;

    private final Directory directory;
    private final Clock clock;

    CardTexts(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The header of a card: number, category, address, deadlines, applicant; contacts only if allowed. */
    String header(String title, AppealView a, boolean withContacts) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append(Html.bold("Обращение № " + a.number())).append(" (").append(Html.escape(a.source().title()))
                .append(")\n");
        sb.append("Категория: ").append(Html.escape(categoryName(a.category()))).append('\n');
        if (a.address() != null && !a.address().isBlank()) {
            sb.append("Адрес: ").append(Html.escape(a.address())).append('\n');
        }
        sb.append("Поступило: ").append(time(a.receivedAt())).append('\n');
        sb.append("Срок ответа: ").append(Html.bold(time(a.answerDueAt()))).append(" (")
                .append(left(a.answerDueAt())).append(")\n");
        if (!a.dueAt().equals(a.answerDueAt())) {
            sb.append("Окончательный срок: ").append(time(a.dueAt())).append('\n');
        }
        if (a.priority() == Priority.HIGH) {
            sb.append("❗ Повышенная важность\n");
        } else if (a.priority() == Priority.FAST_TRACK) {
            sb.append("⚡ Ускоренное рассмотрение\n");
        }
        if (a.fz59()) {
            sb.append("Обращение по 59-ФЗ\n");
        }
        if (a.sociallySignificant()) {
            sb.append("Социально значимое\n");
        }
        if (a.postponeCount() > 0) {
            sb.append("⏳ Решение откладывалось (").append(a.postponeCount()).append(" из 2)\n");
        }
        if (a.reopenCount() > 0) {
            sb.append("❗ Заявитель не согласен с ответом (возврат ").append(a.reopenCount()).append(" из 3)\n");
        }
        AppealView.Applicant applicant = a.applicant();
        if (withContacts && contactsLine(a) != null) {
            sb.append(contactsLine(a));
        } else if (applicant != null && applicant.name() != null) {
            sb.append("Заявитель: ").append(Html.escape(applicant.name())).append('\n');
        }
        if (!a.photos().isEmpty()) {
            sb.append("Фото заявителя: ").append(a.photos().size()).append(" (отдельными сообщениями)\n");
        }
        sb.append("Исполнитель: ").append(Html.escape(name(a.executorId()))).append('\n');
        sb.append("Статус: ").append(Html.escape(a.status().title()))
                .append(a.resolution() == null ? "" : " — " + Html.escape(a.resolution().title())).append("\n\n");
        return sb.toString();
    }

    /** The applicant's line with their phone and e-mail, or null when the appeal has neither (or no name). */
    String contactsLine(AppealView a) {
        AppealView.Applicant applicant = a.applicant();
        if (applicant == null || applicant.name() == null || applicant.phone() == null && applicant.email() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("Заявитель: ").append(Html.escape(applicant.name()));
        if (applicant.phone() != null) {
            sb.append(", ").append(Html.escape(applicant.phone()));
        }
        if (applicant.email() != null) {
            sb.append(", ").append(Html.escape(applicant.email()));
        }
        return sb.append('\n').toString();
    }

    /** Whether a header made by {@link #header} shows the applicant's contacts (it was made with them). */
    boolean showsContacts(String header, AppealView a) {
        String line = contactsLine(a);
        return line != null && header.contains(line);
    }

    String time(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(directory.organization().timeZone()));
    }

    /** «осталось 2 д 5 ч» or «просрочено на 3 ч 10 мин». */
    String left(Instant deadline) {
        Duration d = Duration.between(clock.instant(), deadline);
        boolean overdue = d.isNegative();
        String amount = amount(d.abs());
        return overdue ? "просрочено на " + amount : "осталось " + amount;
    }

    /** A span as «2 д 3 ч», «3 ч 59 мин», «менее минуты». */
    String amount(Duration d) {
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(d.toDays() + " д");
        }
        if (d.toHoursPart() > 0) {
            parts.add(d.toHoursPart() + " ч");
        }
        if (d.toDays() == 0 && d.toMinutesPart() > 0) {
            parts.add(d.toMinutesPart() + " мин");
        }
        return parts.isEmpty() ? "менее минуты" : String.join(" ", parts);
    }

    /** A configured duration in words after «за»: «24 часа», «4 рабочих часа», «30 рабочих минут», «1 рабочий день». */
    String duration(ru.appealdesk.directory.WorkDuration duration) {
        long n = duration.amount();
        int form = n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;
        String[] words = switch (duration.unit()) {
            case SECONDS -> duration.working() ? new String[] {"рабочую секунду", "рабочие секунды", "рабочих секунд"}
                    : new String[] {"секунду", "секунды", "секунд"};
            case MINUTES -> duration.working() ? new String[] {"рабочую минуту", "рабочие минуты", "рабочих минут"}
                    : new String[] {"минуту", "минуты", "минут"};
            case HOURS -> duration.working() ? new String[] {"рабочий час", "рабочих часа", "рабочих часов"}
                    : new String[] {"час", "часа", "часов"};
            case DAYS -> duration.working() ? new String[] {"рабочий день", "рабочих дня", "рабочих дней"}
                    : new String[] {"день", "дня", "дней"};
        };
        return n + " " + words[form];
    }

    String name(String staffId) {
        if (staffId == null) {
            return "—";
        }
        return directory.staff(staffId).map(StaffMember::shortName).orElse(staffId);
    }

    /** The secondary approver of {@code staff.yml} (the director of МКУ «МЦУР»), or a dash. */
    String secondaryApproverName() {
        return name(directory.secondaryApprover().map(StaffMember::id).orElse(null));
    }

    String categoryName(String code) {
        return directory.category(code).map(Category::name).orElse(code + " (неизвестная категория)");
    }

    /** The appeal's text followed by the answer, as plain text for a card body. */
    String appealAndAnswer(AppealView a) {
        String answer = a.answer() == null ? "" : "\n\nОтвет («" + a.answer().type().title() + "»"
                + (a.answer().postponedUntil() == null ? "" : ", отложено до " + DATE.format(a.answer().postponedUntil()))
                + "):\n" + a.answer().text();
        return "Текст обращения:\n" + a.text() + answer + materials(a);
    }

    /** The materials co-executors delivered, as plain text (empty when none). */
    String materials(AppealView a) {
        StringBuilder materials = new StringBuilder();
        a.coExecutors().stream().filter(co -> co.deliveredAt() != null).forEach(co -> materials
                .append("\n\nМатериалы соисполнителя ").append(name(co.staffId())).append(" (").append(co.files().size())
                .append(" файл.):\n").append(co.materials()));
        return materials.toString();
    }
}
