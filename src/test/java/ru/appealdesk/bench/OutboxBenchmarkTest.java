package ru.appealdesk.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.support.FakeTelegram;

/**
 * Benchmark: 10,000 queued messages to 1,000 chats, sent to a fake Bot API server that enforces Telegram's limits
 * (answers 429 when more than ~30 messages a second overall or one a second per chat arrive). Reports the achieved
 * rate against the 30 messages/s limit and the number of 429s. Run with {@code mvn -B -Pbenchmark test}.
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class)
class OutboxBenchmarkTest {

    static final int CHATS = Integer.getInteger("bench.chats", 1_000);
    static final int PER_CHAT = Integer.getInteger("bench.perChat", 10);
    static final FakeTelegram TELEGRAM = new FakeTelegram().strictLimits();

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        BenchmarkService.register(registry, TELEGRAM, "appealdesk-outbox-bench");
        registry.add("appealdesk.scheduler.tick", () -> "1h");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void tenThousandMessagesToOneThousandChats() throws InterruptedException {
        // given 10,000 messages queued at once
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int round = 0; round < PER_CHAT; round++) {
            for (int chat = 0; chat < CHATS; chat++) {
                rows.add(new Object[] {1_000_000L + chat, "{\"text\":\"Сообщение " + round + "\"}",
                        Timestamp.from(now), Timestamp.from(now)});
            }
        }
        IntStream.range(0, CHATS).forEach(chat -> TELEGRAM.knowChat(1_000_000L + chat));
        long start = System.nanoTime();
        jdbc.batchUpdate("insert into outbound_message (chat_id, method, payload, priority, status, attempts, "
                + "next_attempt_at, created_at) values (?, 'SEND_MESSAGE', ?, 2, 'PENDING', 0, ?, ?)", rows);

        // when the sender drains the queue
        int total = CHATS * PER_CHAT;
        int delivered = 0;
        while (delivered < total && (System.nanoTime() - start) < 900_000_000_000L) {
            Thread.sleep(1000);
            delivered = IntStream.range(0, CHATS).map(c -> TELEGRAM.messagesTo(1_000_000L + c).size()).sum();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // then report the rate against the limit, and the 429s
        System.out.printf("BENCHMARK outbox: %d messages to %d chats delivered within %.1f s of being queued; at the "
                        + "receiver: %s; 429 answers: %d; spec violations: %s%n", delivered, CHATS, seconds,
                ReceiverRate.firstToLast(TELEGRAM.acceptedAt()), TELEGRAM.rateLimitedCalls(),
                TELEGRAM.takeViolations());
    }
}
