package ru.appealdesk.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.AnswerStage;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.SourceRegulation;
import ru.appealdesk.directory.WorkDuration;
import ru.appealdesk.workflow.AppealEvents.AppealAssigned;
import ru.appealdesk.workflow.AppealEvents.AppealEvent;
import ru.appealdesk.workflow.AppealEvents.AppealRegistered;
import ru.appealdesk.workflow.AppealEvents.AppealPostponed;
import ru.appealdesk.workflow.AppealEvents.AppealReopened;
import ru.appealdesk.workflow.AppealEvents.ClarificationAwaited;
import ru.appealdesk.workflow.AppealEvents.ClarificationEnded;
import ru.appealdesk.workflow.AppealEvents.CoExecutorAdded;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.HistoryType;

/**
 * Keeps an appeal's timers in step with its status, in the transaction of each change (PRODUCT.md §6): a step
 * that ends cancels what has not fired; a step that begins gets its ladder, accept window and claim deadline;
 * the countdown runs while the appeal is with the executor; the overdue alert is set once at registration.
 */
@Component
class TimerPlanner {

    /** What stops with the appeal's clock while a clarification is awaited (seed 004 п.13). */
    private static final Set<Timer.Kind> CLOCK_KINDS = EnumSet.of(Timer.Kind.OVERDUE, Timer.Kind.TERM_EXPIRED,
            Timer.Kind.BEFORE_DUE, Timer.Kind.REASSIGN, Timer.Kind.CO_BEFORE_DUE, Timer.Kind.CO_OVERDUE);

    private static final Set<Timer.Kind> STEP_KINDS = EnumSet.of(Timer.Kind.LADDER, Timer.Kind.AUTO_ACCEPT,
            Timer.Kind.CLAIM);

    private final Directory directory;
    private final WorkingTime workingTime;
    private final TimerRepository timers;
    private final Deadlines deadlines;

    TimerPlanner(Directory directory, WorkingTime workingTime, TimerRepository timers, Deadlines deadlines) {
        this.directory = directory;
        this.workingTime = workingTime;
        this.timers = timers;
        this.deadlines = deadlines;
    }

    /** PRODUCT.md §10: a co-executor's countdown before their own deadline, and the overdue alert at it. */
    @EventListener
    void on(CoExecutorAdded event) {
        AppealView a = event.appeal();
        List<WorkDuration> offsets = directory.regulation(a.source()).beforeDue();
        for (int i = 0; i < offsets.size(); i++) {
            Instant at = countdownAt(event.dueAt(), offsets.get(i));
            if (at.isAfter(event.at())) {
                timers.save(new Timer(a.id(), Timer.Kind.CO_BEFORE_DUE, i + 1, event.staffId(), at, event.at()));
            }
        }
        timers.save(new Timer(a.id(), Timer.Kind.CO_OVERDUE, 0, event.staffId(), latest(event.dueAt(), event.at()),
                event.at()));
    }

    /** The clock stops: nothing of the terms fires while the applicant is asked; the wait has its own alert. */
    @EventListener
    void on(ClarificationAwaited event) {
        AppealView a = event.appeal();
        timers.cancel(a.id(), CLOCK_KINDS);
        WorkDuration wait = directory.regulation(a.source()).clarificationWait();
        schedule(a, Timer.Kind.CLARIFY_WAIT, 0, workingTime.plus(a.stepStartedAt(), wait), event.at());
    }

    /** The clock runs again on the moved terms: the overdue alerts and the co-executors' timers are planned anew. */
    @EventListener
    void on(ClarificationEnded event) {
        AppealView a = event.appeal();
        timers.cancel(a.id(), EnumSet.of(Timer.Kind.CLARIFY_WAIT));
        if (a.status() == AppealStatus.CLOSED) {
            return;
        }
        planTerms(a, event.at());
        for (AppealView.CoExecutor co : a.coExecutors()) {
            if (co.deliveredAt() == null) {
                on(new CoExecutorAdded(a, co.staffId(), co.dueAt(), null, event.at()));
            }
        }
    }

