package ru.appealdesk.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.appealdesk.audit.AuditLog;

/**
 * Forgets delivered and superseded messages after {@code appealdesk.delivery.keep-sent} (their content was blanked
 * at delivery already) and failed ones nobody retried after {@code keep-failed} (written to the audit log: they
 * still hold what the cards said), on the retention schedule
 * ({@code appealdesk.retention.run-every}). Deletes run in batches and are safe on every instance at once.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final AuditLog audit;

    OutboxRetention(JdbcClient jdbc, Clock clock, DeliveryProperties properties, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${appealdesk.retention.initial-delay:PT1M}",
            fixedDelayString = "${appealdesk.retention.run-every:PT1H}")
    void purge() {
        Instant now = clock.instant();
        long sent = delete("status in ('SENT', 'SUPERSEDED')", now.minus(properties.keepSent()));
        long failed = delete("status in ('DEAD', 'UNDELIVERABLE')", now.minus(properties.keepFailed()));
        // uploaded files go with the failed messages that might still be retried
        jdbc.sql("delete from outbound_file where created_at < ?")
                .param(java.sql.Timestamp.from(now.minus(properties.keepFailed()))).update();
        if (failed > 0) {
            audit.deleted(AuditLog.Action.MESSAGES_DELETED, failed + " undelivered messages with their content");
        }
        if (sent + failed > 0) {
            log.info("Retention: removed {} delivered and {} failed messages", sent, failed);
        }
    }

    private long delete(String condition, Instant before) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from outbound_message where id in (select id from outbound_message where "
                            + condition + " and created_at < :before limit " + BATCH + ")")
                    .param("before", Timestamp.from(before)).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
