package ru.appealdesk.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import ru.appealdesk.workflow.DeadlinePolicy.Deadline;

/** When the appeal came in and its terms: {@code dueAt} (consideration) and {@code answerDueAt} (the answer placed). */
@Embeddable
class Terms {

    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "answer_due_at")
    private Instant answerDueAt;

    protected Terms() {
    }

    Terms(Instant receivedAt, Deadline deadline) {
        this.receivedAt = receivedAt;
        renew(deadline);
    }

    /** New terms (a reopen, a postponed date); when it came in stays. */
    void renew(Deadline deadline) {
        this.dueAt = deadline.dueAt();
        this.answerDueAt = deadline.answerDueAt();
    }

    /** The clock stood still (a clarification awaited, seed 004 п.13): each term moves on by {@code by}. */
    void shift(java.util.function.UnaryOperator<Instant> by) {
        this.dueAt = by.apply(dueAt);
        this.answerDueAt = by.apply(answerDueAt);
    }

    Instant receivedAt() {
        return receivedAt;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant answerDueAt() {
        return answerDueAt;
    }
}
