package ru.appealdesk.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's photos as the service keeps them (issue 22): each URL the portal sent is fetched once
 * ({@code PENDING} → {@code STORED}, its bytes a stored file, or {@code FAILED}); staff get the stored file, never
 * the portal's URL. The fetching itself is the intake's: it claims due photos and reports each outcome here.
 */
@Service
public class ApplicantPhotos {

    /** Where a photo is. */
    public enum State { PENDING, STORED, FAILED }

    /** One photo of an appeal: the portal's URL and, once stored, its file. */
    public record Photo(int position, String url, State state, UUID fileId) {
    }

    /** A photo claimed for fetching; {@code attempt} counts from 1. */
    public record Job(long appealId, int position, String url, int attempt) {
    }

    /** Published after the commit of an appeal (or reopening) that brought photos to fetch. */
    public record Pending(long appealId) {
    }

    /** Published when a photo was stored, in the same transaction. */
    public record Stored(long appealId, int position, UUID fileId) {
    }

    private final JdbcClient jdbc;
    private final StoredFileRepository files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicantPhotos(JdbcClient jdbc, StoredFileRepository files, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** Starts tracking the appeal's photos not tracked yet (the appeal's rows must be flushed). */
    void track(long appealId, List<String> urls) {
        if (urls.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < urls.size(); i++) {
            jdbc.sql("insert into applicant_photo (appeal_id, position, url, state, next_attempt_at) "
                    + "values (?, ?, ?, 'PENDING', ?) on conflict do nothing")
                    .params(appealId, i, urls.get(i), now).update();
        }
        events.publishEvent(new Pending(appealId));
    }

    @Transactional(readOnly = true)
    public List<Photo> of(long appealId) {
        return jdbc.sql("select position, url, state, file_id from applicant_photo where appeal_id = ? "
                        + "order by position").param(appealId)
                .query((rs, n) -> new Photo(rs.getInt(1), rs.getString(2), State.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class))).list();
    }

    /** Claims up to {@code limit} due photos for {@code lease}: nobody else fetches them meanwhile. */
    @Transactional
    public List<Job> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update applicant_photo p set attempts = p.attempts + 1, next_attempt_at = ?
                        from (select appeal_id, position from applicant_photo
                              where state = 'PENDING' and next_attempt_at <= ?
                              order by next_attempt_at limit ? for update skip locked) due
                        where p.appeal_id = due.appeal_id and p.position = due.position
                        returning p.appeal_id, p.position, p.url, p.attempts""")
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
                .query((rs, n) -> new Job(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** The photo was fetched: its bytes are stored and staff get them from now on. */
    @Transactional
    public void stored(Job job, String mimeType, String extension, byte[] content) {
        if (pendingLocked(job).isEmpty()) {
            return;
        }
        // flushed at once: the photo's row refers to the file
        StoredFile file = files.saveAndFlush(new StoredFile(UUID.randomUUID(), AttachmentKind.PHOTO,
                "appeal-" + job.appealId() + "-photo-" + (job.position() + 1) + extension, mimeType, content, null,
                clock.instant()));
        jdbc.sql("update applicant_photo set state = 'STORED', file_id = ?, error = null where appeal_id = ? "
                + "and position = ?").params(file.info().id(), job.appealId(), job.position()).update();
        events.publishEvent(new Stored(job.appealId(), job.position(), file.info().id()));
    }

    /** The fetch failed: tried again at {@code retryAt}, or never ({@code retryAt} null). */
    @Transactional
    public void failed(Job job, String reason, Instant retryAt) {
        if (pendingLocked(job).isEmpty()) {
            return;
        }
        String error = reason.substring(0, Math.min(300, reason.length()));
        if (retryAt == null) {
            jdbc.sql("update applicant_photo set state = 'FAILED', error = ? where appeal_id = ? and position = ?")
                    .params(error, job.appealId(), job.position()).update();
        } else {
            jdbc.sql("update applicant_photo set next_attempt_at = ?, error = ? where appeal_id = ? and position = ?")
                    .params(Timestamp.from(retryAt), error, job.appealId(), job.position()).update();
        }
    }

    private Optional<Integer> pendingLocked(Job job) {
        return jdbc.sql("select position from applicant_photo where appeal_id = ? and position = ? "
                        + "and state = 'PENDING' for update").params(job.appealId(), job.position())
                .query(Integer.class).optional();
    }
}
