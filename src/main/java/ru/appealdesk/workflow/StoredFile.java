package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file an executor sent with an answer, kept in the database. */
@Entity
@Table(name = "stored_file")
class StoredFile {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private AttachmentKind kind;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "mime_type")
    private String mimeType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Column(name = "telegram_file_id")
    private String telegramFileId;
    /** Written once; read only through {@code StoredFileRepository.findContent}, never with the entity. */
    private byte[] content;
    @Column(name = "created_at")
    private Instant createdAt;

    protected StoredFile() {
    }

    StoredFile(UUID id, AttachmentKind kind, String fileName, String mimeType, byte[] content, String telegramFileId,
               Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.fileName = fileName;
        this.mimeType = mimeType;
        this.sizeBytes = content.length;
        this.content = content;
        this.telegramFileId = telegramFileId;
        this.createdAt = createdAt;
    }

    AttachmentStore.FileInfo info() {
        return new AttachmentStore.FileInfo(id, kind, fileName, mimeType, sizeBytes, telegramFileId);
    }
}
