package ru.appealdesk.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.chat.Callback.Action;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.sla.Alerts.Alert;
import ru.appealdesk.sla.Alerts.AlertsDue;
import ru.appealdesk.sla.Alerts.Type;
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

    private final AppealService appeals;
    private final StaffAccounts accounts;
    private final Outbox outbox;
    private final CardTexts texts;

    AlertNotifier(AppealService appeals, StaffAccounts accounts, Outbox outbox, CardTexts texts) {
        this.appeals = appeals;
        this.accounts = accounts;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(AlertsDue due) {
        Map<String, List<Alert>> byRecipient = due.alerts().stream()
                .collect(Collectors.groupingBy(Alert::recipientId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, AppealView> cache = new LinkedHashMap<>();
        byRecipient.forEach((recipient, alerts) -> accounts.telegramIdOf(recipient).ifPresent(chat -> {
            List<String> lines = new ArrayList<>();
            List<List<Button>> buttons = new ArrayList<>();
            boolean urgent = false;
            for (Alert alert : alerts) {
                Optional<AppealView> appeal = Optional.ofNullable(cache.computeIfAbsent(alert.appealId(),
                        id -> appeals.find(id).orElse(null)));
                if (appeal.isEmpty()) {
                    continue;
                }
                AppealView a = appeal.get();
                lines.add(line(alert, a));
                urgent |= alert.type() == Type.ESCALATION || alert.type() == Type.OVERDUE;
                if (buttons.size() < MAX_BUTTONS && buttons.stream().noneMatch(r -> r.get(0).data()
                        .startsWith(Action.OPEN.code + ":" + a.id() + ":"))) {
                    buttons.add(List.of(Callback.of(Action.OPEN, a.id(), a.step())
                            .button("📄 Открыть № " + shorten(a.number()))));
                }
            }
            if (lines.isEmpty()) {
                return;
            }
            if (lines.size() > 1) {
                lines.add(0, "<b>Уведомления по обращениям (" + lines.size() + "):</b>");
            }
            int priority = urgent ? OutboundMessage.PRIORITY_CARD : OutboundMessage.PRIORITY_BULK;
            outbox.blocks(chat, lines, "\n\n", buttons, priority);
        }));
    }

    private String line(Alert alert, AppealView a) {
        String number = "<b>№ " + Html.escape(a.number()) + "</b> (" + Html.escape(texts.categoryName(a.category()))
                + ")";
        String holders = Html.escape(alert.holders().stream().map(texts::name).collect(Collectors.joining(", ")));
        String since = texts.time(alert.since());
        return switch (alert.type()) {
            case REMINDER -> "⏰ Напоминание" + (alert.level() > 1 ? " (повторное)" : "") + ": обращение " + number
                    + " ждёт вас с " + since + ". Требуется: " + expected(a.status()) + ".";
            case COORDINATOR_ALERT -> "⚠️ Обращение " + number + " без движения с " + since + ": «"
                    + Html.escape(a.status().title()) + "», у " + holders + ". Требуется: " + expected(a.status())
                    + ".";
            case ESCALATION -> "🚨 Эскалация: обращение " + number + " с " + since + " без движения, у " + holders
                    + " («" + Html.escape(a.status().title()) + "»). Требуется: " + expected(a.status())
                    + ". Срок ответа: " + texts.time(a.answerDueAt()) + ".";
            case COUNTDOWN -> "⏳ До срока ответа по обращению " + number + " " + texts.left(a.answerDueAt())
                    + " (срок " + texts.time(a.answerDueAt()) + "). Статус: «" + Html.escape(a.status().title())
                    + "».";
            case OVERDUE -> "🔥 Просрочено: обращение " + number + ", срок ответа истёк " + texts.time(a.answerDueAt())
                    + ". Исполнитель: " + Html.escape(texts.name(a.executorId())) + ", статус «"
                    + Html.escape(a.status().title()) + "».";
        };
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
            case CLOSED -> "ничего";
        };
    }

    private static String shorten(String number) {
        return number.length() <= 40 ? number : number.substring(0, 39) + "…";
    }
}
