package ru.appealdesk.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL (embedded, zonky) per test JVM. A Spring context gets a database of its own: an empty one,
 * or a copy of a template migrated once per JVM ({@code CREATE DATABASE … TEMPLATE}), which spares every context
 * the migrations.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String TEMPLATE = "appealdesk_template";
    private static EmbeddedPostgres postgres;
    private static boolean migrated;

    private TestDatabase() {
    }

    /** A JDBC URL of a new, empty database. */
    public static synchronized String newDatabase() {
        return create("");
    }

    /** A JDBC URL of a new database with every migration applied (as the service leaves it at its first start). */
    public static synchronized String migratedDatabase() {
        if (!migrated) {
            create("", TEMPLATE);
            Flyway.configure().dataSource(postgres.getJdbcUrl("postgres", TEMPLATE), "postgres", "postgres")
                    .locations("classpath:db/migration").load().migrate();
            migrated = true;
        }
        return create(" template " + TEMPLATE);
    }

    private static String create(String template) {
        return create(template, "appealdesk_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
    }

    private static String create(String template, String name) {
        try {
            if (postgres == null) {
                Path dir = Files.createTempDirectory("appealdesk-test-pg");
                postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name + template);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL (as root, run under 'unshare -U')", e);
        }
    }
}
