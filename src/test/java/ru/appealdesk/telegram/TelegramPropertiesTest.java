package ru.appealdesk.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/** TELEGRAM_MODE in any letter case, an incomplete webhook set-up refused at binding, no secrets in toString. */
class TelegramPropertiesTest {

    private static TelegramProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.telegram", TelegramProperties.class, values);
    }

    private static Map<String, String> webhook(String mode) {
        return Map.of("appealdesk.telegram.token", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "appealdesk.telegram.mode", mode,
                "appealdesk.telegram.webhook-url", "https://example.org/telegram/webhook",
                "appealdesk.telegram.webhook-secret", "s3cret_value");
    }

    @Test
    void theModeIsReadInAnyLetterCase() {
        for (String mode : new String[] {"webhook", "Webhook", "WEBHOOK"}) {
            assertThat(bind(webhook(mode)).mode()).isEqualTo(TelegramProperties.Mode.WEBHOOK);
        }
        assertThat(bind(Map.of("appealdesk.telegram.mode", "LongPolling")).mode())
                .isEqualTo(TelegramProperties.Mode.LONGPOLLING);
        assertThat(bind(Map.of("appealdesk.telegram.token", "1:x")).mode())
                .isEqualTo(TelegramProperties.Mode.LONGPOLLING);
    }

    @Test
    void theVariablesAreReadAndUnsetKeysTakeTheDefaults() {
        TelegramProperties properties = Settings.bind(TelegramProperties.class, Map.of(), Map.of(
                "TELEGRAM_BOT_TOKEN", "1:x", "TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_URL",
                "https://example.org/telegram/webhook", "TELEGRAM_WEBHOOK_SECRET", "s3cret_value",
                "TELEGRAM_API_URL", "http://127.0.0.1:8081"));
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.mode()).isEqualTo(TelegramProperties.Mode.WEBHOOK);
        assertThat(properties.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(properties.fileUrl("photos/1.jpg")).isEqualTo("http://127.0.0.1:8081/file/bot1:x/photos/1.jpg");

        TelegramProperties defaults = bind(Map.of());
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(defaults.mode()).isEqualTo(TelegramProperties.Mode.LONGPOLLING);
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.pollTimeout()).isEqualTo(Duration.ofSeconds(50));
        assertThat(defaults.fileDownloadTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anUnknownModeOrAnIncompleteWebhookStopsTheStartUp() {
        assertThat(Settings.reason("appealdesk.telegram.mode", "hook")).startsWith("failed to convert");
        assertThat(Settings.refusal(Map.of("appealdesk.telegram.token", "1:x", "appealdesk.telegram.mode",
                "webhook"))).contains("Reason: TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL and "
                + "TELEGRAM_WEBHOOK_SECRET");
        Map<String, String> badSecret = new HashMap<>(webhook("webhook"));
        badSecret.put("appealdesk.telegram.webhook-secret", "with space");
        assertThat(Settings.refusal(badSecret)).contains("Reason: TELEGRAM_WEBHOOK_SECRET may contain only A-Z, "
                + "a-z, 0-9, _ and -, 1-256 characters");
        Map<String, String> withoutToken = new HashMap<>(badSecret);
        withoutToken.remove("appealdesk.telegram.token");
        assertThat(bind(withoutToken).enabled()).as("the messenger is off: nothing to check").isFalse();
    }

    @Test
    void toStringHidesTheTokenAndTheSecret() {
        String text = bind(webhook("webhook")).toString();

        assertThat(text).doesNotContain("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "s3cret_value").contains("<hidden>", "WEBHOOK");
    }
}
