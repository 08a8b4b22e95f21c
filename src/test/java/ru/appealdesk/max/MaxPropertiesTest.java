package ru.appealdesk.max;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/** MAX_* variables bound to appealdesk.max.*, defaults, refusals at start-up, no secrets in toString. */
class MaxPropertiesTest {

    @TempDir
    Path dir;

    private static MaxProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.max", MaxProperties.class, values);
    }

    private static Map<String, String> webhook() {
        return new HashMap<>(Map.of("appealdesk.max.bot-token", "max-token-value-123",
                "appealdesk.max.mode", "Webhook",
                "appealdesk.max.webhook-url", "https://appeals.example.org/max/webhook",
                "appealdesk.max.webhook-secret", "s3cret-value_1"));
    }

    @Test
    void theVariablesAreReadAndUnsetKeysTakeTheDefaults() throws Exception {
        Path store = Files.writeString(dir.resolve("max.p12"), "x");
        MaxProperties p = Settings.bind(MaxProperties.class, Map.of(), Map.of(
                "MAX_BOT_TOKEN", "max-token-value-123", "MAX_API_URL", "http://127.0.0.1:8082",
                "MAX_MODE", "WEBHOOK", "MAX_WEBHOOK_URL", "https://appeals.example.org/max/webhook",
                "MAX_WEBHOOK_SECRET", "s3cret-value_1", "MAX_BOT_USERNAME", "@appeals_bot",
                "MAX_TRUSTSTORE", store.toString(), "MAX_TRUSTSTORE_PASSWORD", "pw-123"));

        assertThat(p.enabled()).isTrue();
        assertThat(p.botToken()).isEqualTo("max-token-value-123");
        assertThat(p.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(p.mode()).isEqualTo(MaxProperties.Mode.WEBHOOK);
        assertThat(p.webhookUrl()).isEqualTo("https://appeals.example.org/max/webhook");
        assertThat(p.webhookSecret()).isEqualTo("s3cret-value_1");
        assertThat(p.botName()).isEqualTo("appeals_bot");
        assertThat(p.truststore()).isEqualTo(store.toString());
        assertThat(p.truststorePassword()).isEqualTo("pw-123");

        MaxProperties defaults = bind(Map.of());
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.apiUrl()).isEqualTo(URI.create("https://platform-api2.max.ru"));
        assertThat(defaults.mode()).isEqualTo(MaxProperties.Mode.LONGPOLLING);
        assertThat(defaults.hasTruststore()).isFalse();
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.pollTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.fileDownloadTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.attachmentAttempts()).isEqualTo(5);
        assertThat(defaults.attachmentBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.unsubscribeOnShutdown()).isTrue();
    }

    @Test
    void anIncompleteWebhookABadSecretOrAMissingTrustStoreStopTheStartUp() {
        assertThat(Settings.reason("appealdesk.max.mode", "hook")).startsWith("failed to convert");
        Map<String, String> noSecret = webhook();
        noSecret.remove("appealdesk.max.webhook-secret");
        assertThat(Settings.refusal(noSecret)).contains("Reason: MAX_MODE=webhook needs MAX_WEBHOOK_URL "
                + "(https://...) and MAX_WEBHOOK_SECRET");
        Map<String, String> plainHttp = webhook();
        plainHttp.put("appealdesk.max.webhook-url", "http://appeals.example.org/max/webhook");
        assertThat(Settings.refusal(plainHttp)).contains("MAX_MODE=webhook needs MAX_WEBHOOK_URL");
        Map<String, String> badSecret = webhook();
        badSecret.put("appealdesk.max.webhook-secret", "abc");
        assertThat(Settings.refusal(badSecret)).contains("Reason: MAX_WEBHOOK_SECRET may contain only A-Z, a-z, "
                + "0-9, _ and -, 5-256 characters");
        assertThat(Settings.refusal(Map.of("appealdesk.max.truststore", dir.resolve("missing.p12").toString())))
                .contains("Reason: MAX_TRUSTSTORE must name a readable PKCS12 or JKS file");
        assertThat(Settings.refusal(Map.of("appealdesk.max.poll-timeout", "91s")))
                .contains("must be between 0s and 90s");
        assertThat(Settings.refusal(Map.of("appealdesk.max.attachment-attempts", "0"))).contains("attachmentAttempts");

        Map<String, String> off = webhook();
        off.remove("appealdesk.max.bot-token");
        off.remove("appealdesk.max.webhook-secret");
        assertThat(bind(off).enabled()).as("MAX is off: the webhook is not checked").isFalse();
    }

    @Test
    void toStringHidesTheTokenTheSecretAndThePassword() {
        Map<String, String> values = webhook();
        values.put("appealdesk.max.truststore-password", "store-pass-9");
        values.put("appealdesk.max.truststore", "");

        String text = bind(values).toString();

        assertThat(text).doesNotContain("max-token-value-123", "s3cret-value_1", "store-pass-9")
                .contains("<hidden>", "WEBHOOK");
    }
}
