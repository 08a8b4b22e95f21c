package ru.appealdesk.workflow;

/** A transition the appeal's state or the actor does not allow; nothing was changed. */
public class TransitionRefused extends RuntimeException {

    /** Why a transition was refused; the chat turns each into a Russian explanation. */
    public enum Reason {
        WRONG_STATE, STALE, NOT_ALLOWED, REASON_TOO_SHORT, REASON_WITHOUT_LEGAL_BASIS, PHOTOS_REQUIRED,
        POSTPONED_TWICE, POSTPONE_DATE_INVALID, TEXT_REQUIRED, UNKNOWN_EXECUTOR, NOT_FOUND, SELF_APPROVAL,
        INVALID_RESOLUTION, COMMENT_TOO_SHORT, RETURN_WINDOW_PASSED, NO_SECONDARY_APPROVER,
        CO_EXECUTOR_INVALID, APPLICANT_NOT_NOTIFIED, PROOF_REQUIRED,
        EVIDENCE_REQUIRED
    }

    private final Reason reason;

    public TransitionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** {@code text} stripped, refused for {@code reason} when it is missing or shorter than {@code min}. */
    static String requireText(String text, int min, Reason reason, String message) {
        if (text == null || text.strip().length() < min) {
            throw new TransitionRefused(reason, message);
        }
        return text.strip();
    }

    public Reason reason() {
        return reason;
    }
}
