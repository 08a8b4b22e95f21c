package ru.appealdesk.bot.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.sla.Alerts.Alert;
import ru.appealdesk.sla.Alerts.AlertsDue;
import ru.appealdesk.sla.Alerts.Type;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.text.Text;
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
    private static final Map<Type, Words> TITLES = Map.of(Type.REMINDER, Words.TITLE_REMINDER,
            Type.COORDINATOR_ALERT, Words.TITLE_COORDINATOR_ALERT, Type.ESCALATION, Words.TITLE_ESCALATION,
            Type.COUNTDOWN, Words.TITLE_COUNTDOWN, Type.OVERDUE, Words.TITLE_OVERDUE,
            Type.TERM_EXPIRED, Words.TITLE_TERM_EXPIRED, Type.REDIRECT_COUNTDOWN, Words.TITLE_REDIRECT_COUNTDOWN,
            Type.CO_COUNTDOWN, Words.TITLE_CO_COUNTDOWN, Type.CO_OVERDUE, Words.TITLE_CO_OVERDUE);

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
        StringBuilder sb = new StringBuilder(Words.DIGEST.text(alerts.size()));
        counts.forEach((type, n) -> sb.append(TITLES.get(type).text()).append(": ").append(n).append('\n'));
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
            sb.append(Words.AND_MORE.text(sorted.size() - shown));
        }
        return sb.toString().strip();
    }

    private String shortLine(Alert alert, AppealView a) {
        String number = "<b>№ " + Html.escape(a.number()) + "</b>";
        String holders = Html.escape(alert.holders().stream().map(texts::name).collect(Collectors.joining(", ")));
        return switch (alert.type()) {
            case REMINDER -> Words.SHORT_REMINDER.text(number, texts.time(alert.since()));
            case COORDINATOR_ALERT -> alert.level() >= 3
                    ? Words.SHORT_ESCALATED.text(number, escalatedTo(alert), texts.time(alert.since()), holders)
                    : Words.SHORT_STILL.text(number, texts.time(alert.since()), holders);
            case ESCALATION -> Words.SHORT_ESCALATION.text(number, texts.time(alert.since()), holders);
            case COUNTDOWN -> Words.SHORT_COUNTDOWN.text(number, countdownLeft(alert, a));
            case OVERDUE -> Words.SHORT_OVERDUE.text(number, texts.time(a.answerDueAt()), holders);
            case TERM_EXPIRED -> Words.SHORT_TERM_EXPIRED.text(number, texts.time(a.dueAt()), holders);
            case REDIRECT_COUNTDOWN -> Words.SHORT_REDIRECT_COUNTDOWN.text(number, texts.time(a.redirectDueAt()),
                    texts.left(a.redirectDueAt()));
            case CO_COUNTDOWN -> Words.SHORT_CO_COUNTDOWN.text(number, coDue(alert, a));
            case CO_OVERDUE -> Words.SHORT_CO_OVERDUE.text(number, Html.escape(texts.name(alert.coExecutorId())),
                    coDue(alert, a));
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
        String status = Html.escape(alert.status().title());
        String expected = expected(alert.status());
        return switch (alert.type()) {
            case REMINDER -> Words.REMINDER.text(alert.level() > 1 ? Words.REPEATED.text() : "", number, since,
                    expected);
            case COORDINATOR_ALERT -> alert.level() >= 3
                    ? Words.ESCALATED.text(escalatedTo(alert), number, since, status, holders, expected,
                            texts.time(a.answerDueAt()))
                    : Words.STILL.text(number, since, status, holders, expected);
            case ESCALATION -> Words.ESCALATION.text(number, since, holders, status, expected,
                    texts.time(a.answerDueAt()));
            case COUNTDOWN -> Words.COUNTDOWN.text(alert.offset() == null ? Words.COUNTDOWN_NEAR.text()
                            : Words.COUNTDOWN_BEFORE.text(texts.duration(alert.offset())), number,
                    texts.time(a.answerDueAt()), countdownLeft(alert, a), status);
            case OVERDUE -> Words.OVERDUE.text(number, texts.time(a.answerDueAt()), status, holders,
                    Html.escape(texts.name(a.executorId())), expected);
            case REDIRECT_COUNTDOWN -> Words.REDIRECT_COUNTDOWN.text(number, status, texts.time(a.redirectDueAt()),
                    texts.left(a.redirectDueAt()));
            case CO_COUNTDOWN -> Words.CO_COUNTDOWN.text(number, Html.escape(texts.name(a.executorId())),
                    coDue(alert, a),
                    alert.workingLeft() == null ? "" : Words.WORKING_LEFT.text(texts.amount(alert.workingLeft())));
            case CO_OVERDUE -> Words.CO_OVERDUE.text(Html.escape(texts.name(alert.coExecutorId())), number,
                    coDue(alert, a), Html.escape(texts.name(a.executorId())));
            case TERM_EXPIRED -> Words.TERM_EXPIRED.text(number, texts.time(a.dueAt()), status, holders, expected);
        };
    }

    /** The co-executor's own deadline (PRODUCT.md §10). */
    private String coDue(Alert alert, AppealView a) {
        return a.coExecutor(alert.coExecutorId()).map(co -> texts.time(co.dueAt())).orElse("—");
    }

    /** Whom a level-3 step was escalated to, by name; the coordinators learn it from this alert. */
    private String escalatedTo(Alert alert) {
        return alert.escalatedTo().isEmpty() ? Words.NO_DEPUTY_HEAD.text()
                : Words.TO_DEPUTY_HEAD.text(Html.escape(alert.escalatedTo().stream().map(texts::name)
                .collect(Collectors.joining(", "))));
    }

    /** What is left: the working time (what the countdown counts), and the calendar time when it differs. */
    private String countdownLeft(Alert alert, AppealView a) {
        if (alert.workingLeft() == null) {
            return texts.left(a.answerDueAt());
        }
        return Words.WORKING_LEFT.text(texts.amount(alert.workingLeft()));
    }

    private static String expected(AppealStatus status) {
        return (switch (status) {
            case NEW -> Words.EXPECTED_NEW;
            case ASSIGNED -> Words.EXPECTED_ASSIGNED;
            case IN_PROGRESS -> Words.EXPECTED_IN_PROGRESS;
            case RETURNED -> Words.EXPECTED_RETURNED;
            case ANSWER_REVIEW -> Words.EXPECTED_ANSWER_REVIEW;
            case REWORK -> Words.EXPECTED_REWORK;
            case APPROVED -> Words.EXPECTED_APPROVED;
            case REDIRECT_REVIEW -> Words.EXPECTED_REDIRECT_REVIEW;
            case POSTPONED -> Words.EXPECTED_POSTPONED;
            case CLOSED -> Words.EXPECTED_CLOSED;
        }).text();
    }

    private static String shorten(String number) {
        return number.length() <= 40 ? number : number.substring(0, 39) + "…";
    }

    /** The alerts: one line per type, the digest's titles (TITLE_) and short lines (SHORT_). */
    enum Words implements Text {
        TITLE_REMINDER,
        TITLE_COORDINATOR_ALERT,
        TITLE_ESCALATION,
        TITLE_COUNTDOWN,
        TITLE_OVERDUE,
        TITLE_TERM_EXPIRED,
        TITLE_REDIRECT_COUNTDOWN,
        TITLE_CO_COUNTDOWN,
        TITLE_CO_OVERDUE,
        DIGEST,
        AND_MORE,
        SHORT_REMINDER,
        SHORT_ESCALATED,
        SHORT_STILL,
        SHORT_ESCALATION,
        SHORT_COUNTDOWN,
        SHORT_OVERDUE,
        SHORT_TERM_EXPIRED,
        SHORT_REDIRECT_COUNTDOWN,
        SHORT_CO_COUNTDOWN,
        SHORT_CO_OVERDUE,
        REMINDER,
        REPEATED,
        ESCALATED,
        STILL,
        ESCALATION,
        COUNTDOWN,
        COUNTDOWN_NEAR,
        COUNTDOWN_BEFORE,
        OVERDUE,
        REDIRECT_COUNTDOWN,
        CO_COUNTDOWN,
        WORKING_LEFT,
        CO_OVERDUE,
        TERM_EXPIRED,
        NO_DEPUTY_HEAD,
        TO_DEPUTY_HEAD,
        EXPECTED_NEW,
        EXPECTED_ASSIGNED,
        EXPECTED_IN_PROGRESS,
        EXPECTED_RETURNED,
        EXPECTED_ANSWER_REVIEW,
        EXPECTED_REWORK,
        EXPECTED_APPROVED,
        EXPECTED_REDIRECT_REVIEW,
        EXPECTED_POSTPONED,
        EXPECTED_CLOSED;

        @Override
        public String area() {
            return "bot.alerts";
        }
    }
}
