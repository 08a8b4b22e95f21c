package ru.appealdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;

/**
 * Starts the default run's embedded PostgreSQL durably and behind a password. zonky starts PostgreSQL with fsync
 * and synchronous commit off and initialises it with trust authentication; here both are turned on again, a new
 * cluster is initialised with scram-sha-256 and the {@code postgres} password from the start ({@code initdb
 * --auth --pwfile}), and {@code pg_hba.conf} is rewritten before every start to require a password for every
 * connection. Only a data directory made by an older version (trust) is secured once: started with trust, the
 * password set, stopped, and started again with passwords required.
 */
final class EmbeddedPostgresLauncher {

    static final String USER = "postgres";
    static final String PASSWORD_FILE = "appealdesk-db-password";
    private static final String HBA_MARKER = "# AppealDesk: passwords required";
    private static final String HBA = HBA_MARKER + " (rewritten at every start of the embedded PostgreSQL)\n"
            + "local all all scram-sha-256\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    /** The running database and the password of its {@code postgres} user; closed with the context. */
    record Started(EmbeddedPostgres postgres, String password) implements DisposableBean {
        @Override
        public void destroy() throws IOException {
            postgres.close();
        }

        @Override
        public String toString() {
            return "Started[port=" + postgres.getPort() + "]";
        }
    }

    private EmbeddedPostgresLauncher() {
    }

    static Started start(EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties) {
        Path dir = properties.dataDir().toAbsolutePath();
        try {
            if (properties.clean()) {
                wipe(dir);
            }
            Files.createDirectories(dir);
            log.info("No spring.datasource.url configured: starting embedded PostgreSQL with data in {}", dir);
            if (!Files.exists(dir.resolve("postgresql.conf"))) {
                return stoppedLast(new Started(initialise(dir, properties), password(dir, properties)));
            }
            if (!secured(dir)) {
                secure(dir, properties);
            }
            String password = password(dir, properties);
            EmbeddedPostgres postgres = started(dir, builder(dir, properties.port(), properties)
                    .setDataDirectoryCustomizer(d -> writeHba(d.toPath()))
                    .setConnectConfig("password", password));
            return stoppedLast(new Started(postgres, password));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dir
                    + " (PostgreSQL refuses to run as root: run as a normal user or under 'unshare -U')", e);
        }
    }

    /**
     * A new cluster: initdb sets the password (read from a file outside the data directory, which initdb needs
     * empty, and deleted after) and scram-sha-256, so the server never accepts a connection without a password.
     * A generated password is written to the data directory before the server first starts.
     */
    private static EmbeddedPostgres initialise(Path dir, EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties)
            throws IOException {
        log.info("Initialising a new embedded PostgreSQL cluster in {} with a password for '{}'", dir, USER);
        String password = properties.password().isEmpty() ? generate() : properties.password();
        Path pwfile = Files.createTempFile("appealdesk-initdb", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwfile, password, StandardCharsets.UTF_8);
            return started(dir, builder(dir, properties.port(), properties)
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setDataDirectoryCustomizer(d -> {
                        writeHba(d.toPath());
                        if (properties.password().isEmpty()) {
                            writePasswordFile(d.toPath(), password);
                        }
                    })
                    .setConnectConfig("password", password));
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** A data directory made before passwords were required: start it once with trust and set the password. */
    private static void secure(Path dir, EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties)
            throws IOException {
        log.info("Securing the embedded PostgreSQL in {}: setting the password of '{}'", dir, USER);
        try (EmbeddedPostgres open = started(dir, builder(dir, 0, properties))) {
            String password = properties.password().isEmpty() ? generate() : properties.password();
            if (properties.password().isEmpty()) {
                writePasswordFile(dir, password);
            }
            try (Connection c = open.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("alter role " + USER + " with password '" + password.replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new IOException("cannot set the embedded database password", e);
            }
        }
        writeHba(dir);
    }

    /**
     * The database is stopped with the context that uses it (the bean's destroy), after the scheduler and the
     * connection pool; zonky's own JVM shutdown hook would stop it at the same time as Spring's closes the context,
     * and a graceful stop would log the scheduler's queries failing. As a safety net for a context that never
     * closed it, Spring Boot's shutdown handlers stop it once every context has closed.
     */
    private static Started stoppedLast(Started started) {
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                started.postgres().close();
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL: {}", e.toString());
            }
        });
        return started;
    }

    /**
     * Starts the server; if the start fails after PostgreSQL came up (it did not answer in time, or refused the
     * password), the server it left running is stopped: without zonky's shutdown hook nothing else would, and the
     * next start would find the data directory in use. A server that was running before (another instance on the
     * same directory) is never touched.
     */
    private static EmbeddedPostgres started(Path dir, EmbeddedPostgres.Builder builder) throws IOException {
        java.util.OptionalLong before = runningPostmaster(dir);
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            java.util.OptionalLong after = runningPostmaster(dir);
            if (after.isPresent() && (before.isEmpty() || before.getAsLong() != after.getAsLong())) {
                log.warn("The embedded PostgreSQL did not start properly; stopping the server it left (pid {})",
                        after.getAsLong());
                ProcessHandle.of(after.getAsLong()).ifPresent(EmbeddedPostgresLauncher::stop);
            }
            throw e;
        }
    }

    /** The pid in the data directory's {@code postmaster.pid}, if that process is alive. */
    static java.util.OptionalLong runningPostmaster(Path dir) {
        try {
            java.util.List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                    ? java.util.OptionalLong.of(pid) : java.util.OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy(); // SIGTERM: a smart shutdown, and nobody is connected
        try {
            postmaster.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dir, int port,
                                                    EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties) {
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPGStartupWait(properties.startupWait())
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    private static boolean secured(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER);
    }

    private static String password(Path dir, EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties)
            throws IOException {
        if (!properties.password().isEmpty()) {
            return properties.password();
        }
        Path file = dir.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            throw new IOException("the data directory is secured but " + file + " is missing: set "
                    + "appealdesk.embedded-db.password to the password of the database user '" + USER + "'");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static void writeHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dir, e);
        }
    }

    private static void writePasswordFile(Path dir, String password) {
        try {
            Files.deleteIfExists(dir.resolve(PASSWORD_FILE));
            Path file = Files.createFile(dir.resolve(PASSWORD_FILE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded database password to " + dir, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        log.info("appealdesk.embedded-db.clean=true: wiping {}", dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
