package ru.appealdesk.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.DatabaseSliceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit events are kept {@code appealdesk.audit.retention} (3 years), then the retention job deletes them. */
@EnableConfigurationProperties(AuditProperties.class)
@Import({AuditRetention.class})
class AuditRetentionTest extends DatabaseSliceTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditRetention retention;

    @Test
    void eventsOlderThanThreeYearsAreDeletedAndYoungerOnesKept() {
        var threeYearsAgo = START.atOffset(ZoneOffset.UTC).minusYears(3).toInstant();
        jdbc.update("insert into audit_event (at, actor, action, channel, appeal_id) values "
                + "(?, 'old', 'APPEAL_READ', 'API', -1), (?, 'young', 'APPEAL_READ', 'API', -1)",
                Timestamp.from(threeYearsAgo.minus(Duration.ofMinutes(1))),
                Timestamp.from(threeYearsAgo.plus(Duration.ofMinutes(1))));

        retention.purge();

        assertThat(jdbc.queryForList("select actor from audit_event where appeal_id = -1", String.class))
                .containsExactly("young");
    }
}
