package ru.appealdesk.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import ru.appealdesk.workflow.ApplicantPhotos;
import ru.appealdesk.workflow.FileTypes;

/**
 * Fetches applicants' photos once, on its own thread outside any transaction: woken after the commit that brought
 * them (and every 30 s for retries), it claims due photos ({@link ApplicantPhotos#claim}, so instances never fetch
 * one twice) and stores each or records why not. A network error or the portal's 5xx is retried after 1 min,
 * 5 min, 30 min and 2 h, then the photo is given up; a refused link, 4xx, a non-image or an oversized one at once.
 */
@Component
class PhotoFetcher {

    private static final Logger log = LoggerFactory.getLogger(PhotoFetcher.class);
    private static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    private static final int BATCH = 10;

    private final ApplicantPhotos photos;
    private final PhotoDownloads downloads;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "photo-fetch");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    PhotoFetcher(ApplicantPhotos photos, PhotoDownloads downloads, Clock clock, IntakeProperties properties) {
        this.photos = photos;
        this.downloads = downloads;
        this.clock = clock;
        this.lease = properties.photoTimeout().multipliedBy(BATCH).plusMinutes(1);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ApplicantPhotos.Pending pending) {
        wake();
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
    void sweep() {
        wake();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    private void drain() {
        queued.set(false);
        try {
            List<ApplicantPhotos.Job> jobs;
            do {
                jobs = photos.claim(BATCH, lease);
                jobs.forEach(this::fetch);
            } while (jobs.size() == BATCH && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            log.error("Fetching applicants' photos failed; the next sweep tries again", e);
        }
    }

    private void fetch(ApplicantPhotos.Job job) {
        try {
            PhotoDownloads.Photo photo = downloads.fetch(job.url());
            photos.stored(job, photo.mimeType(), FileTypes.extension(photo.mimeType()), photo.content());
            log.info("Stored photo {} of appeal {} ({} bytes)", job.position() + 1, job.appealId(),
                    photo.content().length);
        } catch (PhotoDownloads.Refused refused) {
            log.warn("Photo {} of appeal {} is not taken: {}", job.position() + 1, job.appealId(),
                    refused.getMessage());
            photos.failed(job, refused.getMessage(), null);
        } catch (IOException e) {
            String reason = e.getClass().getSimpleName(); // its message may quote the link, which is never logged
            Instant retry = job.attempt() > RETRIES.size() ? null
                    : clock.instant().plus(RETRIES.get(job.attempt() - 1));
            log.warn("Photo {} of appeal {} could not be fetched ({}); {}", job.position() + 1, job.appealId(),
                    reason, retry == null ? "given up" : "tried again at " + retry);
            photos.failed(job, "network: " + reason, retry);
        }
    }
}
