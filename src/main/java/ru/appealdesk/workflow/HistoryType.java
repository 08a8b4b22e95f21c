package ru.appealdesk.workflow;

import ru.appealdesk.text.Text;

/**
 * What a history entry records; the constant's name is what {@code appeal_history.type} stores (and the REST API
 * shows), its catalog words ({@code history.label.*}) what the dashboard and the reports call it.
 */
public enum HistoryType implements Text {
    REGISTERED,
    ASSIGNED,
    ACCEPTED,
    AUTO_ACCEPTED,
    CLAIM_EXPIRED,
    RETURNED,
    RETURN_REJECTED,
    REASSIGNED,
    SUBSTITUTED,
    ANSWER_SUBMITTED,
    APPLICANT_NOTIFIED(true),
    SECONDARY_APPROVED,
    CHAIN_APPROVED,
    ANSWER_APPROVED,
    APPROVAL_DELEGATED,
    ANSWER_EDITED,
    SENT_TO_REWORK,
    QUALITY_RETURN,
    PUBLISHED,
    POSTPONED_CONFIRMED(true),
    REOPENED,
    REDIRECT_REQUESTED,
    REDIRECT_APPROVED,
    REDIRECT_REJECTED,
    TO_CASE_DECIDER,
    BACK_TO_COORDINATORS,
    REDIRECTED,
    CLOSED_REDIRECTED,
    CLOSED_NO_ANSWER,
    CLOSED_DUPLICATE,
    TO_OPERATOR,
    CO_EXECUTOR_ADDED(true),
    MATERIALS_DELIVERED(true),
    HELP_REQUESTED(true),
    CLARIFICATION_RECEIVED,
    CLARIFICATION_MISSING,
    CLOSED_NO_CLARIFICATION;

    private final boolean note;

    HistoryType() {
        this(false);
    }

    HistoryType(boolean note) {
        this.note = note;
    }

    /** A note within a step: it changes neither the status nor the step, so no button goes stale. */
    public boolean note() {
        return note;
    }

    /** The entry of closing an appeal without an answer as {@code how}. */
    public static HistoryType closed(Resolution how) {
        return switch (how) {
            case NO_ANSWER -> CLOSED_NO_ANSWER;
            case DUPLICATE -> CLOSED_DUPLICATE;
            case REDIRECTED -> CLOSED_REDIRECTED;
            case NO_CLARIFICATION -> CLOSED_NO_CLARIFICATION;
            case PUBLISHED, TO_OPERATOR -> throw new IllegalArgumentException(how + " is not a closing without answer");
        };
    }

    /** What an entry of this type is called (the dashboard's timeline, the reports). */
    public String title() {
        return text();
    }

    @Override
    public String area() {
        return "history.label";
    }
}