    @EventListener
    void on(AppealEvent event) {
        AppealView a = event.appeal();
        Instant now = event.at();
        SourceRegulation regulation = directory.regulation(a.source());
        if (event instanceof AppealRegistered registered) {
            planTerms(a, now);
            if (!registered.routed()) {
                planUnrouted(a, regulation, now);
                planRedirectCountdown(a, regulation, now);
            }
            return;
        }
        if (event instanceof AppealReopened || event instanceof AppealPostponed) {
            timers.cancel(a.id(), EnumSet.of(Timer.Kind.OVERDUE, Timer.Kind.TERM_EXPIRED, Timer.Kind.REASSIGN));
            planTerms(a, now);
        }
        if (event instanceof AppealPostponed && regulation.postponedReassignAtPercent() != null) {
            Instant at = reassignAt(now, a.dueAt(), regulation.postponedReassignAtPercent());
            if (at != null) {
                // level: which postponement it belongs to (a substitution or a confirmation does not end it)
                timers.save(new Timer(a.id(), Timer.Kind.REASSIGN, a.postponeCount(), a.step(), at, now));
            }
        }
        AppealStatus from = a.stepEntry().from();
        if (!(event instanceof AppealAssigned assigned && assigned.atRegistration())) {
            // an appeal routed as it is registered has had no step, so no step's timers (and no query, no flush)
            timers.cancel(a.id(), STEP_KINDS);
        }
        if (a.status() == AppealStatus.CLOSED) {
            // nothing of a closed appeal is due any more: its terms, countdowns and co-executors' timers go too (a
            // reopening plans its terms anew)
            timers.cancel(a.id(), EnumSet.allOf(Timer.Kind.class));
            return;
        }
        if (a.status() == AppealStatus.NEW) {
            planUnrouted(a, regulation, now);
        }
        if (a.status().remindsOwner()) {
            List<Instant> ladder = stepLadder(a.stepStartedAt(), regulation.reminders(), stageTermOfStep(a));
            for (int level = 1; level <= ladder.size(); level++) {
                schedule(a, Timer.Kind.LADDER, level, ladder.get(level - 1), now);
            }
        }
        if (Transition.AUTO_ACCEPT.startsIn(a.status()) && regulation.acceptWithin() != null) {
            schedule(a, Timer.Kind.AUTO_ACCEPT, 0, workingTime.plus(a.stepStartedAt(), regulation.acceptWithin()), now);
        }
        // seed 000 п.7: an appeal a coordinator assigned after the release is not released again
        boolean released = a.history().stream().anyMatch(h -> h.type() == HistoryType.CLAIM_EXPIRED);
        if (Transition.RELEASE_UNCLAIMED.startsIn(a.status()) && regulation.claimUntilMinute() != null && !released) {
            schedule(a, Timer.Kind.CLAIM, 0, claimDeadline(a.stepStartedAt(), regulation.claimUntilMinute()), now);
        }
        planCountdown(a, from, regulation.beforeDue(), now);
        if (a.fz59()) {
            boolean waiting = Transition.WITH_COORDINATORS.contains(a.status());
            if (waiting && !Transition.WITH_COORDINATORS.contains(from)) {
                planRedirectCountdown(a, regulation, now);
            } else if (!waiting && Transition.WITH_COORDINATORS.contains(from)) {
                timers.cancel(a.id(), EnumSet.of(Timer.Kind.FZ59_REDIRECT));
            }
        }
    }

    /** 59-ФЗ (PRODUCT.md §9): while the coordinators hold it, the countdown to its 7-day redirect deadline and the alert at it. */
    private void planRedirectCountdown(AppealView a, SourceRegulation regulation, Instant now) {
        if (a.redirectDueAt() != null) {
            scheduleCountdown(a, Timer.Kind.FZ59_REDIRECT, a.redirectDueAt(), regulation.beforeDue(), now);
            // seed 003: the term itself passing while the coordinators still hold it alerts them (level 0)
            schedule(a, Timer.Kind.FZ59_REDIRECT, 0, latest(a.redirectDueAt(), now), now);
        }
    }

