package ru.appealdesk;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default jar carries zonky's PostgreSQL binaries for Linux amd64 and arm64 only; the others (macOS, Windows,
 * Alpine) come with {@code -Pall-platforms}, which sets {@code test.postgres.platforms=all}. The test class path
 * holds the same runtime dependencies as the packaged {@code target/lib/}.
 */
class PostgresBinariesTest {

    private static final List<String> LINUX = List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz");
    private static final List<String> OTHERS = List.of("postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz",
            "postgres-windows-x86_64.txz", "postgres-linux-x86_64-alpine_linux.txz");

    @Test
    void shipsTheBinariesOfItsPlatforms() {
        boolean all = "all".equals(System.getProperty("test.postgres.platforms", "linux"));
        assertThat(LINUX).allMatch(PostgresBinariesTest::onClassPath);
        if (all) {
            assertThat(OTHERS).allMatch(PostgresBinariesTest::onClassPath);
        } else {
            assertThat(OTHERS).noneMatch(PostgresBinariesTest::onClassPath);
        }
    }

    private static boolean onClassPath(String resource) {
        return PostgresBinariesTest.class.getClassLoader().getResource(resource) != null;
    }
}
