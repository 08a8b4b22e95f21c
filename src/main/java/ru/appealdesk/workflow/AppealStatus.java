package ru.appealdesk.workflow;

import java.util.EnumSet;
import java.util.Set;

import ru.appealdesk.text.Text;

/** The lifecycle statuses of PRODUCT.md §2 (exact strings of the REST API). */
public enum AppealStatus implements Text {
    NEW,
    ASSIGNED,
    IN_PROGRESS,
    RETURNED,
    ANSWER_REVIEW,
    REWORK,
    APPROVED,
    REDIRECT_REVIEW,
    POSTPONED,
    CLOSED;

    /** Statuses that count towards an executor's load. */
    public static final Set<AppealStatus> OPEN = EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED, ANSWER_REVIEW, REWORK,
            POSTPONED);

    /** The words staff read for it. */
    public String title() {
        return text();
    }

    @Override
    public String area() {
        return "status";
    }
}
