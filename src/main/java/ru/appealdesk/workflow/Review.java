package ru.appealdesk.workflow;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import ru.appealdesk.workflow.TransitionRefused.Reason;

/** The answer's review: the secondary approver first or not, how far the approval chain got, who took it over. */
@Embeddable
class Review {

    @Column(name = "secondary_review")
    private boolean secondary;
    @Column(name = "chain_position")
    private int chainPosition;
    @Column(name = "review_delegate")
    private String delegate;

    /** A review begins: from the start of the chain, the secondary approver first if {@code secondary}. */
    void start(boolean secondary) {
        this.chainPosition = 0;
        this.delegate = null;
        this.secondary = secondary;
    }

    /** The secondary approver approved; refused where the answer needed no secondary approval. */
    void secondaryApproved(Long appealId) {
        if (!secondary) {
            throw new TransitionRefused(Reason.WRONG_STATE, "the answer of appeal " + appealId + " needs no "
                    + "secondary approval");
        }
        secondary = false;
        delegate = null;
    }

    /** The chain member of {@code stage} approved; the next one is due. */
    void stageApproved(int stage) {
        chainPosition = stage;
        delegate = null;
    }

    void delegateTo(String staffId) {
        delegate = staffId;
    }

    /** Sent back to rework: the chain starts over with the next answer; a secondary review still due stays due. */
    void sentBack() {
        chainPosition = 0;
        delegate = null;
    }

    /** Approved, or returned from placement: nothing of this review is due any more. */
    void end() {
        secondary = false;
        sentBack();
    }

    /** Whether the next answer goes to the secondary approver first (a reopen: yes; to the operator: no). */
    void secondaryDue(boolean due) {
        secondary = due;
    }

    /** A reopen after which the secondary approver has not yet approved an answer (seed 000 п.13). */
    static boolean reopenAwaitsSecondary(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryType type = history.get(i).view().type();
            if (type == HistoryType.SECONDARY_APPROVED || type == HistoryType.ANSWER_APPROVED) {
                return false;
            }
            if (type == HistoryType.REOPENED) {
                return true;
            }
        }
        return false;
    }

    boolean secondary() {
        return secondary;
    }

    int chainPosition() {
        return chainPosition;
    }

    String delegate() {
        return delegate;
    }
}
