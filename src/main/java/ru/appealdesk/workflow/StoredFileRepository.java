package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StoredFileRepository extends JpaRepository<StoredFile, UUID> {

    /** A file's description without its bytes. */
    interface Meta {
        UUID getId();

        AttachmentKind getKind();

        String getFileName();

        String getMimeType();

        long getSizeBytes();

        String getTelegramFileId();
    }

    @Query("select f.id as id, f.kind as kind, f.fileName as fileName, f.mimeType as mimeType, "
            + "f.sizeBytes as sizeBytes, f.telegramFileId as telegramFileId from StoredFile f where f.id in ?1")
    List<Meta> findMeta(Collection<UUID> ids);

    @Query("select f.content from StoredFile f where f.id = ?1")
    Optional<byte[]> findContent(UUID id);

    /** Deletes the given files unless an answer, a co-executor's materials or an applicant's photo refer to them. */
    @Modifying
    @Query(value = "delete from stored_file f where f.id in ?1 "
            + "and not exists (select 1 from answer_attachment a where a.file_id = f.id) "
            + "and not exists (select 1 from co_executor_material m where m.file_id = f.id) "
            + "and not exists (select 1 from applicant_photo p where p.file_id = f.id)", nativeQuery = true)
    int deleteUnreferenced(Collection<UUID> ids);

    /**
     * Deletes files older than {@code before} that no answer, co-executor's materials or applicant's photo refer to,
     * except {@code keep}; at most 1000.
     */
    @Modifying
    @Query(value = "delete from stored_file where id in (select f.id from stored_file f where f.created_at < ?1 "
            + "and not exists (select 1 from answer_attachment a where a.file_id = f.id) "
            + "and not exists (select 1 from co_executor_material m where m.file_id = f.id) "
            + "and not exists (select 1 from applicant_photo p where p.file_id = f.id) "
            + "and f.id <> all (cast(?2 as uuid[])) limit 1000)", nativeQuery = true)
    int deleteOrphans(Instant before, UUID[] keep);
}
