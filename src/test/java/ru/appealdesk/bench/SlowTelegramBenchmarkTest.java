package ru.appealdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark: what a slow Telegram does to intake. Appeals are posted by 4 clients first with the fake Bot API
 * answering at once, then with every sending call answered after 2 s; reports request latency in both phases and the
 * longest database transaction seen meanwhile (sampled from {@code pg_stat_activity} every 20 ms), which must stay
 * under a second: no transaction waits on Telegram. {@code -Dbench.appeals=N} per phase (400).
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowTelegramBenchmarkTest {

    static final int APPEALS = Integer.getInteger("bench.appeals", 400);
    static final FakeTelegram TELEGRAM = new FakeTelegram().strictLimits();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] CATEGORIES = {"roads", "waste", "heating", "roads", "waste"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        BenchmarkService.register(registry, TELEGRAM, "appealdesk-slow-bench");
        registry.add("appealdesk.scheduler.tick", () -> "1h");
        registry.add("logging.level.ru.appealdesk", () -> "WARN");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void aSlowTelegramHoldsNoTransactionOpenAndDoesNotSlowIntake() throws Exception {
        // given bound executors and a JVM warmed up by appeals not measured
        Api api = new Api(port);
        Staff.bind(api, TELEGRAM, Map.of("petrova", 500_001L, "sidorov", 500_002L, "morozov", 500_003L,
                "volkova", 500_004L, "zaitsev", 500_005L, "nikitina", 500_006L, "fedorova", 500_007L,
                "gromov", 500_008L, "egorova", 500_009L, "kuznetsova", 500_010L));
        post(api, "WARM-", APPEALS);
        AtomicLong longestTransaction = new AtomicLong();
        Thread sampler = new Thread(() -> sampleTransactions(longestTransaction), "transaction-sampler");
        sampler.start();

        // when appeals arrive with Telegram answering at once
        List<Long> fast = post(api, "FAST-", APPEALS);
        long fastTransaction = longestTransaction.getAndSet(0);
        // and then with Telegram answering every sending call after 2 s
        TELEGRAM.slowDown(Duration.ofSeconds(2));
        long slowStart = System.nanoTime();
        List<Long> slow = post(api, "SLOW-", APPEALS);
        Thread.sleep(5_000);
        long slowTransaction = longestTransaction.get();
        sampler.interrupt();
        sampler.join();
        ReceiverRate delivered = ReceiverRate.of(TELEGRAM.acceptedAt(), slowStart, System.nanoTime());

        // then
        System.out.printf("BENCHMARK slow Telegram, answering at once: %s; longest transaction %d ms%n",
                latencies(fast), fastTransaction / 1_000_000);
        System.out.printf("BENCHMARK slow Telegram, every send answered after 2 s: %s; longest transaction %d ms; "
                + "delivered meanwhile: %s%n", latencies(slow), slowTransaction / 1_000_000, delivered);
        assertThat(Duration.ofNanos(slowTransaction)).isLessThan(Duration.ofSeconds(1));
    }

    /** The oldest open transaction of this database, every 20 ms, as long as the thread runs. */
    private void sampleTransactions(AtomicLong longest) {
        while (!Thread.currentThread().isInterrupted()) {
            Long micros = jdbc.queryForObject("select coalesce(max(extract(epoch from clock_timestamp() - xact_start) "
                    + "* 1000000), 0)::bigint from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and xact_start is not null", Long.class);
            longest.accumulateAndGet(micros == null ? 0 : micros * 1_000, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String latencies(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(java.util.Locale.ROOT, "%d appeals, request latency median %d ms, p99 %d ms, max %d ms",
                sorted.size(), sorted.get(sorted.size() / 2) / 1_000_000,
                sorted.get((int) (sorted.size() * 0.99)) / 1_000_000, sorted.get(sorted.size() - 1) / 1_000_000);
    }

    /** Posts {@code count} appeals from 4 concurrent clients; returns each request's latency. */
    private static List<Long> post(Api api, String prefix, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = JSON.createObjectNode().put("source", "DOBRODEL").put("externalId", prefix + i)
                    .put("category", CATEGORIES[i % CATEGORIES.length]).put("text", "Обращение " + i)
                    .put("address", "г. Руза, ул. Солнцева, " + i).toString();
            results.add(clients.submit(() -> {
                long t = System.nanoTime();
                assertThat(api.post("/api/appeals", body).status()).isEqualTo(201);
                return System.nanoTime() - t;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> r : results) {
            latencies.add(r.get());
        }
        clients.shutdown();
        return latencies;
    }
}
