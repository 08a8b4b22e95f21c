package ru.appealdesk.workflow;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A reference from an answer to a stored file. */
@Embeddable
class AnswerAttachment {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttachmentKind kind;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    protected AnswerAttachment() {
    }

    AnswerAttachment(AttachmentKind kind, UUID fileId) {
        this.kind = kind;
        this.fileId = fileId;
    }

    AppealView.Attachment view() {
        return new AppealView.Attachment(fileId, kind);
    }
}
