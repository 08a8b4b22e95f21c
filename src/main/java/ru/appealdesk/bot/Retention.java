package ru.appealdesk.bot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.appealdesk.audit.AuditLog;
import ru.appealdesk.bot.dialogs.Conversation;
import ru.appealdesk.bot.dialogs.ConversationRepository;
import ru.appealdesk.workflow.AttachmentStore;

/**
 * Forgets what the bot no longer needs, on the retention schedule ({@code appealdesk.retention.run-every}; how long,
 * {@code appealdesk.bot.keep-*}): records of handled updates (kept long enough to recognise a messenger's
 * redeliveries), the strangers' reply log, answer drafts nobody touched for {@code drafts}, and files no answer or
 * draft refers to (older than a day); the deletion of drafts and files (personal data) is written to the audit log.
 * Deletes run in batches, and are safe to run on every instance at once.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration processedUpdates;
    private final Duration drafts;
    private final ConversationRepository conversations;
    private final AttachmentStore files;
    private final AuditLog audit;

    Retention(JdbcClient jdbc, Clock clock, ConversationRepository conversations, AttachmentStore files,
              BotProperties properties, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.conversations = conversations;
        this.files = files;
        this.drafts = properties.keepDrafts();
        this.processedUpdates = properties.keepProcessedUpdates();
    }

    @Scheduled(initialDelayString = "${appealdesk.retention.initial-delay:PT1M}",
            fixedDelayString = "${appealdesk.retention.run-every:PT1H}")
    void purge() {
        Instant now = clock.instant();
        long updates = deleteInBatches("processed_update", "processed_at < :before",
                now.minus(processedUpdates));
        long strangers = deleteInBatches("stranger_contact", "last_answered_at < :before",
                now.minus(Duration.ofDays(1)));
        long abandoned = deleteAbandonedDialogs(now.minus(drafts));
        List<UUID> inUse = conversations.findAll().stream().flatMap(c -> c.attachedFiles().stream())
                .map(Conversation.AttachedFile::fileId).toList();
        int orphans = files.purgeOrphans(now.minus(Duration.ofDays(1)), inUse);
        if (orphans > 0) {
            audit.deleted(AuditLog.Action.FILES_DELETED, orphans + " files no answer or draft refers to");
        }
        if (updates + strangers + abandoned + orphans > 0) {
            log.info("Retention: removed {} handled-update records, {} stranger records, {} abandoned drafts, {} "
                    + "unused files", updates, strangers, abandoned, orphans);
        }
    }

    /** Dialogs nobody touched since {@code before}; each dropped answer draft is written to the audit log. */
    private long deleteAbandonedDialogs(Instant before) {
        long total = 0;
        List<Map<String, Object>> deleted;
        do {
            deleted = jdbc.sql("delete from conversation where ctid = any(array(select ctid from "
                            + "conversation where updated_at < :before limit " + BATCH + ")) returning appeal_id, "
                            + "(answer_text is not null or attachments is not null) as draft")
                    .param("before", Timestamp.from(before)).query().listOfRows();
            audit.deleted(AuditLog.Action.DRAFT_DELETED, deleted.stream()
                    .filter(r -> r.get("appeal_id") != null && Boolean.TRUE.equals(r.get("draft")))
                    .map(r -> ((Number) r.get("appeal_id")).longValue()).toList());
            total += deleted.size();
        } while (deleted.size() == BATCH);
        return total;
    }

    private long deleteInBatches(String table, String condition, Instant before) {
        long total = 0;
        int deleted;
        do {
            // by the row's physical address: the tables' keys are composite (messenger and id)
            deleted = jdbc.sql("delete from " + table + " where ctid = any(array(select ctid from " + table
                    + " where " + condition + " limit " + BATCH + "))")
                    .param("before", Timestamp.from(before)).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
