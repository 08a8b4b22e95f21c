package ru.appealdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default run's embedded PostgreSQL is durable and refuses connections without its password. */
class EmbeddedPostgresLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void durableAndPasswordProtectedAcrossRestarts() throws Exception {
        // given a new data directory
        EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties = properties("");

        // when the database starts for the first time
        EmbeddedPostgresLauncher.Started first = EmbeddedPostgresLauncher.start(properties);
        String password;
        try {
            // then it syncs to disk and keeps a generated password readable by its owner only
            Path file = dataDir.resolve(EmbeddedPostgresLauncher.PASSWORD_FILE);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(30);
            String url = first.postgres().getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "full_page_writes")).isEqualTo("on");
                try (Statement s = c.createStatement()) {
                    s.execute("create table kept (v text); insert into kept values ('survives')");
                }
            }
            assertRefusedWithout(url, password);
        } finally {
            first.destroy();
        }

        // when it starts again
        EmbeddedPostgresLauncher.Started second = EmbeddedPostgresLauncher.start(properties);
        try {
            // then the same password opens the same data, and nothing else opens it
            String url = second.postgres().getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url, "postgres", password);
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives");
            }
            assertRefusedWithout(url, password);
        } finally {
            second.destroy();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aNewClusterNeverRunsWithoutItsPassword(CapturedOutput output) throws Exception {
        // given a new data directory and a configured password
        // when the database starts for the first time
        EmbeddedPostgresLauncher.Started started = EmbeddedPostgresLauncher.start(properties("from-the-start"));
        try {
            // then the server was started once, already requiring the password: no start with trust to set it
            assertThat(output.getAll().split("postmaster started", -1)).hasSize(2);
            assertThat(output.getAll()).doesNotContain("Securing the embedded PostgreSQL");
            String url = started.postgres().getJdbcUrl("postgres", "postgres");
            DriverManager.getConnection(url, "postgres", "from-the-start").close();
            assertRefusedWithout(url, "from-the-start");
            assertThat(dataDir.resolve(EmbeddedPostgresLauncher.PASSWORD_FILE)).doesNotExist();
        } finally {
            started.destroy();
        }
    }

    @Test
    void securesADataDirectoryMadeWithTrustAuthentication() throws Exception {
        // given a data directory initialised the old way: trust for everyone
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
        }

        // when the service starts on it with a configured password
        EmbeddedPostgresLauncher.Started started = EmbeddedPostgresLauncher.start(properties("s3cret-'quoted'"));
        try {
            // then that password is required and the data is still there
            String url = started.postgres().getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url, "postgres", "s3cret-'quoted'");
                 Statement s = c.createStatement()) {
                s.executeQuery("select count(*) from kept").close();
            }
            assertRefusedWithout(url, "s3cret-'quoted'");
            assertThat(dataDir.resolve(EmbeddedPostgresLauncher.PASSWORD_FILE)).doesNotExist();
        } finally {
            started.destroy();
        }
    }

    @Test
    void aStartThatFailsLeavesNoServerRunning() throws Exception {
        // given a data directory made with one password
        EmbeddedPostgresLauncher.start(properties("the-right-one")).destroy();

        // when the service starts on it with another (the server comes up but never answers the check)
        assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(new EmbeddedDatabaseConfiguration.EmbeddedDbProperties(
                dataDir, 0, false, "a-wrong-one", Duration.ofSeconds(2))))
                .isInstanceOf(Exception.class);

        // then the server that came up was stopped: the service's next start (a new JVM) finds the directory free
        assertThat(EmbeddedPostgresLauncher.runningPostmaster(dataDir)).isEmpty();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    private EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties(String password) {
        return new EmbeddedDatabaseConfiguration.EmbeddedDbProperties(dataDir, 0, false, password, null);
    }

    private static void assertRefusedWithout(String url, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password + "x").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
