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
