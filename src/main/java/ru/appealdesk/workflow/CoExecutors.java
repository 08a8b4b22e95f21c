package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import ru.appealdesk.workflow.TransitionRefused.Reason;

/** The co-executors of an appeal (PRODUCT.md §10, 001 §4.3) and the files they delivered to the responsible one. */
@Embeddable
class CoExecutors {

    @ElementCollection
    @CollectionTable(name = "appeal_co_executor", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderColumn(name = "position")
    private List<CoExecution> people = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "co_executor_material", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderColumn(name = "position")
    private List<CoExecutorFile> files = new ArrayList<>();

    /** Adds {@code staffId} with their own deadline; neither the responsible executor nor a co-executor already. */
    void add(String staffId, Instant dueAt, String actor, Instant now, String executorId, Long appealId) {
        if (staffId.equals(executorId)) {
            throw new TransitionRefused(Reason.CO_EXECUTOR_INVALID, staffId + " is the responsible executor of appeal "
                    + appealId);
        }
        requireNotAmong(staffId, appealId);
        people.add(new CoExecution(staffId, dueAt, actor, now));
    }

    /** Refuses one of the co-executors as the responsible executor, or as a co-executor again (seed 001 §4.6). */
    void requireNotAmong(String staffId, Long appealId) {
        if (people.stream().anyMatch(c -> c.staffId().equals(staffId))) {
            throw new TransitionRefused(Reason.CO_EXECUTOR_INVALID, staffId + " is already a co-executor of appeal "
                    + appealId);
        }
    }

    /** A co-executor's materials: a text (another delivery replaces it) and files (all are kept); the text stripped. */
    String deliver(String staffId, String text, List<AppealView.Attachment> delivered, Instant now, Long appealId) {
        CoExecution co = people.stream().filter(c -> c.staffId().equals(staffId)).findFirst()
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_ALLOWED, staffId + " is not a co-executor of "
                        + "appeal " + appealId));
        String materials = TransitionRefused.requireText(text, 1, Reason.TEXT_REQUIRED, "the materials have no text");
        co.delivered(materials, now);
        delivered.forEach(f -> files.add(new CoExecutorFile(staffId, f.kind(), f.fileId())));
        return materials;
    }

    /** The appeal's clock stood still: the deadlines of those who have not delivered move on. */
    void shift(java.util.function.UnaryOperator<Instant> by) {
        people.forEach(c -> c.shift(by));
    }

    List<AppealView.CoExecutor> view() {
        return people.stream().map(c -> c.view(files.stream().filter(f -> f.staffId().equals(c.staffId()))
                .map(CoExecutorFile::view).toList())).toList();
    }
}
