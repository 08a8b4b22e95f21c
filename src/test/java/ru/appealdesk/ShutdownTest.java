package ru.appealdesk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.Staff;
import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Closing the context ends every thread it started that could keep the JVM alive (Quartz, OkHttp, polling). */
class ShutdownTest {

    @Test
    void noThreadOfTheServiceOutlivesItsContext() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        String database = TestDatabase.migratedDatabase();
        try (FakeTelegram telegram = new FakeTelegram()) {
            // given a running service that polled, sent, fired timers and answered HTTP
            ConfigurableApplicationContext app = new SpringApplicationBuilder(AppealDeskApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + database,
                    "--appealdesk.api-token=" + Api.TOKEN, "--appealdesk.admin-token=" + Api.ADMIN_TOKEN,
                    "--appealdesk.bot-config-dir=bot-config", "--appealdesk.telegram.token=" + FakeTelegram.TOKEN, "--appealdesk.reports.enabled=false",
                    "--appealdesk.telegram.api-url=" + telegram.url(), "--appealdesk.telegram.poll-timeout=1s",
                    "--appealdesk.scheduler.tick=200ms",
                    "--spring.quartz.properties.org.quartz.scheduler.instanceName=appealdesk-shutdown-test");
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            Staff.bind(api, telegram, Map.of("sokolova", 900_001L));
            telegram.userSends(900_001L, "/my");
            telegram.awaitText(900_001L, "обращени");

            // when its database goes away in the middle of a timer tick (held on a lock), and then it is closed
            try (java.sql.Connection lock = java.sql.DriverManager.getConnection(database)) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("lock table timer in access exclusive mode");
                // a tick is now waiting for the lock
                await().atMost(Duration.ofSeconds(20)).until(() -> waitingForTheTimerTable(lock));
                app.getBean(com.zaxxer.hikari.HikariDataSource.class).close();
                lock.rollback();
            }
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(40), app::close,
                    "closing the context must not wait for ever on a job that cannot reach the database");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        // then no thread it started, apart from daemons, is still alive
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(survivors(before)).isEmpty());
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aGracefulStopWritesNoErrorLine(org.springframework.boot.test.system.CapturedOutput output) {
        String database = TestDatabase.migratedDatabase();
        try (FakeTelegram telegram = new FakeTelegram()) {
            // given a running service polling Telegram (a long poll of 30 s is in flight)
            ConfigurableApplicationContext app = new SpringApplicationBuilder(AppealDeskApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + database,
                    "--appealdesk.api-token=" + Api.TOKEN, "--appealdesk.admin-token=" + Api.ADMIN_TOKEN,
                    "--appealdesk.bot-config-dir=bot-config", "--appealdesk.telegram.token=" + FakeTelegram.TOKEN,
                    "--appealdesk.reports.enabled=false", "--appealdesk.telegram.api-url=" + telegram.url(),
                    "--appealdesk.telegram.poll-timeout=30s",
                    "--spring.quartz.properties.org.quartz.scheduler.instanceName=appealdesk-graceful-test");
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            Staff.bind(api, telegram, Map.of("sokolova", 900_002L));
            int before = output.getAll().length();

            // when it is stopped as an operator would (SIGTERM: the context closes)
            app.close();

            // then nothing it wrote while stopping asks anyone to act
            String stopping = output.getAll().substring(before);
            assertThat(stopping.lines().filter(line -> line.contains(" ERROR "))).as(stopping).isEmpty();
            assertThat(stopping).contains("Telegram polling stopped");
        }
    }

    private static boolean waitingForTheTimerTable(java.sql.Connection connection) throws java.sql.SQLException {
        try (var result = connection.createStatement().executeQuery("select count(*) from pg_locks "
                + "where not granted and relation = 'timer'::regclass")) {
            return result.next() && result.getInt(1) > 0;
        }
    }

    private static List<String> survivors(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon() && t != Thread.currentThread()
                        && !t.getName().startsWith("awaitility"))
                .map(t -> t.getName() + " " + List.of(t.getStackTrace()).stream().limit(3).map(Object::toString)
                        .collect(Collectors.joining(" < ")))
                .toList();
    }
}
