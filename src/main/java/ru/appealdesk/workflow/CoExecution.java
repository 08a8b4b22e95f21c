package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A co-executor of an appeal (PRODUCT.md §10): their deadline and what they delivered to the responsible executor. */
@Embeddable
class CoExecution {

    @Column(name = "staff_id", nullable = false)
    private String staffId;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;
    @Column(name = "added_by")
    private String addedBy;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    private String materials;

    protected CoExecution() {
    }

    CoExecution(String staffId, Instant dueAt, String addedBy, Instant now) {
        this.staffId = staffId;
        this.dueAt = dueAt;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    String staffId() {
        return staffId;
    }

    /** The appeal's clock stood still: a deadline not yet met moves on with it. */
    void shift(java.util.function.UnaryOperator<Instant> by) {
        if (deliveredAt == null) {
            dueAt = by.apply(dueAt);
        }
    }

    /** Another delivery replaces the text; the files of every delivery are kept. */
    void delivered(String text, Instant now) {
        this.materials = text;
        this.deliveredAt = now;
    }

    AppealView.CoExecutor view(List<AppealView.Attachment> files) {
        return new AppealView.CoExecutor(staffId, dueAt, addedAt, addedBy, deliveredAt, materials, files);
    }
}
