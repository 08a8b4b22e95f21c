package ru.appealdesk.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.Callback.Action;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.sla.Alerts.Alert;
import ru.appealdesk.sla.Alerts.AlertsDue;
import ru.appealdesk.sla.Alerts.Type;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/**
 * Turns the alerts of one timer tick into messages: one message per person, however many appeals it is about
 * (a bulk import of 500 overdue appeals sends one message to a deputy head, not 500), with buttons to open the
 * appeals. Escalations and overdue alerts go before reminders.
 */
@Component
class AlertNotifier {

    private static final int MAX_BUTTONS = 10;
    /** A digest stays one message: well below Telegram's 4096 characters. */
    private static final int DIGEST_LIMIT = 3600;
    private static final Map<Type, String> TITLES = Map.of(Type.REMINDER, "⏰ Ждут вашего действия",
            Type.COORDINATOR_ALERT, "⚠️ Без движения", Type.ESCALATION, "🚨 Эскалации", Type.COUNTDOWN,
            "⏳ Приближается срок", Type.OVERDUE, "🔥 Просрочено", Type.TERM_EXPIRED, "⛔ Срок рассмотрения истёк",
            Type.REDIRECT_COUNTDOWN, "↗️ Срок перенаправления по 59-ФЗ", Type.CO_COUNTDOWN, "⏳ Срок соисполнителя",
            Type.CO_OVERDUE, "🔥 Материалы соисполнителя просрочены");

    private final AppealService appeals;
    private final Recipients recipients;
    private final Outbox outbox;
    private final CardTexts texts;