    /** One timer of {@code kind} per offset before {@code deadline} (level = the offset's place), future ones only. */
    private void scheduleCountdown(AppealView a, Timer.Kind kind, Instant deadline, List<WorkDuration> offsets,
                                   Instant now) {
        for (int i = 0; i < offsets.size(); i++) {
            Instant at = countdownAt(deadline, offsets.get(i));
            if (at.isAfter(now)) {
                schedule(a, kind, i + 1, at, now);
            }
        }
    }

    /**
     * Nobody given the appeal within unrouted-within (seed 001 §4.4, 004 п.10): the coordinators are reminded and the
     * ladder goes on like any step's. Its later levels keep their offsets from the step's start, or, when that is not
     * after the first reminder, count from it.
     */
    private void planUnrouted(AppealView a, SourceRegulation regulation, Instant now) {
        List<Instant> ladder = unroutedLadder(a.stepStartedAt(), regulation);
        for (int level = 1; level <= ladder.size(); level++) {
            schedule(a, Timer.Kind.LADDER, level, ladder.get(level - 1), now);
        }
    }

    /**
     * PRODUCT.md §13.2: the approval's and the placement's own terms (review-within, place-within; seed 004 п.14, 16)
     * are the first reminder of their steps, to whoever holds them; null for other steps or without a term.
     */
    private Instant stageTermOfStep(AppealView a) {
        return Transition.stageIn(a.status()).filter(stage -> stage != AnswerStage.DRAFT)
                .map(stage -> deadlines.stageDue(stage, a.source(), a.category(), a.priority(), a.receivedAt(),
                        a.stepStartedAt()))
                .orElse(null);
    }

    /**
     * The ladder of a step begun at {@code since}: the regulation's levels, the first at the stage's own term where it
     * has one; a later level that would not come after it counts from it.
     */
    List<Instant> stepLadder(Instant since, List<WorkDuration> ladder, Instant stageDue) {
        if (stageDue == null) {
            return ladder.stream().map(d -> workingTime.plus(since, d)).toList();
        }
        List<Instant> result = new java.util.ArrayList<>(List.of(stageDue));
        for (int level = 2; level <= ladder.size(); level++) {
            Instant at = workingTime.plus(since, ladder.get(level - 1));
            result.add(at.isAfter(stageDue) ? at : workingTime.plus(stageDue, ladder.get(level - 1)));
        }
        return result;
    }

    /** The levels of an unrouted appeal's ladder, from {@code since}. */
    List<Instant> unroutedLadder(Instant since, SourceRegulation regulation) {
        List<WorkDuration> ladder = regulation.reminders();
        WorkDuration first = regulation.unroutedWithin() != null ? regulation.unroutedWithin() : ladder.get(0);
        Instant firstAt = workingTime.plus(since, first);
        List<Instant> result = new java.util.ArrayList<>(List.of(firstAt));
        for (int level = 2; level <= ladder.size(); level++) {
            Instant at = workingTime.plus(since, ladder.get(level - 1));
            result.add(at.isAfter(firstAt) ? at : workingTime.plus(firstAt, ladder.get(level - 1)));
        }
        return result;
    }

    /** The overdue alert at answerDueAt and «Срок рассмотрения истёк» at dueAt (PRODUCT.md §9). */
    private void planTerms(AppealView a, Instant now) {
        timers.save(new Timer(a.id(), Timer.Kind.OVERDUE, 0, 0, latest(a.answerDueAt(), now), now));
        if (a.dueAt().isAfter(a.answerDueAt())) {
            timers.save(new Timer(a.id(), Timer.Kind.TERM_EXPIRED, 0, 0, latest(a.dueAt(), now), now));
        }
    }

