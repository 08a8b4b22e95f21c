package ru.appealdesk.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.OutboxDrained;
import ru.appealdesk.support.Staff;
import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash safety: the built jar runs as its own process, is killed with SIGKILL while appeals arrive and messages are
 * in flight, and is started again. Every appeal, transition and message is then there once: at most the one
 * message that was in flight at the kill is sent twice, none is missing.
 */
class CrashRecoveryIT {

    static final int APPEALS = 24;
    static final Map<String, Long> USERS = Map.of("morozov", 500_001L, "volkova", 500_002L, "sokolova", 500_003L,
            "popov", 500_004L);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PACE = ru.appealdesk.support.EndToEndTest.PACE;

    @Test
    void aKilledServiceLosesNothingAndSendsEverythingOnce() throws Exception {
        String database = TestDatabase.newDatabase();
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (FakeTelegram telegram = new FakeTelegram().pace(PACE)) {
            Process first = start(database, telegram, port, 1);
            Api api = new Api(port);
            try {
                awaitHealthy(api);
                Staff.bind(api, telegram, USERS);

                // given appeals arriving from a portal while Telegram answers slowly
                telegram.slowDown(Duration.ofMillis(150));
                AtomicInteger stored = new AtomicInteger();
                ExecutorService portal = Executors.newFixedThreadPool(3);
                for (int i = 0; i < APPEALS; i++) {
                    String number = "DD-CRASH-" + (100 + i);
                    portal.submit(() -> {
                        try {
                            if (api.post("/api/appeals", appeal(number)).status() == 201) {
                                stored.incrementAndGet();
                            }
                        } catch (RuntimeException connectionLost) {
                            // the service died under this request; the portal will send it again
                        }
                    });
                }
                // when the service is killed half-way, with messages in flight
                await().atMost(Duration.ofSeconds(60)).until(() -> stored.get() >= APPEALS / 2);
                first.destroyForcibly().waitFor();
                portal.shutdownNow();
            } finally {
                first.destroyForcibly();
            }

            // and started again; the portal re-sends every appeal (registration is idempotent)
            telegram.slowDown(Duration.ZERO);
            Process second = start(database, telegram, port, 2);
            try {
                awaitHealthy(api);
                for (int i = 0; i < APPEALS; i++) {
                    int status = api.post("/api/appeals", appeal("DD-CRASH-" + (100 + i))).status();
                    assertThat(status).isIn(200, 201);
                }

                // then every appeal is stored once, assigned once, and its executor card arrives
                JsonNode all = api.get("/api/appeals?size=200").json();
                List<String> numbers = new ArrayList<>();
                all.forEach(a -> numbers.add(a.get("externalId").asText()));
                assertThat(numbers.stream().filter(n -> n.startsWith("DD-CRASH-"))).hasSize(APPEALS)
                        .doesNotHaveDuplicates();
                all.forEach(a -> assertThat(a.get("history")).hasSize(2));
                await().atMost(Duration.ofSeconds(90)).until(() -> cardsDelivered(telegram) >= APPEALS);
                OutboxDrained.await(telegram, new org.springframework.jdbc.core.JdbcTemplate(
                        new org.springframework.jdbc.datasource.SingleConnectionDataSource(database, true)),
                        java.time.Clock.systemUTC());
                int cards = cardsDelivered(telegram);
                // at most the one message in flight of each of the two executors' chats went twice
                assertThat(cards).isBetween(APPEALS, APPEALS + 2);
                for (int i = 0; i < APPEALS; i++) {
                    String number = "DD-CRASH-" + (100 + i);
                    assertThat(cardsFor(telegram, number)).as(number).isBetween(1L, 2L);
                }
                assertThat(telegram.takeViolations()).isEmpty();
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    private static int cardsDelivered(FakeTelegram telegram) {
        return (int) (cardsOf(telegram, USERS.get("morozov")) + cardsOf(telegram, USERS.get("volkova")));
    }

    private static long cardsOf(FakeTelegram telegram, long chat) {
        return telegram.messagesTo(chat).stream().filter(m -> m.hasButton("Взять в работу")).count();
    }

    private static long cardsFor(FakeTelegram telegram, String number) {
        return java.util.stream.Stream.of(USERS.get("morozov"), USERS.get("volkova"))
                .flatMap(chat -> telegram.messagesTo(chat).stream())
                .filter(m -> m.hasButton("Взять в работу") && m.text().contains(number)).count();
    }

    private static String appeal(String number) {
        return JSON.createObjectNode().put("source", "DOBRODEL").put("externalId", number).put("category", "roads")
                .put("text", "Яма у дома").put("receivedAt", "2026-03-02T10:15:00+03:00").toString();
    }

    private static void awaitHealthy(Api api) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health")).GET()).status() == 200);
    }

    private static Process start(String database, FakeTelegram telegram, int port, int run) throws IOException {
        Path jar = Path.of("target", "appealdesk.jar");
        assertThat(jar).exists();
        Path log = Path.of("target", "crash-it-run-" + run + ".log");
        Files.deleteIfExists(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--appealdesk.bot-config-dir=bot-config",
                "--appealdesk.telegram.api-url=" + telegram.url(),
                "--appealdesk.telegram.poll-timeout=1s", "--appealdesk.reports.enabled=false",
                "--appealdesk.delivery.poll-interval=200ms",
                // what is tested is what a kill loses, not the pace: the fake's limit scales with it
                "--appealdesk.delivery.private-chat-spacing=" + PACE,
                "--appealdesk.scheduler.tick=1s",
                // the staff bind just before the cards come: they are not held for their pause here
                "--appealdesk.delivery.active-chat-pause=0s",
                // a killed instance's leases expire soon, so the second run takes its messages over
                "--appealdesk.delivery.lease=10s")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        builder.environment().put("APPEALDESK_API_TOKEN", Api.TOKEN);
        builder.environment().put("APPEALDESK_ADMIN_TOKEN", Api.ADMIN_TOKEN);
        return builder.start();
    }

}