    AlertNotifier(AppealService appeals, Recipients recipients, Outbox outbox, CardTexts texts) {
        this.appeals = appeals;
        this.recipients = recipients;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(AlertsDue due) {
        // a substitute who gets the same alert in their own right does not get it again «за …»
        Map<String, java.util.Optional<String>> substitutes = new java.util.HashMap<>();
        java.util.Set<String> keys = due.alerts().stream().map(al -> al.recipientId() + "|" + al.appealId() + "|"
                + al.type()).collect(Collectors.toSet());
        List<Alert> kept = due.alerts().stream().filter(al -> substitutes
                .computeIfAbsent(al.recipientId(), recipients::substituteId)
                .map(s -> !keys.contains(s + "|" + al.appealId() + "|" + al.type())).orElse(true)).toList();
        Map<String, List<Alert>> byRecipient = kept.stream()
                .collect(Collectors.groupingBy(Alert::recipientId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, AppealView> cache = new LinkedHashMap<>();
        // an absent person's alerts go to their substitute, marked «за …» (seed 002 п.4)
        byRecipient.forEach((recipient, alerts) -> recipients.of(recipient).ifPresent(to -> {
            long chat = to.id();
            List<Alert> known = alerts.stream().filter(al -> cache.computeIfAbsent(al.appealId(),
                    id -> appeals.find(id).orElse(null)) != null).toList();
            if (known.isEmpty()) {
                return;
            }
            boolean urgent = known.stream().anyMatch(al -> al.type() == Type.ESCALATION || al.type() == Type.OVERDUE
                    || al.type() == Type.TERM_EXPIRED);
            int priority = urgent ? Outbox.PRIORITY_CARD : Outbox.PRIORITY_BULK;
            if (known.size() == 1) {
                AppealView a = cache.get(known.get(0).appealId());
                outbox.text(chat, to.mark() + line(known.get(0), a), List.of(List.of(open(a))), priority);
                return;
            }
            outbox.text(chat, to.mark() + digest(known, cache), buttons(known, cache), priority);
        }));
    }

    /** Several alerts as one message: a count per kind, then the most urgent first, one short line each. */
    private String digest(List<Alert> alerts, Map<Long, AppealView> appealsById) {
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(java.util.Comparator.comparing((Alert al) -> al.type().ordinal() < 2 ? 1 : 0)
                .thenComparing(al -> appealsById.get(al.appealId()).answerDueAt()));
        Map<Type, Long> counts = alerts.stream().collect(Collectors.groupingBy(Alert::type,
                () -> new java.util.EnumMap<>(Type.class), Collectors.counting()));
        StringBuilder sb = new StringBuilder("<b>Уведомления по обращениям (" + alerts.size() + ")</b>\n");
        counts.forEach((type, n) -> sb.append(TITLES.get(type)).append(": ").append(n).append('\n'));
        sb.append('\n');
        int shown = 0;
        for (Alert alert : sorted) {
            String line = shortLine(alert, appealsById.get(alert.appealId())) + "\n";
            if (sb.length() + line.length() > DIGEST_LIMIT) {
                break;
            }
            sb.append(line);
            shown++;
        }
        if (shown < sorted.size()) {
            sb.append("…и ещё ").append(sorted.size() - shown).append(". Карточка: /appeal &lt;номер&gt;");
        }
        return sb.toString().strip();
    }

    private String shortLine(Alert alert, AppealView a) {
        String number = "<b>№ " + Html.escape(a.number()) + "</b>";
        String holders = Html.escape(alert.holders().stream().map(texts::name).collect(Collectors.joining(", ")));
        return switch (alert.type()) {
            case REMINDER -> "⏰ " + number + ": ждёт вас с " + texts.time(alert.since());
            case COORDINATOR_ALERT -> alert.level() >= 3
                    ? "🚨 " + number + ": эскалировано " + escalatedTo(alert) + ", ждёт с " + texts.time(alert.since())
                    + ", у " + holders
                    : "⚠️ " + number + ": без движения с " + texts.time(alert.since()) + ", у " + holders;
            case ESCALATION -> "🚨 " + number + ": без движения с " + texts.time(alert.since()) + ", у " + holders;
            case COUNTDOWN -> "⏳ " + number + ": " + countdownLeft(alert, a);
            case OVERDUE -> "🔥 " + number + ": не размещено к " + texts.time(a.answerDueAt()) + ", у " + holders;
            case TERM_EXPIRED -> "⛔ " + number + ": срок рассмотрения истёк " + texts.time(a.dueAt()) + ", у "
                    + holders;
            case REDIRECT_COUNTDOWN -> "↗️ " + number + ": перенаправить по 59-ФЗ до " + texts.time(a.redirectDueAt())
                    + " (" + texts.left(a.redirectDueAt()) + ")";
            case CO_COUNTDOWN -> "⏳ " + number + ": передать материалы ответственному до " + coDue(alert, a);
            case CO_OVERDUE -> "🔥 " + number + ": соисполнитель " + Html.escape(texts.name(alert.coExecutorId()))
                    + " не передал материалы к " + coDue(alert, a);
        };
    }

    private List<List<Button>> buttons(List<Alert> alerts, Map<Long, AppealView> appealsById) {
        return alerts.stream().map(Alert::appealId).distinct().limit(MAX_BUTTONS)
                .map(id -> List.of(open(appealsById.get(id)))).toList();
    }

    private static Button open(AppealView a) {
        return Callback.of(Action.OPEN, a.id(), a.step()).button(Buttons.OPEN_NUMBER.text(shorten(a.number())));
    }

    private String line(Alert alert, AppealView a) {
        String number = "<b>№ " + Html.escape(a.number()) + "</b> (" + Html.escape(texts.categoryName(a.category()))
                + ")";
        String holders = Html.escape(alert.holders().stream().map(texts::name).collect(Collectors.joining(", ")));
        String since = texts.time(alert.since());
        return switch (alert.type()) {
            case REMINDER -> "⏰ Напоминание" + (alert.level() > 1 ? " (повторное)" : "") + ": обращение " + number
                    + " ждёт вас с " + since + ". Требуется: " + expected(alert.status()) + ".";
            case COORDINATOR_ALERT -> alert.level() >= 3
                    ? "🚨 Эскалировано " + escalatedTo(alert) + ": обращение " + number + " ждёт с " + since
                    + " («" + Html.escape(alert.status().title()) + "», у " + holders + "). Требуется: "
                    + expected(alert.status()) + ". Срок ответа: " + texts.time(a.answerDueAt()) + "."
                    : "⚠️ Обращение " + number + " без движения с " + since + ": «"
                    + Html.escape(alert.status().title()) + "», у " + holders + ". Требуется: "
                    + expected(alert.status()) + ".";
            case ESCALATION -> "🚨 Эскалация: обращение " + number + " с " + since + " без движения, у " + holders
                    + " («" + Html.escape(alert.status().title()) + "»). Требуется: " + expected(alert.status())
                    + ". Срок ответа: " + texts.time(a.answerDueAt()) + ".";
            case COUNTDOWN -> "⏳ " + (alert.offset() == null ? "Приближается срок ответа"
                    : "За " + texts.duration(alert.offset()) + " до срока ответа") + ": обращение " + number
                    + ", срок " + texts.time(a.answerDueAt()) + ", " + countdownLeft(alert, a) + ". Статус: «"
                    + Html.escape(alert.status().title()) + "».";
            case OVERDUE -> "🔥 Просрочено: ответ по обращению " + number + " не размещён на портале к сроку "
                    + texts.time(a.answerDueAt()) + ". Статус «" + Html.escape(alert.status().title()) + "», у "
                    + holders + "; исполнитель: " + Html.escape(texts.name(a.executorId())) + ". Требуется: "
                    + expected(alert.status()) + ".";
            case REDIRECT_COUNTDOWN -> "↗️ Обращение " + number + " по 59-ФЗ ждёт решения координатора («"
                    + Html.escape(alert.status().title()) + "»): если оно не в компетенции администрации, его нужно "
                    + "перенаправить до " + texts.time(a.redirectDueAt()) + " (" + texts.left(a.redirectDueAt())
                    + ", ч. 3 ст. 8 59-ФЗ).";
            case CO_COUNTDOWN -> "⏳ Вы соисполнитель по обращению " + number + ": передайте материалы ответственному "
                    + "исполнителю " + Html.escape(texts.name(a.executorId())) + " до " + coDue(alert, a) + " ("
                    + (alert.workingLeft() == null ? "" : "рабочего времени осталось " + texts.amount(alert.workingLeft()))
                    + "). Кнопка «Передать материалы» — в карточке соисполнителя.";
            case CO_OVERDUE -> "🔥 Просрочено: соисполнитель " + Html.escape(texts.name(alert.coExecutorId()))
                    + " не передал материалы по обращению " + number + " к сроку " + coDue(alert, a)
                    + ". Ответственный исполнитель: " + Html.escape(texts.name(a.executorId())) + ".";
            case TERM_EXPIRED -> "⛔ Срок рассмотрения истёк: обращение " + number + " не закрыто к "
                    + texts.time(a.dueAt()) + ". Статус «" + Html.escape(alert.status().title()) + "», у " + holders
                    + ". Требуется: " + expected(alert.status()) + ".";
        };
    }

    /** The co-executor's own deadline (PRODUCT.md §10). */
    private String coDue(Alert alert, AppealView a) {
        return a.coExecutor(alert.coExecutorId()).map(co -> texts.time(co.dueAt())).orElse("—");
    }

    /** Whom a level-3 step was escalated to, by name; the coordinators learn it from this alert. */
    private String escalatedTo(Alert alert) {
        return alert.escalatedTo().isEmpty() ? "(заместитель главы не назначен)"
                : "заместителю главы " + Html.escape(alert.escalatedTo().stream().map(texts::name)
                .collect(Collectors.joining(", ")));
    }

    /** What is left: the working time (what the countdown counts), and the calendar time when it differs. */
    private String countdownLeft(Alert alert, AppealView a) {
        if (alert.workingLeft() == null) {
            return texts.left(a.answerDueAt());
        }
        return "рабочего времени осталось " + texts.amount(alert.workingLeft());
    }

    private static String expected(AppealStatus status) {
        return switch (status) {
            case NEW -> "назначить исполнителя";
            case ASSIGNED -> "взять в работу или вернуть с указанием НПА";
            case IN_PROGRESS -> "подготовить ответ";
            case RETURNED -> "назначить другого исполнителя или отклонить возврат";
            case ANSWER_REVIEW -> "согласовать ответ или вернуть на доработку";
            case REWORK -> "доработать ответ и отправить на согласование";
            case APPROVED -> "разместить ответ на портале и нажать «Размещено»";
            case REDIRECT_REVIEW -> "согласовать или отклонить перенаправление";
            case POSTPONED -> "подготовить итоговый ответ к отложенной дате";
            case CLOSED -> "ничего";
        };
    }

    private static String shorten(String number) {
        return number.length() <= 40 ? number : number.substring(0, 39) + "…";
    }
}
