package ru.appealdesk.workflow;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import ru.appealdesk.workflow.TransitionRefused.Reason;

/** How often the appeal came round again, within the limits: «Отложено» answers placed, reopenings on disagreement. */
@Embeddable
class Rounds {

    /** Seed 001 §2: after the third disagreement the operator decides. */
    static final int MAX_REOPENS = 3;

    @Column(name = "postpone_count")
    private int postponeCount;
    @Column(name = "reopen_count")
    private int reopenCount;

    /**
     * «Отложено» (PRODUCT.md §9): a date after today and no later than the source's {@code postpone-max} after the
     * appeal came in; no more than the source's {@code postpone-limit} (seed 003 §3: once), a second only where a
     * secondary approver will approve it (seed 000 п.14).
     */
    void checkPostponement(LocalDate until, PostponementLimits limits, Long appealId) {
        if (postponeCount >= limits.limit()) {
            throw new TransitionRefused(Reason.POSTPONED_TWICE, "appeal " + appealId + " was already postponed "
                    + postponeCount + " times");
        }
        if (postponeCount > 0 && !limits.secondaryApprover()) {
            throw new TransitionRefused(Reason.NO_SECONDARY_APPROVER, "a second postponement needs the secondary "
                    + "approver, and none is configured");
        }
        if (until == null || !until.isAfter(limits.today()) || until.isAfter(limits.latest())) {
            throw new TransitionRefused(Reason.POSTPONE_DATE_INVALID, "the postponement date must be after "
                    + limits.today() + " and not after " + limits.latest());
        }
    }

    /** An answer of {@code type} that postpones the appeal again (the secondary approver sees it first). */
    boolean repeatsPostponement(AnswerType type) {
        return type == AnswerType.POSTPONED && postponeCount > 0;
    }

    void postponed() {
        postponeCount++;
    }

    /** Refused after the third disagreement, when the appeal goes to the operator. */
    void checkReopen(Long appealId) {
        if (exhausted()) {
            throw new TransitionRefused(Reason.WRONG_STATE, "appeal " + appealId + " was already reopened "
                    + MAX_REOPENS + " times: it goes to the operator");
        }
    }

    /** Counts a disagreement; returns how many there have been. */
    int reopened() {
        return ++reopenCount;
    }

    /** The applicant disagreed as often as they may: the operator of the portal decides (001 §2). */
    boolean exhausted() {
        return reopenCount >= MAX_REOPENS;
    }

    int postponeCount() {
        return postponeCount;
    }

    int reopenCount() {
        return reopenCount;
    }
}
