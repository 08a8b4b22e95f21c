package ru.appealdesk.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;


/**
 * What a test waits for instead of a pause: the service has handled every update the fake Bot API holds for it and
 * has sent everything it may send now, so what the test did has had all its effects in the chats. Messages due
 * later by the service's clock (quiet hours) do not count; messages waiting for a retry do.
 */
public final class OutboxDrained {

    private OutboxDrained() {
    }

    /** Waits (at most 30 s) until the outbox in {@code database} is drained as of {@code clock}. */
    public static void await(FakeTelegram telegram, JdbcTemplate database, Clock clock) {
        await(telegram::idle, database, clock);
    }

    /** The same with every fake messenger the service talks to ({@code idle}: all of them are). */
    public static void await(java.util.function.BooleanSupplier idle, JdbcTemplate database, Clock clock) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> idle.getAsBoolean() && undelivered(database, clock) == 0);
    }

    private static long undelivered(JdbcTemplate database, Clock clock) {
        Long count = database.queryForObject("select count(*) from outbound_message where status in ('PENDING', "
                + "'IN_FLIGHT') and next_attempt_at <= ?", Long.class, Timestamp.from(clock.instant()));
        return count == null ? 0 : count;
    }
}
