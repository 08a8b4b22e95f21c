package ru.appealdesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /** A file's description; its bytes are not read. */
    @Transactional(readOnly = true)
    public Optional<FileInfo> info(UUID id) {
        return infos(List.of(id)).stream().findFirst();
    }

    /** Descriptions of several files in one query; their bytes are not read. */
    @Transactional(readOnly = true)
    public List<FileInfo> infos(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return files.findMeta(ids).stream().map(m -> new FileInfo(m.getId(), m.getKind(), m.getFileName(),
                m.getMimeType(), m.getSizeBytes(), m.getTelegramFileId())).toList();
    }

    /** A file's bytes, for sending it. */
    @Transactional(readOnly = true)
    public Optional<byte[]> content(UUID id) {
        return files.findContent(id);
    }

    /** Deletes files of a draft that was dropped; files an answer refers to are kept. */
    @Transactional
    public void deleteDrafts(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            files.deleteUnreferenced(ids);
        }
    }

    /**
     * Deletes files older than {@code before} that no answer refers to, except those a draft still holds
     * ({@code inUse}): files of abandoned drafts and of answers that were replaced. Returns how many.
     */
    @Transactional
    public int purgeOrphans(Instant before, Collection<UUID> inUse) {
        int total = 0;
        int deleted;
        do {
            deleted = files.deleteOrphans(before, inUse.toArray(UUID[]::new));
            total += deleted;
        } while (deleted == 1000);
        return total;
    }
}
