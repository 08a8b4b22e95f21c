package ru.appealdesk.bot.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.CardLines;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.sla.Alerts.Alert;
import ru.appealdesk.sla.Alerts.Type;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.directory.Source;

/**
 * The alerts' messages, drawn from facts alone: one alert as a paragraph with a button to open the appeal, several
 * as a digest (a count per kind, then one short line each, the most urgent first) with a button per appeal.
 */
final class AlertCards {

    private static final int MAX_BUTTONS = 10;
    /** A digest stays one message: well below Telegram's 4096 characters. */
    private static final int DIGEST_LIMIT = 3600;
    private static final Map<Type, Words> TITLES = Map.ofEntries(Map.entry(Type.REMINDER, Words.TITLE_REMINDER),
            Map.entry(Type.COORDINATOR_ALERT, Words.TITLE_COORDINATOR_ALERT),
            Map.entry(Type.ESCALATION, Words.TITLE_ESCALATION), Map.entry(Type.COUNTDOWN, Words.TITLE_COUNTDOWN),
            Map.entry(Type.OVERDUE, Words.TITLE_OVERDUE), Map.entry(Type.TERM_EXPIRED, Words.TITLE_TERM_EXPIRED),
            Map.entry(Type.REDIRECT_COUNTDOWN, Words.TITLE_REDIRECT_COUNTDOWN),
            Map.entry(Type.REDIRECT_OVERDUE, Words.TITLE_REDIRECT_OVERDUE),
            Map.entry(Type.CO_COUNTDOWN, Words.TITLE_CO_COUNTDOWN), Map.entry(Type.CO_OVERDUE, Words.TITLE_CO_OVERDUE),
            Map.entry(Type.DRAFT_OVERDUE, Words.TITLE_DRAFT_OVERDUE));

    private AlertCards() {
    }

    /**
     * What the alerts are drawn from besides the alerts and the appeals: the staff's short names, the names of the
     * appeals' categories, the organisation's time zone and the moment of drawing.
     */
    record AlertFacts(Map<String, String> names, Map<String, String> categories, ZoneId zone, Instant now,
                      Set<Source> returnsWithReasonsOnly) {

        /** Whether a return of this source's appeals needs written reasons only, no act cited (seed 004 п.11). */
        boolean reasonsOnly(Source source) {
            return returnsWithReasonsOnly.contains(source);
        }

        String name(String staffId) {
            return staffId == null ? "—" : names.getOrDefault(staffId, staffId);
        }

        String category(String code) {
            return categories.get(code);
        }

        String time(Instant instant) {
            return CardLines.time(instant, zone);
        }

        String left(Instant deadline) {
            return CardLines.left(deadline, now);
        }
    }

