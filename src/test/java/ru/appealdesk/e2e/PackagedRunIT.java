package ru.appealdesk.e2e;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default run as README gives it: {@code java -jar target/appealdesk.jar} with its {@code target/lib/}, the
 * embedded PostgreSQL and the sample organisation, no messenger. It comes up, and a graceful stop (SIGTERM) ends it
 * without one ERROR line or stack trace: the database is stopped after the scheduler and the pool, not beside them.
 */
class PackagedRunIT {

    @Test
    void theBuiltJarStartsOnItsOwnDatabaseAndStopsQuietly() throws Exception {
        Path jar = Path.of("target", "appealdesk.jar");
        assertThat(jar).exists();
        assertThat(Path.of("target", "lib")).isDirectory();
        Path data = Files.createTempDirectory(Path.of("target"), "packaged-run-data");
        Path log = Path.of("target", "packaged-run.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port, "--appealdesk.embedded-db.data-dir=" + data,
                "--appealdesk.embedded-db.port=0")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        List.of("SPRING_DATASOURCE_URL", "TELEGRAM_BOT_TOKEN", "MAX_BOT_TOKEN").forEach(builder.environment()::remove);
        Process service = builder.start();
        try {
            // given the service up on its embedded database
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        assertThat(service.isAlive()).as("the service exited; see " + log).isTrue();
                        return http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
                    });

            // when it is stopped gracefully
            service.destroy();

            // then it ends promptly and says nothing that asks for someone to act
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines).as("the log of a graceful stop, " + log)
                    .noneMatch(line -> line.contains(" ERROR "))
                    .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception: "));
            assertThat(lines).anyMatch(line -> line.contains("shut down postmaster"));
            assertThat(data.resolve("postmaster.pid")).doesNotExist();
        } finally {
            service.destroyForcibly().waitFor();
            stopLeftPostgres(data);
        }
    }

    /** A service killed by the test's end (a failed assertion) leaves its PostgreSQL: stop it too. */
    private static void stopLeftPostgres(Path data) throws java.io.IOException {
        Path pid = data.resolve("postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).ifPresent(ProcessHandle::destroy);
        }
    }
}
