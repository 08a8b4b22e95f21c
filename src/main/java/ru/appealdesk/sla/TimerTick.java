package ru.appealdesk.sla;

import static ru.appealdesk.logging.LogSafe.safe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.directory.WorkDuration;
import ru.appealdesk.sla.Alerts.Alert;
import ru.appealdesk.sla.Alerts.AlertsDue;
import ru.appealdesk.sla.Alerts.Type;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.HandOvers;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.HistoryType;
import ru.appealdesk.workflow.TransitionRefused;

/**
 * One tick of the scheduler: claims the due timers ({@code FOR UPDATE SKIP LOCKED}, so two instances never take
 * the same one), fires each once in the transaction that marks it fired, and publishes the tick's alerts together.
 * Outside working time a message-only timer is moved to the start of the next working period unless the appeal
 * is HIGH priority.
 */
@Component
public class TimerTick {

    private static final Logger log = LoggerFactory.getLogger(TimerTick.class);
    static final int BATCH = 1000;
    /** The statuses of a draft not yet submitted (a rework or a postponed answer is not the draft's term). */
    private static final java.util.Set<AppealStatus> DRAFTING = java.util.EnumSet.of(AppealStatus.ASSIGNED,
            AppealStatus.IN_PROGRESS);

    private final TimerRepository timers;
    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final StepOwners owners;
    private final WorkingTime workingTime;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    /** A timer's transition commits on its own: a conflict with a person's change holds up no other timer. */
    private final TransactionTemplate own;
    private final Clock clock;
    private final Directory directory;
    private final ru.appealdesk.directory.Absences absences;
    private final TimerPlanner planner;
    private final HandOvers handOvers;

    TimerTick(TimerRepository timers, AppealCommands appeals, AppealQueries queries, StepOwners owners,
              WorkingTime workingTime, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, Directory directory,
              ru.appealdesk.directory.Absences absences, TimerPlanner planner, HandOvers handOvers) {
        this.handOvers = handOvers;
        this.planner = planner;
        this.absences = absences;
        this.directory = directory;
        this.timers = timers;
        this.appeals = appeals;
        this.queries = queries;
        this.owners = owners;
        this.workingTime = workingTime;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.own = new TransactionTemplate(tx.getTransactionManager());
        this.own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Fires everything that is due, batch by batch; returns how many timers were handled. */
    public int run() {
        // one instant for the whole tick: absences that have begun by then hand their appeals over (seed 002 п.4)
        // before any timer due by then acts on them: in batches, for a bounded time a tick (a hand-over of thousands
        // goes on at the next ticks, after a restart too); an appeal a timer gives back to the absent executor
        // meanwhile goes on to the substitute at once (workflow's Substitutions)
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> absences.beginDue(now));
        handOvers.run();
        int total = 0;
        int handled;
        do {
            Integer batch = tx.execute(status -> runBatch(now));
            handled = batch == null ? 0 : batch;
            total += handled;
        } while (handled == BATCH);
        return total;
    }

    private int runBatch(Instant now) {
        List<Timer> due = timers.claimDue(now, BATCH);
        List<Alert> alerts = new ArrayList<>();
        for (Timer timer : due) {
            fire(timer, now, alerts);
        }
        if (!alerts.isEmpty()) {
            events.publishEvent(new AlertsDue(List.copyOf(alerts), now));
        }
        if (!due.isEmpty()) {
            log.info("Timer tick at {}: {} timers due, {} alerts", now, due.size(), alerts.size());
        }
        return due.size();
    }

