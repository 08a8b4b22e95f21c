package ru.appealdesk.delivery;

import java.sql.Timestamp;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.DatabaseSliceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivered messages are forgotten after 30 days, failed ones after 90; recent ones stay. */
@EnableConfigurationProperties(DeliveryProperties.class)
@Import({OutboxRetention.class, ru.appealdesk.audit.AuditLog.class})
class OutboxRetentionTest extends DatabaseSliceTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxRetention retention;

    @Test
    void oldMessagesArePurgedAndRecentOnesKept() {
        // given delivered messages 40 days and 1 day old, and a dead letter 40 days old
        Timestamp old = Timestamp.from(START.minus(Duration.ofDays(40)));
        Timestamp recent = Timestamp.from(START.minus(Duration.ofDays(1)));
        jdbc.update("insert into outbound_message (chat_id, method, payload, priority, status, next_attempt_at, "
                + "created_at) values (-5, 'SEND_MESSAGE', '{}', 1, 'SENT', ?, ?), (-5, 'SEND_MESSAGE', '{}', 1, "
                + "'SENT', ?, ?), (-5, 'SEND_MESSAGE', '{}', 1, 'DEAD', ?, ?)", old, old, recent, recent, old, old);

        // when the retention job runs
        retention.purge();

        // then the old delivered message is gone; the dead letter is kept for 90 days
        assertThat(jdbc.queryForList("select status from outbound_message where chat_id = -5 order by id",
                String.class)).containsExactly("SENT", "DEAD");
    }
}
