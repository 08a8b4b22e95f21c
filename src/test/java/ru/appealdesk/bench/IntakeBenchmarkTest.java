package ru.appealdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.Staff;

/**
 * Benchmark: appeals posted by 4 concurrent HTTP clients through the whole path (deadlines, routing, history,
 * timers, outbox) while their cards are being delivered to a fake Bot API that enforces Telegram's limits. Reports
 * the intake rate, the delivery rate against the limit and the 429s. {@code -Dbench.appeals=N} measured appeals
 * (1,500), {@code -Dbench.warmup=N} appeals posted first and not measured (600), {@code -Dbench.messages=N} queued
 * messages to 1,000 other chats (1,500; 0 measures the intake alone).
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeBenchmarkTest {

    static final int APPEALS = Integer.getInteger("bench.appeals", 1_500);
    static final int MESSAGES = Integer.getInteger("bench.messages", 1_500);
    static final int WARMUP = Integer.getInteger("bench.warmup", 600);
    static final long FIRST_CHAT = 2_000_000L;
    static final FakeTelegram TELEGRAM = new FakeTelegram().strictLimits();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        BenchmarkService.register(registry, TELEGRAM, "appealdesk-intake-bench");
        registry.add("appealdesk.scheduler.tick", () -> "1h");
        // a log line per appeal written through Surefire's console pipe would measure the pipe, not the service
        registry.add("logging.level.ru.appealdesk", () -> "WARN");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void appealsFromFourClientsWhileCardsAreDelivered() throws Exception {
        // given the executors of every category bound to Telegram
        Api api = new Api(port);
        Staff.bind(api, TELEGRAM, Map.of("petrova", 500_001L, "sidorov", 500_002L, "morozov", 500_003L,
                "volkova", 500_004L, "zaitsev", 500_005L, "nikitina", 500_006L, "fedorova", 500_007L,
                "gromov", 500_008L, "egorova", 500_009L, "kuznetsova", 500_010L));
        String[] categories = {"roads", "waste", "heating", "roads", "waste"};
        // and a JVM warmed up by WARMUP appeals (as a service is after its first minutes), not measured
        post(api, "WARM-", WARMUP, categories, new AtomicLong());
        // and a backlog of messages to 1,000 other chats, so that delivery runs at the bot-wide limit meanwhile
        java.time.Instant now = java.time.Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            rows.add(new Object[] {FIRST_CHAT + i % 1_000, "{\"text\":\"Сообщение " + i + "\"}",
                    java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)});
        }
        for (int c = 0; c < 1_000; c++) {
            TELEGRAM.knowChat(FIRST_CHAT + c);
        }
        long deliveryStart = System.nanoTime();
        jdbc.batchUpdate("insert into outbound_message (chat_id, method, payload, priority, status, attempts, "
                + "next_attempt_at, created_at) values (?, 'SEND_MESSAGE', ?, 2, 'PENDING', 0, ?, ?)", rows);

        // when, once the backlog's delivery has begun, 4 clients post the appeals as fast as they are answered
        // (-Dbench.messages=0: intake alone, but for the appeals' own cards to the ten executors, 1 a second each)
        while (MESSAGES > 0 && TELEGRAM.acceptedAt().stream().noneMatch(t -> t > deliveryStart)) {
            Thread.sleep(10);
        }
        AtomicLong slowest = new AtomicLong();
        long start = System.nanoTime();
        int created = post(api, "BENCH-", APPEALS, categories, slowest);
        long end = System.nanoTime();
        double intakeSeconds = (end - start) / 1e9;
        if (Boolean.getBoolean("bench.ceiling")) {
            long t0 = System.nanoTime();
            post(api, "WARM-", WARMUP, categories, new AtomicLong());
            System.out.printf("BENCHMARK ceiling: %d repeated appeals (found, nothing written) at %.1f/s%n", WARMUP,
                    WARMUP / ((System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            get(api, "/api/appeals/1", WARMUP);
            System.out.printf("BENCHMARK floor: %d GET /api/appeals/1 (one appeal read) at %.1f/s%n", WARMUP,
                    WARMUP / ((System.nanoTime() - t0) / 1e9));
        }

        // then the backlog is delivered within the limits
        long delivered;
        do {
            Thread.sleep(500);
            delivered = java.util.stream.LongStream.range(0, 1_000)
                    .map(c -> TELEGRAM.messagesTo(FIRST_CHAT + c).size()).sum();
        } while (delivered < MESSAGES && System.nanoTime() - deliveryStart < Duration.ofMinutes(10).toNanos());
        double deliverySeconds = (System.nanoTime() - deliveryStart) / 1e9;
        System.out.printf("BENCHMARK intake: %d appeals by 4 clients in %.1f s = %.1f appeals/s (slowest request "
                        + "%d ms)%n", created, intakeSeconds, created / intakeSeconds, slowest.get() / 1_000_000);
        System.out.printf("BENCHMARK delivery while the appeals arrived, at the receiver: %s%n",
                ReceiverRate.of(TELEGRAM.acceptedAt(), start, end));
        System.out.printf("BENCHMARK delivery of the backlog, at the receiver: %s; %d queued messages to 1,000 chats "
                        + "delivered within %.1f s; 429 answers: %d; spec violations: %s%n",
                ReceiverRate.of(TELEGRAM.acceptedAt(), deliveryStart, System.nanoTime()), delivered, deliverySeconds,
                TELEGRAM.rateLimitedCalls(), TELEGRAM.takeViolations());
    }

    /** Sends {@code count} GET requests from 4 concurrent clients. */
    private static void get(Api api, String path, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(clients.submit(() -> api.get(path).status()));
        }
        for (Future<Integer> r : results) {
            r.get();
        }
        clients.shutdown();
    }

    /** Posts {@code count} appeals from 4 concurrent clients; returns how many were created. */
    private static int post(Api api, String prefix, int count, String[] categories, AtomicLong slowest)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = JSON.createObjectNode().put("source", "DOBRODEL").put("externalId", prefix + i)
                    .put("category", categories[i % categories.length]).put("text", "Обращение " + i)
                    .put("address", "г. Руза, ул. Солнцева, " + i).toString();
            results.add(clients.submit(() -> {
                long t = System.nanoTime();
                int status = api.post("/api/appeals", body).status();
                slowest.accumulateAndGet(System.nanoTime() - t, Math::max);
                return status;
            }));
        }
        int created = 0;
        for (Future<Integer> r : results) {
            created += r.get() == 201 ? 1 : 0;
        }
        clients.shutdown();
        return created;
    }
}
