package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** {@link AppealFilter}s as SQL conditions, so that filtering and counting happen in the database. */
final class AppealSpecifications {

    private AppealSpecifications() {
    }

    /** Appeals matching any of the filters (no filters: none). */
    static Specification<Appeal> anyOf(List<AppealFilter> filters, Instant now) {
        return (root, query, cb) -> {
            Path<Object> step = root.get("step");
            Path<Object> intake = root.get("intake");
            List<Predicate> parts = new ArrayList<>();
            for (AppealFilter f : filters) {
                List<Predicate> all = new ArrayList<>();
                if (!f.statuses().isEmpty()) {
                    all.add(step.get("status").in(f.statuses()));
                }
                if (f.executorId() != null) {
                    all.add(cb.equal(step.get("executorId"), f.executorId()));
                }
                if (f.departmentIds() != null) {
                    all.add(f.departmentIds().isEmpty() ? cb.disjunction()
                            : step.get("departmentId").in(f.departmentIds()));
                }
                if (f.excludedExecutorId() != null) {
                    all.add(cb.or(cb.isNull(step.get("executorId")),
                            cb.notEqual(step.get("executorId"), f.excludedExecutorId())));
                }
                if (f.sources() != null) {
                    all.add(f.sources().isEmpty() ? cb.disjunction() : intake.get("source").in(f.sources()));
                }
                if (f.registeredBy() != null) {
                    all.add(cb.equal(intake.get("registeredBy"), f.registeredBy()));
                }
                if (f.overdueOnly()) {
                    // PRODUCT.md §9: overdue is "not closed by answerDueAt", whoever holds the appeal
                    all.add(cb.notEqual(step.get("status"), AppealStatus.CLOSED));
                    // not while its clock stands still for the applicant's reply (seed 004 п.13)
                    all.add(cb.notEqual(step.get("status"), AppealStatus.AWAITING_APPLICANT));
                    all.add(cb.lessThan(root.get("terms").get("answerDueAt"), now));
                }
                parts.add(cb.and(all.toArray(Predicate[]::new)));
            }
            return parts.isEmpty() ? cb.disjunction() : cb.or(parts.toArray(Predicate[]::new));
        };
    }
}