    private void fire(Timer timer, Instant now, List<Alert> alerts) {
        if (timer.status() != Timer.Status.PENDING) {
            return;
        }
        Optional<AppealView> found = queries.find(timer.appealId());
        if (found.isEmpty()) {
            timer.cancel();
            return;
        }
        AppealView a = found.get();
        boolean stepTimer = timer.kind() == Timer.Kind.LADDER || timer.kind() == Timer.Kind.AUTO_ACCEPT
                || timer.kind() == Timer.Kind.CLAIM;
        if (stepTimer && timer.heldStatus() == null && a.step() != timer.step()) {
            timer.cancel();
            return;
        }
        if (timer.kind().quiet() && a.priority() != Priority.HIGH && !workingTime.isWorkingTime(now)) {
            timer.hold(workingTime.nextWorkingInstant(now), a.status());
            return;
        }
        timer.fired(now);
        AppealStatus status = timer.heldStatus() != null ? timer.heldStatus() : a.status();
        switch (timer.kind()) {
            case LADDER -> ladder(a, status, stepStart(a, timer.step()), timer.level(), alerts);
            case AUTO_ACCEPT -> transition(() -> appeals.acceptAutomatically(a.id(), a.step()), a);
            case CLAIM -> transition(() -> appeals.releaseUnclaimed(a.id(), a.step()), a);
            case BEFORE_DUE -> {
                Instant due = planner.executorDue(a);
                if (timer.level() == 0) {
                    // PRODUCT.md §13.2: the draft's term passed before its first submission: its holder's
                    if (DRAFTING.contains(a.status()) && !now.isBefore(due)) {
                        alert(alerts, List.of(owners.owners(a)), Type.DRAFT_OVERDUE, a, a.status(), due, 0,
                                List.of(), null, null);
                    }
                } else if (Transition.WITH_EXECUTOR.contains(a.status()) && now.isBefore(due)) {
                    // since: the term counted down to (answerDueAt, or the draft's own term, PRODUCT.md §13.2)
                    alert(alerts, List.of(owners.owners(a)), Type.COUNTDOWN, a, a.status(), due,
                            timer.level(), List.of(), countdownOffset(a, timer.level()),
                            workingTime.workingBetween(now, due));
                }
            }
            case FZ59_REDIRECT -> {
                if (timer.level() == 0) {
                    // seed 003: the 7-day redirect term passed and the coordinators still hold the appeal
                    if (Transition.WITH_COORDINATORS.contains(a.status()) && a.redirectDueAt() != null
                            && !now.isBefore(a.redirectDueAt())) {
                        alert(alerts, List.of(owners.coordinators()), Type.REDIRECT_OVERDUE, a, a.status(),
                                a.stepStartedAt(), 0, List.of(), null, null);
                    }
                } else if (Transition.WITH_COORDINATORS.contains(a.status()) && a.redirectDueAt() != null
                        && now.isBefore(a.redirectDueAt())) {
                    alert(alerts, List.of(owners.coordinators()), Type.REDIRECT_COUNTDOWN, a, a.status(),
                            a.stepStartedAt(), timer.level(), List.of(), countdownOffset(a, timer.level()), null);
                }
            }
            case REASSIGN -> {
                if (a.status() == AppealStatus.POSTPONED && a.postponeCount() == timer.level()
                        && !assignedSincePostponed(a)) {
                    events.publishEvent(new Alerts.PostponedReassignDue(a.id(), a.step(), now));
                }
            }
            case CLARIFY_WAIT -> {
                if (a.status() == AppealStatus.AWAITING_APPLICANT && a.step() == timer.step()) {
                    events.publishEvent(new Alerts.ClarificationOverdue(a.id(), a.step(), now));
                }
            }
            case CO_BEFORE_DUE, CO_OVERDUE -> a.coExecutor(timer.staffId())
                    .filter(co -> co.deliveredAt() == null && a.status() != AppealStatus.CLOSED
                            && a.status() != AppealStatus.AWAITING_APPLICANT)
                    .ifPresent(co -> coExecutorAlert(a, co, timer, now, alerts));
            case OVERDUE, TERM_EXPIRED -> {
                // PRODUCT.md §9: not closed by the term, whoever holds it; a reopened appeal has new terms, so a
                // timer of the earlier ones says nothing
                Instant term = timer.kind() == Timer.Kind.OVERDUE ? a.answerDueAt() : a.dueAt();
                // an appeal past both terms at once (registered late, or after downtime) is told once, as expired
                boolean alsoExpired = timer.kind() == Timer.Kind.OVERDUE && a.dueAt().isAfter(a.answerDueAt())
                        && !now.isBefore(a.dueAt());
                // the clock stands still while the applicant is asked (seed 004 п.13); the terms move on after
                boolean paused = a.status() == AppealStatus.AWAITING_APPLICANT;
                if (a.status() != AppealStatus.CLOSED && !paused && !now.isBefore(term) && !alsoExpired) {
                    // seed 000 п.12: an approved answer not placed in time is the executor's too, whoever places it
                    List<StaffMember> executor = a.status() == AppealStatus.APPROVED
                            ? directory.staff(a.executorId()).map(List::of).orElse(List.of()) : List.of();
                    alert(alerts, List.of(owners.owners(a), executor, owners.deputyHeadOfExecutor(a),
                                    owners.coordinators()),
                            timer.kind() == Timer.Kind.OVERDUE ? Type.OVERDUE : Type.TERM_EXPIRED, a, a.status(),
                            a.stepStartedAt(), 0, List.of(), null, null);
                }
            }
        }
    }

