package ru.appealdesk.bot.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.BotProperties;
import ru.appealdesk.delivery.Outbox;

/**
 * Answers people who are not registered: at most once per interval per account (shared by every instance through
 * the database) and at the lowest priority, so accounts writing in a loop cannot keep cards and alerts waiting.
 */
@Component
class Strangers {

    private static final Logger log = LoggerFactory.getLogger(Strangers.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration interval;

    Strangers(JdbcClient jdbc, Outbox outbox, Clock clock, BotProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.interval = properties.strangerReplyInterval();
    }

    /** Sends {@code html} unless this account was answered less than the interval ago. */
    void answer(Inbound in, String html) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        insert into stranger_contact (messenger, user_id, last_answered_at)
                        values (:messenger, :user, :now)
                        on conflict (messenger, user_id) do update set last_answered_at = excluded.last_answered_at
                        where stranger_contact.last_answered_at <= :before""")
                .param("messenger", in.chat().messenger().name()).param("user", in.userId())
                .param("now", java.sql.Timestamp.from(now))
                .param("before", java.sql.Timestamp.from(now.minus(interval))).update();
        if (claimed == 0) {
            log.debug("Not answering {} user {} again within {}", in.chat().messenger(), in.userId(), interval);
            return;
        }
        outbox.text(in.chat(), html, Outbox.PRIORITY_STRANGER);
    }
}
