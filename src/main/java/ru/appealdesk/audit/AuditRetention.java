package ru.appealdesk.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit events older than {@code appealdesk.audit.retention} on the retention schedule
 * ({@code appealdesk.retention.run-every}), the oldest {@value #LIMIT} at most per run; safe on every instance at
 * once.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    /** Events deleted at most per run. */
    static final int LIMIT = 50_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditProperties properties;

    AuditRetention(JdbcClient jdbc, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${appealdesk.retention.initial-delay:PT1M}",
            fixedDelayString = "${appealdesk.retention.run-every:PT1H}")
    void purge() {
        Instant before = clock.instant().atOffset(ZoneOffset.UTC).minus(properties.retention()).toInstant();
        // one bounded statement a run: hourly, that is far more than a day's readings, and no run holds locks long
        int deleted = jdbc.sql("delete from audit_event where id in (select id from audit_event where at < ? "
                + "order by at limit " + LIMIT + ")").param(Timestamp.from(before)).update();
        if (deleted > 0) {
            log.info("Retention: removed {} audit events older than {}", deleted, properties.retention());
        }
    }
}
