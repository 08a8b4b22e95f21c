package ru.appealdesk.workflow;

import java.util.Set;

/**
 * One part of an appeal search, all conditions combined with AND; {@code null} or empty means "any".
 * {@code overdueOnly} keeps appeals past their answer deadline (while the answer is still due) or their final one.
 */
public record AppealFilter(Set<AppealStatus> statuses, String executorId, Set<String> departmentIds,
                           String excludedExecutorId, boolean overdueOnly) {

    public AppealFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        departmentIds = departmentIds == null ? null : Set.copyOf(departmentIds);
    }

    /** The REST API's filter: one status (or any), one executor (or any), overdue or not. */
    public static AppealFilter of(AppealStatus status, String executorId, boolean overdueOnly) {
        return new AppealFilter(status == null ? Set.of() : Set.of(status), executorId, null, null, overdueOnly);
    }

    public static AppealFilter statuses(Set<AppealStatus> statuses) {
        return new AppealFilter(statuses, null, null, null, false);
    }
}