    /** The countdown is planned as the appeal comes to the executor and cancelled as it leaves them. */
    private void planCountdown(AppealView a, AppealStatus from, List<WorkDuration> offsets, Instant now) {
        boolean wasWithExecutor = Transition.WITH_EXECUTOR.contains(from);
        if (!Transition.WITH_EXECUTOR.contains(a.status())) {
            if (wasWithExecutor) {
                timers.cancel(a.id(), EnumSet.of(Timer.Kind.BEFORE_DUE));
            }
            return;
        }
        if (wasWithExecutor
                && timers.existsByAppealIdAndKindAndStatus(a.id(), Timer.Kind.BEFORE_DUE, Timer.Status.PENDING)) {
            return;
        }
        scheduleCountdown(a, Timer.Kind.BEFORE_DUE, executorDue(a), offsets, now);
        if (directory.regulation(a.source()).stageTerms() && executorDue(a).isAfter(now)) {
            // PRODUCT.md §13.2: the draft's own term passing is the executor's (level 0: the term itself)
            schedule(a, Timer.Kind.BEFORE_DUE, 0, latest(executorDue(a), now), now);
        }
    }

    /**
     * The term the executor's countdown runs to: the draft's own term where the source sets {@code draft-within}
     * (PRODUCT.md §13.2, seed 004 п.12), moved on by the working time the clock stood still for clarifications like
     * every other term; else, and for the final answer of a postponed appeal (whose term is the postponed date),
     * {@code answerDueAt}.
     */
    Instant executorDue(AppealView a) {
        if (a.postponeCount() > 0) {
            return a.answerDueAt();
        }
        Instant draft = deadlines.stageDue(AnswerStage.DRAFT, a.source(), a.category(), a.priority(), a.receivedAt(),
                a.receivedAt());
        if (draft == null) {
            return a.answerDueAt();
        }
        Instant shifted = deadlines.shifted(draft, a.pausedWorkingTime());
        return shifted.isBefore(a.answerDueAt()) ? shifted : a.answerDueAt();
    }

    /**
     * seed 002 п.10: when no more than {@code percentLeft} % of the postponed period (from {@code postponedAt} to
     * {@code dueAt}, in working time) is left; null if the period has no working time in it.
     */
    Instant reassignAt(Instant postponedAt, Instant dueAt, int percentLeft) {
        java.time.Duration period = workingTime.workingBetween(postponedAt, dueAt);
        if (period.isZero() || period.isNegative()) {
            return null;
        }
        java.time.Duration elapsed = java.time.Duration.ofSeconds(period.toSeconds() * (100 - percentLeft) / 100);
        return workingTime.plusWorkingTime(postponedAt, elapsed);
    }

    /** When the countdown reminder of one offset is due: that long before answerDueAt. */
    Instant countdownAt(Instant answerDueAt, WorkDuration offset) {
        if (offset.unit() == WorkDuration.Unit.DAYS || !offset.working()) {
            return offset.unit() == WorkDuration.Unit.DAYS ? answerDueAt.minus(java.time.Duration.ofDays(offset.amount()))
                    : answerDueAt.minus(offset.asDuration());
        }
        return workingTime.minusWorkingTime(answerDueAt, offset.asDuration());
    }

    /** seed 000 п.7: the claim-until time of the working day the appeal reached the executor (or the next one). */
    Instant claimDeadline(Instant assignedAt, int claimUntilMinute) {
        LocalDate date = workingTime.nextWorkingDay(workingTime.localDate(assignedAt));
        Instant deadline = claimTime(date, claimUntilMinute);
        if (!deadline.isAfter(assignedAt)) {
            deadline = claimTime(workingTime.nextWorkingDay(date.plusDays(1)), claimUntilMinute);
        }
        return deadline;
    }

    private Instant claimTime(LocalDate date, int minuteOfDay) {
        return date.atStartOfDay().plusMinutes(minuteOfDay).atZone(workingTime.zone()).toInstant();
    }

    private void schedule(AppealView a, Timer.Kind kind, int level, Instant at, Instant now) {
        timers.save(new Timer(a.id(), kind, level, a.step(), at, now));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