    /** Several alerts as one message: a count per kind, then the most urgent first, one short line each. */
    static String digest(List<Alert> alerts, Map<Long, AppealView> appealsById, AlertFacts f) {
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparing((Alert al) -> al.type().ordinal() < 2 ? 1 : 0)
                .thenComparing(al -> appealsById.get(al.appealId()).answerDueAt()));
        Map<Type, Long> counts = alerts.stream().collect(Collectors.groupingBy(Alert::type,
                () -> new EnumMap<>(Type.class), Collectors.counting()));
        StringBuilder sb = new StringBuilder(Words.DIGEST.text(alerts.size()));
        counts.forEach((type, n) -> sb.append(TITLES.get(type).text()).append(": ").append(n).append('\n'));
        sb.append('\n');
        int shown = 0;
        for (Alert alert : sorted) {
            String line = shortLine(alert, appealsById.get(alert.appealId()), f) + "\n";
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

    private static String shortLine(Alert alert, AppealView a, AlertFacts f) {
        String number = "<b>№ " + Html.escape(a.number()) + "</b>";
        String holders = Html.escape(alert.holders().stream().map(f::name).collect(Collectors.joining(", ")));
        return switch (alert.type()) {
            case REMINDER -> Words.SHORT_REMINDER.text(number, f.time(alert.since()));
            case COORDINATOR_ALERT -> alert.level() >= 3
                    ? Words.SHORT_ESCALATED.text(number, escalatedTo(alert, f), f.time(alert.since()), holders)
                    : Words.SHORT_STILL.text(number, f.time(alert.since()), holders);
            case ESCALATION -> Words.SHORT_ESCALATION.text(number, f.time(alert.since()), holders);
            case COUNTDOWN -> Words.SHORT_COUNTDOWN.text(number, countdownLeft(alert, a, f));
            case OVERDUE -> Words.SHORT_OVERDUE.text(number, f.time(a.answerDueAt()), holders);
            case TERM_EXPIRED -> Words.SHORT_TERM_EXPIRED.text(number, f.time(a.dueAt()), holders);
            case REDIRECT_COUNTDOWN -> Words.SHORT_REDIRECT_COUNTDOWN.text(number, f.time(a.redirectDueAt()),
                    f.left(a.redirectDueAt()));
            case REDIRECT_OVERDUE -> Words.SHORT_REDIRECT_OVERDUE.text(number, f.time(a.redirectDueAt()));
            case CO_COUNTDOWN -> Words.SHORT_CO_COUNTDOWN.text(number, coDue(alert, a, f));
            case CO_OVERDUE -> Words.SHORT_CO_OVERDUE.text(number, Html.escape(f.name(alert.coExecutorId())),
                    coDue(alert, a, f));
            case DRAFT_OVERDUE -> Words.SHORT_DRAFT_OVERDUE.text(number, f.time(alert.since()));
        };
    }

    static List<List<Button>> buttons(List<Alert> alerts, Map<Long, AppealView> appealsById) {
        return alerts.stream().map(Alert::appealId).distinct().limit(MAX_BUTTONS)
                .map(id -> List.of(open(appealsById.get(id)))).toList();
    }

    static Button open(AppealView a) {
        return Callback.of(Action.OPEN, a.id(), a.step()).button(Buttons.OPEN_NUMBER.text(shorten(a.number())));
    }

    static String line(Alert alert, AppealView a, AlertFacts f) {
        String number = "<b>№ " + Html.escape(a.number()) + "</b> (" + Html.escape(f.category(a.category()))
                + ")";
        String holders = Html.escape(alert.holders().stream().map(f::name).collect(Collectors.joining(", ")));
        String since = f.time(alert.since());
        String status = Html.escape(alert.status().title());
        String expected = expected(alert.status(), f.reasonsOnly(a.source()));
        return switch (alert.type()) {
            case REMINDER -> Words.REMINDER.text(alert.level() > 1 ? Words.REPEATED.text() : "", number, since,
                    expected);
            case COORDINATOR_ALERT -> alert.level() >= 3
                    ? Words.ESCALATED.text(escalatedTo(alert, f), number, since, status, holders, expected,
                            f.time(a.answerDueAt()))
                    : Words.STILL.text(number, since, status, holders, expected);
            case ESCALATION -> Words.ESCALATION.text(number, since, holders, status, expected,
                    f.time(a.answerDueAt()));
            case COUNTDOWN -> Words.COUNTDOWN.text(alert.offset() == null ? Words.COUNTDOWN_NEAR.text()
                            : Words.COUNTDOWN_BEFORE.text(CardTexts.duration(alert.offset())), number,
                    f.time(alert.since()), countdownLeft(alert, a, f), status);
            case OVERDUE -> Words.OVERDUE.text(number, f.time(a.answerDueAt()), status, holders,
                    Html.escape(f.name(a.executorId())), expected);
            case REDIRECT_COUNTDOWN -> Words.REDIRECT_COUNTDOWN.text(number, status, f.time(a.redirectDueAt()),
                    f.left(a.redirectDueAt()));
            case REDIRECT_OVERDUE -> Words.REDIRECT_OVERDUE.text(number, status, f.time(a.redirectDueAt()));
            case CO_COUNTDOWN -> Words.CO_COUNTDOWN.text(number, Html.escape(f.name(a.executorId())),
                    coDue(alert, a, f),
                    alert.workingLeft() == null ? "" : Words.WORKING_LEFT.text(CardLines.amount(alert.workingLeft())));
            case CO_OVERDUE -> Words.CO_OVERDUE.text(Html.escape(f.name(alert.coExecutorId())), number,
                    coDue(alert, a, f), Html.escape(f.name(a.executorId())));
            case TERM_EXPIRED -> Words.TERM_EXPIRED.text(number, f.time(a.dueAt()), status, holders, expected);
            case DRAFT_OVERDUE -> Words.DRAFT_OVERDUE.text(number, since, f.time(a.answerDueAt()), status, expected);
        };
    }

    /** The co-executor's own deadline (PRODUCT.md §10). */
    private static String coDue(Alert alert, AppealView a, AlertFacts f) {
        return a.coExecutor(alert.coExecutorId()).map(co -> f.time(co.dueAt())).orElse("—");
    }

    /** Whom a level-3 step was escalated to, by name; the coordinators learn it from this alert. */
    private static String escalatedTo(Alert alert, AlertFacts f) {
        return alert.escalatedTo().isEmpty() ? Words.NO_DEPUTY_HEAD.text()
                : Words.TO_DEPUTY_HEAD.text(Html.escape(alert.escalatedTo().stream().map(f::name)
                .collect(Collectors.joining(", "))));
    }

    /** What is left: the working time (what the countdown counts), and the calendar time when it differs. */
    private static String countdownLeft(Alert alert, AppealView a, AlertFacts f) {
        if (alert.workingLeft() == null) {
            return f.left(a.answerDueAt());
        }
        return Words.WORKING_LEFT.text(CardLines.amount(alert.workingLeft()));
    }

    private static String expected(AppealStatus status, boolean reasonsOnly) {
        return (switch (status) {
            case NEW -> Words.EXPECTED_NEW;
            case ASSIGNED -> reasonsOnly ? Words.EXPECTED_ASSIGNED_REASONS : Words.EXPECTED_ASSIGNED;
            case IN_PROGRESS -> Words.EXPECTED_IN_PROGRESS;
            case RETURNED -> Words.EXPECTED_RETURNED;
            case ANSWER_REVIEW -> Words.EXPECTED_ANSWER_REVIEW;
            case REWORK -> Words.EXPECTED_REWORK;
            case APPROVED -> Words.EXPECTED_APPROVED;
            case REDIRECT_REVIEW -> Words.EXPECTED_REDIRECT_REVIEW;
            case CASE_DECISION -> Words.EXPECTED_CASE_DECISION;
            case POSTPONED -> Words.EXPECTED_POSTPONED;
            case AWAITING_APPLICANT -> Words.EXPECTED_AWAITING_APPLICANT;
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
        TITLE_REDIRECT_OVERDUE,
        TITLE_CO_COUNTDOWN,
        TITLE_CO_OVERDUE,
        TITLE_DRAFT_OVERDUE,
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
        SHORT_REDIRECT_OVERDUE,
        SHORT_CO_COUNTDOWN,
        SHORT_CO_OVERDUE,
        SHORT_DRAFT_OVERDUE,
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
        REDIRECT_OVERDUE,
        CO_COUNTDOWN,
        WORKING_LEFT,
        CO_OVERDUE,
        DRAFT_OVERDUE,
        TERM_EXPIRED,
        NO_DEPUTY_HEAD,
        TO_DEPUTY_HEAD,
        EXPECTED_NEW,
        EXPECTED_ASSIGNED,
        EXPECTED_ASSIGNED_REASONS,
        EXPECTED_IN_PROGRESS,
        EXPECTED_RETURNED,
        EXPECTED_ANSWER_REVIEW,
        EXPECTED_REWORK,
        EXPECTED_APPROVED,
        EXPECTED_REDIRECT_REVIEW,
        EXPECTED_CASE_DECISION,
        EXPECTED_POSTPONED,
        EXPECTED_AWAITING_APPLICANT,
        EXPECTED_CLOSED;

        @Override
        public String area() {
            return "bot.alerts";
        }
    }
}
