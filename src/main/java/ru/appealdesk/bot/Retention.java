package ru.appealdesk.bot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.appealdesk.workflow.AttachmentStore;

/**
 * Forgets what is no longer needed, on a schedule ({@code appealdesk.retention.*}): records of handled Telegram
 * updates (kept long enough to recognise Telegram's redeliveries), delivered and superseded messages (their content
 * is already blanked at delivery), failed messages an administrator did not retry, the strangers' reply log,
 * answer drafts nobody touched for {@code drafts}, and files no answer or draft refers to (older than a day).
 * Deletes run in batches, and are safe to run on every instance at once.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration processedUpdates;
    private final Duration sentMessages;
    private final Duration failedMessages;
    private final Duration drafts;
    private final ConversationRepository conversations;
    private final AttachmentStore files;

    Retention(JdbcClient jdbc, Clock clock, ConversationRepository conversations, AttachmentStore files,
              @Value("${appealdesk.retention.drafts:14d}") Duration drafts,
              @Value("${appealdesk.retention.processed-updates:30d}") Duration processedUpdates,
              @Value("${appealdesk.retention.sent-messages:30d}") Duration sentMessages,
              @Value("${appealdesk.retention.failed-messages:90d}") Duration failedMessages) {
        if (processedUpdates.compareTo(Duration.ofDays(2)) < 0) {
            throw new IllegalArgumentException("appealdesk.retention.processed-updates must be at least 2d: "
                    + "Telegram redelivers an update for up to 24 hours");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.conversations = conversations;
        this.files = files;
        this.drafts = drafts;
        this.processedUpdates = processedUpdates;
        this.sentMessages = sentMessages;
        this.failedMessages = failedMessages;
    }

    @Scheduled(initialDelayString = "${appealdesk.retention.initial-delay:PT1M}",
            fixedDelayString = "${appealdesk.retention.run-every:PT1H}")
    void purge() {
        Instant now = clock.instant();
        long updates = deleteInBatches("processed_update", "update_id", "processed_at < :before",
                now.minus(processedUpdates));
        long sent = deleteInBatches("outbound_message", "id", "status in ('SENT', 'SUPERSEDED') and created_at "
                + "< :before", now.minus(sentMessages));
        long failed = deleteInBatches("outbound_message", "id", "status in ('DEAD', 'UNDELIVERABLE') and created_at "
                + "< :before", now.minus(failedMessages));
        long strangers = deleteInBatches("stranger_contact", "telegram_user_id", "last_answered_at < :before",
                now.minus(Duration.ofDays(1)));
        long abandoned = deleteInBatches("conversation", "telegram_user_id", "updated_at < :before",
                now.minus(drafts));
        List<UUID> inUse = conversations.findAll().stream().flatMap(c -> c.attachedFiles().stream())
                .map(Conversation.AttachedFile::fileId).toList();
        int orphans = files.purgeOrphans(now.minus(Duration.ofDays(1)), inUse);
        if (updates + sent + failed + strangers + abandoned + orphans > 0) {
            log.info("Retention: removed {} handled-update records, {} delivered and {} failed messages, {} "
                    + "stranger records, {} abandoned drafts, {} unused files", updates, sent, failed, strangers,
                    abandoned, orphans);
        }
    }

    private long deleteInBatches(String table, String key, String condition, Instant before) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from " + table + " where " + key + " in (select " + key + " from " + table
                    + " where " + condition + " limit " + BATCH + ")")
                    .param("before", Timestamp.from(before)).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
