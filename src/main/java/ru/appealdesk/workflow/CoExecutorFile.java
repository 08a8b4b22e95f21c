package ru.appealdesk.workflow;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A file a co-executor delivered with their materials. */
@Embeddable
class CoExecutorFile {

    @Column(name = "staff_id", nullable = false)
    private String staffId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttachmentKind kind;
    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    protected CoExecutorFile() {
    }

    CoExecutorFile(String staffId, AttachmentKind kind, UUID fileId) {
        this.staffId = staffId;
        this.kind = kind;
        this.fileId = fileId;
    }

    String staffId() {
        return staffId;
    }

    AppealView.Attachment view() {
        return new AppealView.Attachment(fileId, kind);
    }
}
