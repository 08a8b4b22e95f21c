package ru.appealdesk.workflow;

import java.util.EnumSet;
import java.util.Set;

import ru.appealdesk.text.Text;

/**
 * The lifecycle statuses of PRODUCT.md §2 (exact strings of the REST API), each saying whether its step waits on a
 * quick reaction: then the step's owner gets the reminder ladder (PRODUCT.md §9: 30 minutes, 4 hours, 24 hours).
 * Who owns each step, and what may happen in it, is in {@link Transition}.
 */
public enum AppealStatus implements Text {
    NEW(Reaction.NONE),
    ASSIGNED(Reaction.QUICK),
    IN_PROGRESS(Reaction.NONE),
    RETURNED(Reaction.QUICK),
    ANSWER_REVIEW(Reaction.QUICK),
    REWORK(Reaction.QUICK),
    APPROVED(Reaction.QUICK),
    REDIRECT_REVIEW(Reaction.QUICK),
    /** A coordinator handed it to the {@code case-decider} of staff.yml, who routes it (001 §3). */
    CASE_DECISION(Reaction.QUICK),
    POSTPONED(Reaction.NONE),
    /** A clarification was placed: the appeal's clock stops until the applicant replies (seed 004 п.13). */
    AWAITING_APPLICANT(Reaction.NONE),
    CLOSED(Reaction.NONE);

    /** Whether a step waits on a quick reaction (reminded on the ladder) or runs to the appeal's own terms. */
    enum Reaction { QUICK, NONE }

    private final Reaction reaction;

    AppealStatus(Reaction reaction) {
        this.reaction = reaction;
    }

    /** Its step waits on a quick reaction from its owner, who is reminded on the ladder until it comes. */
    public boolean remindsOwner() {
        return reaction == Reaction.QUICK;
    }

    /** Statuses that count towards an executor's load. */
    public static final Set<AppealStatus> OPEN = EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED, ANSWER_REVIEW, REWORK,
            POSTPONED, AWAITING_APPLICANT);

    /** The words staff read for it. */
    public String title() {
        return text();
    }

    @Override
    public String area() {
        return "status";
    }
}
