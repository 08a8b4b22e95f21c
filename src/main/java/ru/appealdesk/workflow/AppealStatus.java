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

    /** Statuses in which an executor holds the appeal. */
    public static final Set<AppealStatus> WITH_EXECUTOR = EnumSet.of(ASSIGNED, IN_PROGRESS, REWORK, POSTPONED);
    /** Statuses in which the coordinators decide what happens to the appeal (route it, redirect it). */
    public static final Set<AppealStatus> WITH_COORDINATORS = EnumSet.of(NEW, RETURNED);
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
