package ru.appealdesk;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.appealdesk.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run with nothing configured: an embedded PostgreSQL whose data stays in the data directory across
 * restarts, the sample bot-config, the messenger off, the REST API serving.
 */
class DefaultRunTest {

    @TempDir
    Path dataDir;

    @Test
    void runsWithoutTelegramAndKeepsItsDataAcrossRestarts() {
        long id;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBeansOfType(TelegramClient.class)).isEmpty();
            Api api = api(first);
            Api.Response created = api.post("/api/appeals", "{\"source\":\"POS\",\"externalId\":\"POS-77\","
                    + "\"category\":\"water\",\"text\":\"Нет воды\"}");
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asLong();
        }

        try (ConfigurableApplicationContext second = start()) {
            Api.Response again = api(second).get("/api/appeals/" + id);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("externalId").asText()).isEqualTo("POS-77");
            assertThat(again.json().get("status").asText()).isEqualTo("ASSIGNED");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AppealDeskApplication.class).run(
                "--server.port=0",
                "--appealdesk.embedded-db.data-dir=" + dataDir,
                "--appealdesk.api-token=" + Api.TOKEN, "--appealdesk.admin-token=" + Api.ADMIN_TOKEN,
                "--appealdesk.telegram.token=",
                "--appealdesk.bot-config-dir=bot-config",
                // Quartz registers data sources JVM-wide by scheduler name; keep clear of other tests' schedulers
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=appealdesk-default-run");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
