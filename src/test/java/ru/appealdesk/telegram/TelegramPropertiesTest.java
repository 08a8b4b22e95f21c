package ru.appealdesk.telegram;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TELEGRAM_MODE in any letter case, an incomplete webhook set-up refused at binding, no secrets in toString. */
class TelegramPropertiesTest {

    private static TelegramProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("appealdesk.telegram",
                TelegramProperties.class).get();
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
    void anUnknownModeOrAnIncompleteWebhookFailsAtBinding() {
        assertThatThrownBy(() -> bind(Map.of("appealdesk.telegram.mode", "hook"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("appealdesk.telegram.token", "1:x", "appealdesk.telegram.mode",
                "webhook"))).isInstanceOf(BindException.class).rootCause().hasMessageContaining("TELEGRAM_WEBHOOK_URL");
        var badSecret = new java.util.HashMap<>(webhook("webhook"));
        badSecret.put("appealdesk.telegram.webhook-secret", "with space");
        assertThatThrownBy(() -> bind(badSecret)).isInstanceOf(BindException.class);
    }

    @Test
    void toStringHidesTheTokenAndTheSecret() {
        String text = bind(webhook("webhook")).toString();

        assertThat(text).doesNotContain("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "s3cret_value").contains("<hidden>", "WEBHOOK");
    }
}
