package ru.appealdesk.workflow;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the files executors attach to answers (photos, documents) in the database. */
@Service
public class AttachmentStore {

    private final StoredFileRepository files;
    private final Clock clock;

    AttachmentStore(StoredFileRepository files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    /** What is known of a stored file besides its bytes. */
    public record FileInfo(UUID id, AttachmentKind kind, String fileName, String mimeType, long sizeBytes,
                           String telegramFileId) {
    }

    @Transactional
    public FileInfo store(AttachmentKind kind, String fileName, String mimeType, byte[] content,
                          String telegramFileId) {
        StoredFile file = new StoredFile(UUID.randomUUID(), kind, fileName, mimeType, content, telegramFileId,
                clock.instant());
        return files.save(file).info();
    }

    @Transactional(readOnly = true)
    public Optional<FileInfo> info(UUID id) {
        return files.findById(id).map(StoredFile::info);
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> content(UUID id) {
        return files.findById(id).map(StoredFile::content);
    }
}
