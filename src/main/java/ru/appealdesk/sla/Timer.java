package ru.appealdesk.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import ru.appealdesk.workflow.AppealStatus;

/** A point in time at which something must happen to an appeal; fires once, or is cancelled. */
@Entity
@Table(name = "timer")
class Timer {

    /** What the timer does when it fires. */
    enum Kind {
        /** A level of the reminder ladder for the step {@code step}. */
        LADDER,
        /** The accept window of the step passed: accept automatically. */
        AUTO_ACCEPT,
        /** The ЕЦУР claim deadline of the step passed: back to the coordinators. */
        CLAIM,
        /**
         * An offset before answerDueAt (the draft's own term where the source sets one): remind the executor; level 0
         * is that term itself, the draft's term passed (PRODUCT.md §13.2).
         */
        BEFORE_DUE,
        /** answerDueAt passed: alert the holder, the deputy head and the coordinators. */
        OVERDUE,
        /** dueAt passed: «Срок рассмотрения истёк» to the same people. */
        TERM_EXPIRED,
        /** An offset before a 59-ФЗ appeal's 7-day redirect deadline (level 0: the deadline itself), while it waits
         * for the coordinators. */
        FZ59_REDIRECT,
        /** The share {@code postponed-reassign-at} of a postponed appeal's period is left: coordinators assign. */
        REASSIGN,
        /** An offset before a co-executor's deadline ({@code staffId}), while they have not delivered. */
        CO_BEFORE_DUE,
        /** A co-executor's deadline passed without their materials. */
        CO_OVERDUE,
        /** {@code clarification-wait} passed and the applicant has not replied (step {@code step}): tell the
         * coordinators (seed 004 п.13). */
        CLARIFY_WAIT;

        /** Timers that only send messages: held back outside working time unless the appeal is HIGH. */
        boolean quiet() {
            return this == LADDER || this == BEFORE_DUE || this == OVERDUE || this == TERM_EXPIRED
                    || this == FZ59_REDIRECT || this == REASSIGN || this == CO_BEFORE_DUE || this == CO_OVERDUE
                    || this == CLARIFY_WAIT;
        }
    }

    /** The life of a timer. */
    enum Status { PENDING, FIRED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timer_ids")
    @SequenceGenerator(name = "timer_ids", sequenceName = "timer_id_seq", allocationSize = 50)
    private Long id;
    @Column(name = "appeal_id")
    private long appealId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private int level;
    private int step;
    @Column(name = "due_at")
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "fired_at")
    private Instant firedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "held_status")
    private AppealStatus heldStatus;
    /** The person a co-executor timer is about; null for the others. */
    @Column(name = "staff_id")
    private String staffId;

    protected Timer() {
    }

    Timer(long appealId, Kind kind, int level, int step, Instant dueAt, Instant now) {
        this.appealId = appealId;
        this.kind = kind;
        this.level = level;
        this.step = step;
        this.dueAt = dueAt;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    /** A timer about one person (a co-executor's deadline). */
    Timer(long appealId, Kind kind, int level, String staffId, Instant dueAt, Instant now) {
        this(appealId, kind, level, 0, dueAt, now);
        this.staffId = staffId;
    }

    String staffId() {
        return staffId;
    }

    void fired(Instant now) {
        status = Status.FIRED;
        firedAt = now;
    }

    void cancel() {
        status = Status.CANCELLED;
    }

    /** Fell due outside working time: delivery waits until {@code at}; the step it fired in is kept. */
    void hold(Instant at, AppealStatus statusWhenDue) {
        dueAt = at;
        if (heldStatus == null) {
            heldStatus = statusWhenDue;
        }
    }

    /** The appeal's status when the timer fell due, if it was held for working time. */
    AppealStatus heldStatus() {
        return heldStatus;
    }

    long appealId() {
        return appealId;
    }

    Kind kind() {
        return kind;
    }

    int level() {
        return level;
    }

    int step() {
        return step;
    }

    Instant dueAt() {
        return dueAt;
    }

    Status status() {
        return status;
    }
}