    /** A coordinator already assigned (or confirmed) the executor since the postponement was placed. */
    private static boolean assignedSincePostponed(AppealView a) {
        for (int i = a.history().size() - 1; i >= 0; i--) {
            HistoryType type = a.history().get(i).type();
            if (type == HistoryType.PUBLISHED) {
                return false;
            }
            if (type == HistoryType.REASSIGNED || type == HistoryType.POSTPONED_CONFIRMED) {
                return true;
            }
        }
        return false;
    }

    /** A co-executor's countdown goes to them; their overdue alert to them and the responsible executor. */
    private void coExecutorAlert(AppealView a, AppealView.CoExecutor co, Timer timer, Instant now,
                                 List<Alert> alerts) {
        boolean overdue = timer.kind() == Timer.Kind.CO_OVERDUE;
        if (!overdue && !now.isBefore(co.dueAt())) {
            return;
        }
        List<String> recipients = overdue && a.executorId() != null ? List.of(co.staffId(), a.executorId())
                : List.of(co.staffId());
        recipients.stream().distinct().forEach(id -> alerts.add(new Alert(id, overdue ? Type.CO_OVERDUE
                : Type.CO_COUNTDOWN, a.id(), timer.level(), List.of(co.staffId()), co.addedAt(), a.status(),
                List.of(), overdue ? null : countdownOffset(a, timer.level()),
                overdue ? null : workingTime.workingBetween(now, co.dueAt()), co.staffId())));
    }

    /** The {@code before-due} offset a countdown timer of this level was set at (null if the file changed since). */
    private WorkDuration countdownOffset(AppealView a, int level) {
        List<WorkDuration> offsets = directory.regulation(a.source()).beforeDue();
        return level >= 1 && level <= offsets.size() ? offsets.get(level - 1) : null;
    }

    /** Level 1 reminds the owner; 2 reminds again and alerts the coordinators; 3 escalates and alerts them. */
    /** When step {@code step} began: each transition adds one history entry, so entry N starts step N. */
    private static Instant stepStart(AppealView a, int step) {
        return a.stepEntry(step).at();
    }

    private void ladder(AppealView a, AppealStatus status, Instant since, int level, List<Alert> alerts) {
        List<StaffMember> stepOwners = owners.owners(a, status);
        List<StaffMember> deputies = level == 3 ? owners.deputyHeadsOf(a, stepOwners) : List.of();
        List<String> escalatedTo = deputies.stream().map(StaffMember::id).toList();
        if (level <= 2) {
            alert(alerts, List.of(stepOwners), Type.REMINDER, a, status, since, level, escalatedTo, null, null);
        }
        if (level == 3) {
            alert(alerts, List.of(deputies), Type.ESCALATION, a, status, since, level, escalatedTo, null, null);
        }
        if (level >= 2) {
            List<StaffMember> coordinators = owners.coordinators().stream()
                    .filter(c -> level == 3 || !stepOwners.contains(c)).toList();
            alert(alerts, List.of(coordinators), Type.COORDINATOR_ALERT, a, status, since, level, escalatedTo, null,
                    null);
        }
    }

    private void alert(List<Alert> alerts, List<List<StaffMember>> recipientGroups, Type type, AppealView a,
                       AppealStatus status, Instant since, int level, List<String> escalatedTo,
                       WorkDuration offset, java.time.Duration workingLeft) {
        List<String> holders = owners.owners(a, status).stream().map(StaffMember::id).toList();
        recipientGroups.stream().flatMap(List::stream).map(StaffMember::id).distinct().forEach(id ->
                alerts.add(new Alert(id, type, a.id(), level, holders, since, status, escalatedTo, offset,
                        workingLeft)));
    }

    /**
     * Carries out a timer's transition in a transaction of its own, on the appeal as it is then. A person may change
     * the appeal at the same moment (an executor's «Взять в работу» on another instance as the accept window ends):
     * that conflict is not an error and holds up none of the other due timers; the transition is tried once more on
     * the appeal as the person left it, where it is refused if its step has passed.
     */
    private void transition(Runnable action, AppealView a) {
        for (int attempt = 1; ; attempt++) {
            try {
                own.executeWithoutResult(status -> action.run());
                return;
            } catch (TransitionRefused refused) {
                log.info("Timer for appeal {} found it changed: {}", a.id(), safe(refused.getMessage()));
                return;
            } catch (org.springframework.dao.OptimisticLockingFailureException conflict) {
                if (attempt == 2) {
                    log.info("Timer for appeal {} met a change made at the same moment twice; its step decides next",
                            a.id());
                    return;
                }
                log.info("Timer for appeal {} met a change made at the same moment; trying again on the appeal as "
                        + "it is now", a.id());
            }
        }
    }
}
