package ru.appealdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The default run's embedded PostgreSQL starts when the context is created, not when a bean first needs it. */
class EmbeddedDatabaseEarlyStartTest {

    @TempDir
    Path dataDir;

    @Test
    void everyApplicationContextGetsTheInitializer() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class))
                .hasAtLeastOneElementOfType(EmbeddedDatabaseEarlyStart.class);
    }

    @Test
    void startsBeforeTheRefreshAndHandsTheDatabaseToTheBean() throws Exception {
        // given a context being created for the default run
        try (GenericApplicationContext context = context(Map.of("appealdesk.embedded-db.data-dir", dataDir.toString()))) {
            // when the initializer runs: the server comes up with nothing asking for it
            new EmbeddedDatabaseEarlyStart().initialize(context);
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dataDir.resolve("postmaster.pid")));

            // then the bean takes that very server, with its password
            EmbeddedPostgresLauncher.Started started = context.getBeanFactory().getBean(EmbeddedDatabaseEarlyStart.Pending.class)
                    .take(new EmbeddedDatabaseConfiguration.EmbeddedDbProperties(dataDir, 0, false, "", null));
            try (Connection c = DriverManager.getConnection(started.postgres().getJdbcUrl("postgres", "postgres"),
                    EmbeddedPostgresLauncher.USER, started.password())) {
                assertThat(c.isValid(1)).isTrue();
            } finally {
                started.destroy();
            }
        }
    }

    @Test
    void aContextClosedBeforeTakingItStopsTheServer() {
        // given a context whose database is starting
        GenericApplicationContext context = context(Map.of("appealdesk.embedded-db.data-dir", dataDir.toString()));
        new EmbeddedDatabaseEarlyStart().initialize(context);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dataDir.resolve("postmaster.pid")));

        // when the context fails or closes before any bean took the database
        context.refresh();
        context.close();

        // then the server is stopped
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void anExternalDatabaseStartsNothing() {
        try (GenericApplicationContext context = context(Map.of("spring.datasource.url",
                "jdbc:postgresql://127.0.0.1:5432/x", "appealdesk.embedded-db.data-dir", dataDir.toString()))) {
            new EmbeddedDatabaseEarlyStart().initialize(context);
            assertThat(context.getBeanFactory().containsSingleton(EmbeddedDatabaseEarlyStart.BEAN)).isFalse();
        }
    }

    private static GenericApplicationContext context(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return context;
    }
}
