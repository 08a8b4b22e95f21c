package ru.appealdesk.workflow;

import java.time.Instant;

/** Past-tense events the workflow publishes, inside the transaction of the change they describe. */
public final class AppealEvents {

    private AppealEvents() {
    }

    /** Any lifecycle event of one appeal. */
    public sealed interface AppealEvent permits AppealRegistered, AppealAssigned, AppealAccepted, AppealReturned,
            ReturnRejected, AnswerSubmitted, AnswerApproved, AnswerSentToRework, AppealClosed, AppealReleased {
        long appealId();

        Instant at();
    }

    /** A new appeal was stored; {@code routed} is false when it waits for a coordinator ({@code NEW}). */
    public record AppealRegistered(long appealId, boolean routed, Instant at) implements AppealEvent {
    }

    /** An executor was given the appeal, by routing ({@code byStaffId} null) or by a coordinator. */
    public record AppealAssigned(long appealId, String executorId, String previousExecutorId, String byStaffId,
                                 Instant at) implements AppealEvent {
    }

    /** The executor took the appeal into work, by the button or automatically. */
    public record AppealAccepted(long appealId, String executorId, boolean automatic, Instant at)
            implements AppealEvent {
    }

    /** The executor returned the appeal to the coordinators with a reason. */
    public record AppealReturned(long appealId, String executorId, String reason, Instant at) implements AppealEvent {
    }

    /** A coordinator rejected the return: the same executor keeps the appeal, in work. */
    public record ReturnRejected(long appealId, String executorId, String coordinatorId, Instant at)
            implements AppealEvent {
    }

    /** The executor submitted an answer for approval. */
    public record AnswerSubmitted(long appealId, String executorId, Instant at) implements AppealEvent {
    }

    /** A moderator approved the answer. */
    public record AnswerApproved(long appealId, String moderatorId, Instant at) implements AppealEvent {
    }

    /** A moderator returned the answer for rework with a reason. */
    public record AnswerSentToRework(long appealId, String moderatorId, String executorId, String reason, Instant at)
            implements AppealEvent {
    }

    /** The answer was published on the portal (or the appeal was closed by a coordinator). */
    public record AppealClosed(long appealId, String byStaffId, Instant at) implements AppealEvent {
    }

    /** An ЕЦУР appeal not accepted by the claim deadline went back to the coordinators ({@code NEW}). */
    public record AppealReleased(long appealId, String executorId, Instant at) implements AppealEvent {
    }
}
