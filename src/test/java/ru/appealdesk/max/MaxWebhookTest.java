package ru.appealdesk.max;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.UpdateSink;
import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeMax;
import ru.appealdesk.support.StandaloneService;
import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service in MAX webhook mode against the fake: it subscribes at start-up, takes {@code POST /max/webhook}
 * only with the secret and hands each update to the bot (redelivery is the bot's to recognise), answers 503 when
 * the bot could not handle it, and unsubscribes at shutdown. The bot's side is a recording sink here.
 */
class MaxWebhookTest {

    private static final String SECRET = "max-webhook-secret_42";
    private static final String PUBLIC_URL = "https://appeals.example.test/max/webhook";
    private static final FakeMax max = new FakeMax();
    private static final List<Incoming> handled = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean failing = new AtomicBoolean();
    private static ConfigurableApplicationContext app;
    private static String webhook;

    /** The bot's side: records what it is handed, or fails while {@link #failing}. */
    @Configuration(proxyBeanMethods = false)
    static class RecordingSink {
        @Bean
        @Primary
        UpdateSink recordingSink() {
            return new UpdateSink() {
                @Override
                public void handle(Incoming update) {
                    if (failing.get()) {
                        throw new IllegalStateException("the database is down");
                    }
                    handled.add(update);
                }

                @Override
                public Map<String, String> commands() {
                    return Map.of("start", "Start");
                }
            };
        }
    }

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(AppealDeskApplication.class, RecordingSink.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.migratedDatabase(),
                "--appealdesk.api-token=" + Api.TOKEN, "--appealdesk.admin-token=" + Api.ADMIN_TOKEN,
                "--appealdesk.bot-config-dir=bot-config", "--appealdesk.reports.enabled=false",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=max-webhook",
                "--appealdesk.max.bot-token=" + FakeMax.TOKEN, "--appealdesk.max.api-url=" + max.url(),
                "--appealdesk.max.mode=webhook", "--appealdesk.max.webhook-url=" + PUBLIC_URL,
                "--appealdesk.max.webhook-secret=" + SECRET);
        webhook = "http://127.0.0.1:" + StandaloneService.port(app) + "/max/webhook";
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        max.close();
    }

    @BeforeEach
    void reset() {
        handled.clear();
        failing.set(false);
    }

    @Test
    void theWebhookIsSubscribedWithTheSecretAtStartUp() {
        assertThat(max.subscriptions()).containsExactly(PUBLIC_URL);
        JsonNode body = max.calls("POST", "/subscriptions").get(0).body();
        assertThat(body.path("secret").asText()).isEqualTo(SECRET);
        assertThat(body.path("update_types").toString()).isEqualTo(
                "[\"message_created\",\"message_callback\",\"bot_started\",\"bot_stopped\"]");
        assertThat(max.calls("GET", "/updates")).as("no long polling beside the webhook").isEmpty();
        assertThat(max.violations()).isEmpty();
    }

    @Test
    void anUpdateWithTheSecretIsHandedToTheBotAnd200() {
        assertThat(FakeMax.postWebhook(webhook, SECRET, FakeMax.example("webhook.message_callback.json")))
                .isEqualTo(200);
        assertThat(FakeMax.postWebhook(webhook, SECRET, FakeMax.example("webhook.message_callback.json")))
                .as("a redelivery is handed over too: the bot knows the key").isEqualTo(200);

        assertThat(handled).hasSize(2).allSatisfy(u -> assertThat(u).isInstanceOf(Incoming.Press.class));
        assertThat(handled.get(0).key()).isEqualTo(handled.get(1).key());
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingIsHandled() {
        JsonNode update = FakeMax.example("webhook.bot_started.json");

        assertThat(FakeMax.postWebhook(webhook, "max-webhook-secret_43", update)).isEqualTo(401);
        assertThat(FakeMax.postWebhook(webhook, null, update)).isEqualTo(401);
        assertThat(FakeMax.postWebhook(webhook, "", update)).isEqualTo(401);

        assertThat(handled).isEmpty();
    }

    @Test
    void anUpdateTheBotCouldNotHandleIs503SoThatMaxRetries() {
        failing.set(true);
        assertThat(FakeMax.postWebhook(webhook, SECRET, FakeMax.example("webhook.message_created.json")))
                .isEqualTo(503);
        failing.set(false);
        assertThat(FakeMax.postWebhook(webhook, SECRET, FakeMax.example("webhook.message_created.json")))
                .isEqualTo(200);
        assertThat(handled).hasSize(1);
        assertThat(FakeMax.postWebhook(webhook, SECRET, max.textFrom(1L, "x").put("update_type", "")))
                .isEqualTo(400);
    }

    @Test
    void healthShowsMaxUp() throws Exception {
        String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webhook.replace(
                "/max/webhook", "/actuator/health"))).header("Authorization", "Bearer " + Api.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).contains("\"max\":{\"status\":\"UP\"");
    }

    @Test
    void shuttingDownUnsubscribes() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AppealDeskApplication.class,
                RecordingSink.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.migratedDatabase(),
                "--appealdesk.api-token=" + Api.TOKEN, "--appealdesk.admin-token=" + Api.ADMIN_TOKEN,
                "--appealdesk.bot-config-dir=bot-config", "--appealdesk.reports.enabled=false",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=max-webhook-2",
                "--appealdesk.max.bot-token=" + FakeMax.TOKEN, "--appealdesk.max.api-url=" + max.url(),
                "--MAX_MODE=webhook", "--appealdesk.max.webhook-url=https://second.example.test/max/webhook",
                "--appealdesk.max.webhook-secret=" + SECRET)) {
            assertThat(max.subscriptions()).contains("https://second.example.test/max/webhook");
        }
        assertThat(max.subscriptions()).doesNotContain("https://second.example.test/max/webhook")
                .contains(PUBLIC_URL);
        assertThat(max.calls("DELETE", "/subscriptions")).extracting(c -> c.query().get("url"))
                .contains("https://second.example.test/max/webhook");
    }
}
