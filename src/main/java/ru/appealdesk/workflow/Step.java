package ru.appealdesk.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import ru.appealdesk.workflow.TransitionRefused.Reason;

/** Where the appeal stands: status, step of work (number, start), who holds it, the transition under way. */
@Embeddable
class Step {

    @Enumerated(EnumType.STRING)
    private AppealStatus status;
    @Column(name = "step")
    private int number;
    @Column(name = "step_started_at")
    private Instant startedAt;
    @Column(name = "executor_id")
    private String executorId;
    @Column(name = "department_id")
    private String departmentId;
    /** The transition under way: its entries and target status are checked against the table. */
    @Transient
    private Transition current;

    protected Step() {
    }

    /** The first step: {@code NEW}, registered by {@link Transition#REGISTER}. */
    Step(String departmentId, Instant now) {
        this.status = AppealStatus.NEW;
        this.startedAt = now;
        this.departmentId = departmentId;
        this.current = Transition.REGISTER;
    }

    /** The table's guard: {@code t} starts from the current status; the entries recorded next are its. */
    void require(Transition t, Long appealId) {
        if (!t.startsIn(status)) {
            throw new TransitionRefused(Reason.WRONG_STATE, "cannot " + t + " appeal " + appealId + " in status "
                    + status);
        }
        current = t;
    }

    /** {@code t} is under way, its start already checked by a guard of its own. */
    void begin(Transition t) {
        current = t;
    }

    /** A button made for step {@code expected} is stale once the appeal moved on. */
    void requireNumber(int expected) {
        if (expected != number) {
            throw new TransitionRefused(Reason.STALE, "the button was made for an earlier state of the appeal");
        }
    }

    /** The next step begins in {@code to}, where the transition under way leads; returns the status left. */
    AppealStatus advance(AppealStatus to, Instant now) {
        AppealStatus from = status;
        if (current.to().orElse(from) != to) {
            throw new IllegalStateException(current + " leads to " + current.to() + ", not " + to);
        }
        status = to;
        number++;
        startedAt = now;
        return from;
    }

    /** The transition under way records entries of {@code type}. */
    void checkRecords(HistoryType type) {
        if (current == null || !current.records().contains(type)) {
            throw new IllegalStateException(current + " does not record " + type);
        }
    }

    /** {@code executor} of {@code department} holds the appeal from now on (null: nobody); returns who held it. */
    String handTo(String executor, String department) {
        String previous = executorId;
        executorId = executor;
        departmentId = department;
        return previous;
    }

    /** Only the executor acts ({@code actor} null: the system). */
    void requireExecutor(String actor, Long appealId) {
        if (actor != null && !actor.equals(executorId)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, actor + " is not the executor of appeal " + appealId);
        }
    }

    /** Nobody approves (or sends back) their own answer. */
    void requireNotExecutor(String moderator, Long appealId) {
        if (moderator != null && moderator.equals(executorId)) {
            throw new TransitionRefused(Reason.SELF_APPROVAL, moderator + " is the executor of appeal " + appealId);
        }
    }

    AppealStatus status() {
        return status;
    }

    int number() {
        return number;
    }

    Instant startedAt() {
        return startedAt;
    }

    String executorId() {
        return executorId;
    }

    String departmentId() {
        return departmentId;
    }
}
