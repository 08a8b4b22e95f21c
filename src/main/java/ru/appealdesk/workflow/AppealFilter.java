package ru.appealdesk.workflow;

import java.util.Set;

import ru.appealdesk.directory.Source;

/**
 * One part of an appeal search, all conditions combined with AND; {@code null} or empty means "any" (but an empty
 * {@code departmentIds} or {@code sources} matches nothing). {@code overdueOnly} keeps appeals past their answer
 * deadline (while the answer is still due) or their final one; {@code registeredBy} keeps those one API connector
 * registered.
 */
public record AppealFilter(Set<AppealStatus> statuses, String executorId, Set<String> departmentIds,
                           String excludedExecutorId, boolean overdueOnly, Set<Source> sources, String registeredBy) {

    public AppealFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        departmentIds = departmentIds == null ? null : Set.copyOf(departmentIds);
        sources = sources == null ? null : Set.copyOf(sources);
    }

    /** Of any source and registration. */
    public AppealFilter(Set<AppealStatus> statuses, String executorId, Set<String> departmentIds,
                        String excludedExecutorId, boolean overdueOnly) {
        this(statuses, executorId, departmentIds, excludedExecutorId, overdueOnly, null, null);
    }

    /** The REST API's filter: one status (or any), one executor (or any), overdue or not. */
    public static AppealFilter of(AppealStatus status, String executorId, boolean overdueOnly) {
        return new AppealFilter(status == null ? Set.of() : Set.of(status), executorId, null, null, overdueOnly);
    }

    public static AppealFilter statuses(Set<AppealStatus> statuses) {
        return new AppealFilter(statuses, null, null, null, false);
    }

    /** The same, narrowed to appeals of {@code sources} registered by {@code registeredBy} (null: by anyone). */
    public AppealFilter within(Set<Source> sources, String registeredBy) {
        return new AppealFilter(statuses, executorId, departmentIds, excludedExecutorId, overdueOnly, sources,
                registeredBy);
    }
}
