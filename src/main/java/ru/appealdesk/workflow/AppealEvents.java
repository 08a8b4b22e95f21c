package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.List;

import ru.appealdesk.directory.Absences;

/** Past-tense events the workflow publishes, inside the transaction of the change they describe. */
public final class AppealEvents {

    private AppealEvents() {
    }

    /** Any lifecycle event of one appeal. */
    public sealed interface AppealEvent permits AppealRegistered, AppealAssigned, AppealAccepted, AppealReturned,
            ReturnRejected, AnswerSubmitted, AnswerApproved, AnswerSentToRework, AppealClosed, AppealReleased,
            AppealReopened, AnswerPreApproved, AnswerEdited, RedirectRequested, AppealPostponed,
            PostponedReassigned, AppealSubstituted, ReviewDelegated, AppealMoved, ClarificationAwaited,
            ClarificationEnded {
        /** The appeal as the change left it: listeners need not load it again. */
        AppealView appeal();

        Instant at();

        default long appealId() {
            return appeal().id();
        }
    }

    /** A new appeal was stored; {@code routed} is false when it waits for a coordinator ({@code NEW}). */
    public record AppealRegistered(AppealView appeal, boolean routed, Instant at) implements AppealEvent {
    }

    /**
     * An executor was given the appeal, by routing ({@code byStaffId} null) or by a coordinator; {@code
     * atRegistration}: routed as it was registered, so no earlier step has cards or timers to close.
     */
    public record AppealAssigned(AppealView appeal, String executorId, String previousExecutorId, String byStaffId,
                                 boolean atRegistration, Instant at) implements AppealEvent {
    }

    /** The executor took the appeal into work, by the button or automatically. */
    public record AppealAccepted(AppealView appeal, String executorId, boolean automatic, Instant at)
            implements AppealEvent {
    }

    /** The executor returned the appeal to the coordinators with a reason. */
    public record AppealReturned(AppealView appeal, String executorId, String reason, Instant at) implements AppealEvent {
    }

    /** A coordinator rejected the return: the same executor keeps the appeal, in work. */
    public record ReturnRejected(AppealView appeal, String executorId, String coordinatorId, Instant at)
            implements AppealEvent {
    }

    /** The executor submitted an answer for approval. */
    public record AnswerSubmitted(AppealView appeal, String executorId, Instant at) implements AppealEvent {
    }

    /** A moderator approved the answer. */
    public record AnswerApproved(AppealView appeal, String moderatorId, Instant at) implements AppealEvent {
    }

    /** An approver corrected the text of the answer under review; {@code previousText} is kept in the history. */
    public record AnswerEdited(AppealView appeal, String moderatorId, String previousText, Instant at)
            implements AppealEvent {
    }

    /** A moderator (or, for an approved answer, a coordinator) returned the answer for rework with a reason. */
    public record AnswerSentToRework(AppealView appeal, String moderatorId, String executorId, String reason, Instant at)
            implements AppealEvent {
    }

    /**
     * The appeal was closed: its {@code resolution} says how; {@code byStaffId} null when the portal closed it
     * through the REST API.
     */
    public record AppealClosed(AppealView appeal, String byStaffId, Instant at) implements AppealEvent {
    }

    /**
     * The applicant disagreed with the published answer: the appeal is back in work with {@code previousExecutorId}
     * (or {@code NEW} when they no longer work here); {@code count} of at most 3.
     */
    public record AppealReopened(AppealView appeal, int count, String comment, String previousExecutorId, Instant at)
            implements AppealEvent {
    }

    /** The secondary approver approved the answer to an applicant who disagreed; the usual approvers are next. */
    public record AnswerPreApproved(AppealView appeal, String approverId, Instant at) implements AppealEvent {
    }

    /** The «Отложено» answer was placed: the final answer is due by the postponed date, from the same executor. */
    public record AppealPostponed(AppealView appeal, String coordinatorId, Instant at) implements AppealEvent {
    }

    /**
     * A coordinator assigned the executor of a postponed appeal (ПОС, seed 002 п.10): the same one again or another;
     * the appeal stays {@code POSTPONED}.
     */
    public record PostponedReassigned(AppealView appeal, String executorId, String previousExecutorId,
                                      String coordinatorId, Instant at) implements AppealEvent {
    }

    /**
     * A co-executor was added (PRODUCT.md §10) with their own deadline; {@code byStaffId} null: the portal. A note,
     * not a change of step: listeners that follow steps ignore it.
     */
    public record CoExecutorAdded(AppealView appeal, String staffId, Instant dueAt, String byStaffId, Instant at) {
    }

    /** «Нужна помощь»: the executor asks the deputy head and the coordinators for help (seed 000 п.16); a note. */
    public record HelpRequested(AppealView appeal, String executorId, String text, Instant at) {
    }

    /** A co-executor handed their materials to the responsible executor. */
    public record MaterialsDelivered(AppealView appeal, String staffId, Instant at) {
    }

    /** The executor is away: their substitute holds the appeal now, at the same step of work (seed 002 п.4). */
    public record AppealSubstituted(AppealView appeal, String absentId, String substituteId, Instant at)
            implements AppealEvent {
    }

    /**
     * An absence began and was handled: {@code substituteId} took over {@code count} appeals, the first of them
     * {@code numbers} (at most 30); null when nobody could (no substitute, or they are away too), and the appeals
     * stay with the absent person for the coordinators to move. Published once, when the hand-over is done.
     */
    public record AbsenceHandled(Absences.Absence absence, String substituteId, List<String> numbers, int count,
                                 Instant at) {
    }

    /** «Передать согласование»: {@code toId} reviews the answer now instead of {@code fromId}. */
    public record ReviewDelegated(AppealView appeal, String fromId, String toId, Instant at) implements AppealEvent {
    }

    /** A coordinator confirmed the same executor of a postponed appeal (seed 002 п.10); a note, no new step. */
    public record PostponedConfirmed(AppealView appeal, String executorId, String coordinatorId, Instant at) {
    }

    /** A coordinator asked to redirect the appeal elsewhere; a moderator decides (ПОС). */
    public record RedirectRequested(AppealView appeal, String coordinatorId, String whereAndWhy, Instant at)
            implements AppealEvent {
    }


    /** An ЕЦУР appeal not accepted by the claim deadline went back to the coordinators ({@code NEW}). */
    public record AppealReleased(AppealView appeal, String executorId, Instant at) implements AppealEvent {
    }

    /** A plain transition of the table ({@link Transition#plain()}) was carried out by {@code actorId}. */
    public record AppealMoved(AppealView appeal, Transition transition, String actorId, Instant at)
            implements AppealEvent {
    }

    /**
     * A surge (002 п.11, 004 п.25; the source's {@code surge}): {@code appeals}, the first first, were linked as
     * cluster {@code cluster}; the department's head, deputy head and the coordinators are told.
     */
    public record SurgeDetected(long cluster, String departmentId, String category,
                                ru.appealdesk.directory.Surge rule, List<AppealView> appeals, Instant at) {
    }

    /** A «Запрос уточнения» was placed: the appeal waits for the applicant, its clock stopped (seed 004 п.13). */
    public record ClarificationAwaited(AppealView appeal, String placerId, Instant at) implements AppealEvent {
    }

    /**
     * The wait for the applicant ended by {@code transition}: a reply ({@code reply}: its text; null for «Ответа
     * нет» and a closing), its terms moved on; {@code actorId} null is the portal.
     */
    public record ClarificationEnded(AppealView appeal, Transition transition, String actorId, String reply,
                                     Instant at) implements AppealEvent {
    }
}
