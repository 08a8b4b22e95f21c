package ru.appealdesk.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.MutableClock;
import ru.appealdesk.support.OutboxDrained;
import ru.appealdesk.support.Staff;
import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timers live in the database: two instances on one database never send a reminder twice and never skip one,
 * and timers that came due while the service was down fire exactly once when it starts again.
 */
class ClusterAndDowntimeTest {

    /** The functional tests' fast pace: the fake holds both instances together to its per-chat limit. */
    static final Duration PACE = ru.appealdesk.support.EndToEndTest.PACE;
    static final MutableClock CLOCK = new MutableClock(msk("2026-03-16T10:00"));
    static final Map<String, Long> USERS = Map.of("morozov", 300_001L, "volkova", 300_002L, "sokolova", 300_003L,
            "popov", 300_004L, "orlov", 300_005L, "lebedeva", 300_006L);

    /** One clock for every instance started by this test. */
    @Configuration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MutableClock sharedClock() {
            return CLOCK;
        }
    }

    /** Quartz keeps data sources in a JVM-wide registry by scheduler name: each cluster here gets its own name. */
    static final java.util.concurrent.atomic.AtomicInteger CLUSTERS = new java.util.concurrent.atomic.AtomicInteger();

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachReminderExactlyOnce() {
        CLOCK.set(msk("2026-03-16T10:00"));
        String database = TestDatabase.migratedDatabase();
        String cluster = "appealdesk-cluster-" + CLUSTERS.incrementAndGet();
        // one bot, one Telegram that enforces its limits (30/s per bot, per chat the pace both instances keep
        // together): both instances send through it
        try (FakeTelegram telegram = new FakeTelegram().pace(PACE);
             ConfigurableApplicationContext a = start(database, telegram, cluster);
             ConfigurableApplicationContext b = start(database, telegram, cluster)) {
            try {
                twoInstances(a, b, telegram);
                assertThat(telegram.rateLimitedCalls()).as("answers 429").isZero();
            } finally {
                // both share one Quartz data source registration (same scheduler name, one JVM): stop both
                // schedulers while both pools are open, then close the contexts
                shutDownSchedulers(a, b);
            }
        }
    }

    private static void shutDownSchedulers(ConfigurableApplicationContext... contexts) {
        for (ConfigurableApplicationContext context : contexts) {
            try {
                context.getBean(org.quartz.Scheduler.class).shutdown(true);
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void twoInstances(ConfigurableApplicationContext a, ConfigurableApplicationContext b,
                              FakeTelegram telegram) {
        // given staff bound through instance A, and twenty appeals registered through A and B
        Staff.bind(api(a), telegram, USERS);
        for (int i = 0; i < 20; i++) {
            Api api = i % 2 == 0 ? api(a) : api(b);
            assertThat(api.post("/api/appeals", appeal("DD-CL-" + (100 + i))).status()).isEqualTo(201);
        }

        // when level 1 and then level 2 of the ladder come due
        CLOCK.set(msk("2026-03-16T10:31"));
        await().atMost(Duration.ofSeconds(30)).until(() -> executorLines("⏰", telegram) == 20);
        CLOCK.set(msk("2026-03-16T14:49"));
        await().atMost(Duration.ofSeconds(30)).until(() -> executorLines("⏰", telegram) == 40
                && lines(USERS.get("sokolova"), "⚠️", telegram) == 20
                && lines(USERS.get("popov"), "⚠️", telegram) == 20);
        drained(telegram, a);

        // then every reminder went out once, from one instance or the other, and coordinators got level 2 once
        assertThat(executorLines("⏰", telegram)).isEqualTo(40);
        assertThat(lines(USERS.get("sokolova"), "⚠️", telegram)).isEqualTo(20);
        assertThat(lines(USERS.get("popov"), "⚠️", telegram)).isEqualTo(20);

        // when both instances look for due reports at the same moment (PRODUCT.md §11: Monday 16.03, 14:49)
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> a.getBean(ru.appealdesk.reports.ScheduledReports.class).runDue());
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> b.getBean(ru.appealdesk.reports.ScheduledReports.class).runDue());

        // then the daily, weekly and monthly reports go out once in all, the daily once to a coordinator
        assertThat(first.join() + second.join()).isEqualTo(3);
        long sokolova = USERS.get("sokolova");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(telegram, sokolova, "Ежедневный отчёт") == 1
                && telegram.messagesTo(sokolova).stream().filter(m -> m.method().equals("sendDocument")).count() == 2);
        drained(telegram, a);
        assertThat(count(telegram, sokolova, "Ежедневный отчёт")).isEqualTo(1);
        assertThat(telegram.takeViolations()).as("calls that broke the spec or Telegram's limits").isEmpty();
    }

    @Test
    void timersDueDuringDowntimeFireOnceAtStartUp() {
        CLOCK.set(msk("2026-03-16T10:00"));
        String database = TestDatabase.migratedDatabase();
        String cluster = "appealdesk-cluster-" + CLUSTERS.incrementAndGet();
        try (FakeTelegram telegram = new FakeTelegram().pace(PACE)) {
            long id;
            try (ConfigurableApplicationContext first = start(database, telegram, cluster)) {
                Staff.bind(api(first), telegram, USERS);
                Api.Response created = api(first).post("/api/appeals", appeal("DD-DOWN-1"));
                id = created.json().get("id").asLong();
                String executor = created.json().get("executor").asText();
                telegram.awaitMessage(USERS.get(executor), m -> m.hasButton("Взять в работу"));
            }

            // the service is down from Monday 10:00 until Tuesday 11:00: every ladder level and the accept window pass
            CLOCK.set(msk("2026-03-17T11:00"));
            try (ConfigurableApplicationContext second = start(database, telegram, cluster)) {
                Api api = api(second);
                await().atMost(Duration.ofSeconds(30)).until(() -> lines(USERS.get("orlov"), "🚨", telegram) == 1
                        && executorLines("⏰", telegram) == 2 && lines(USERS.get("sokolova"), "⚠️", telegram) == 1
                        && lines(USERS.get("sokolova"), "🚨", telegram) == 1);
                drained(telegram, second);

                JsonNode appeal = api.get("/api/appeals/" + id).json();
                assertThat(appeal.get("status").asText()).isEqualTo("IN_PROGRESS");
                assertThat(appeal.get("history")).filteredOn(h -> h.get("type").asText().equals("AUTO_ACCEPTED"))
                        .hasSize(1);
                assertThat(executorLines("⏰", telegram)).isEqualTo(2);
                // level 2 and level 3 (escalated) are told apart
                assertThat(lines(USERS.get("sokolova"), "⚠️", telegram)).isEqualTo(1);
                assertThat(lines(USERS.get("sokolova"), "🚨", telegram)).isEqualTo(1);
                assertThat(lines(USERS.get("orlov"), "🚨", telegram)).isEqualTo(1);
                assertThat(telegram.takeViolations()).isEmpty();
            }
        }
    }

    /** What the instances (one database) queued up to now has gone out: a duplicate would have been among it. */
    private static void drained(FakeTelegram telegram, ConfigurableApplicationContext context) {
        OutboxDrained.await(telegram, context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), CLOCK);
    }

    private static String appeal(String number) {
        return new ObjectMapper().createObjectNode().put("source", "DOBRODEL").put("externalId", number)
                .put("category", "roads").put("text", "Яма").put("receivedAt", "2026-03-16T10:00:00+03:00")
                .toString();
    }

    private static long executorLines(String marker, FakeTelegram... fakes) {
        return lines(USERS.get("morozov"), marker, fakes) + lines(USERS.get("volkova"), marker, fakes);
    }

    private static long count(FakeTelegram telegram, long chat, String text) {
        return telegram.messagesTo(chat).stream().filter(m -> m.text().contains(text)).count();
    }

    private static long lines(long chat, String marker, FakeTelegram... fakes) {
        return Stream.of(fakes).flatMap(f -> f.linesMentioning(chat, "DD-").stream())
                .filter(line -> line.contains(marker)).count();
    }

    private static ConfigurableApplicationContext start(String database, FakeTelegram telegram, String cluster) {
        return new SpringApplicationBuilder(AppealDeskApplication.class, SharedClock.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--appealdesk.api-token=" + Api.TOKEN, "--appealdesk.admin-token=" + Api.ADMIN_TOKEN,
                "--appealdesk.bot-config-dir=bot-config",
                "--appealdesk.telegram.token=" + FakeTelegram.TOKEN,
                "--appealdesk.telegram.api-url=" + telegram.url(),
                "--appealdesk.telegram.poll-timeout=1s", "--appealdesk.reports.enabled=false",
                "--appealdesk.delivery.poll-interval=200ms",
                "--appealdesk.delivery.private-chat-spacing=" + PACE,
                "--appealdesk.scheduler.tick=300ms",
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=" + cluster);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

}
