package ru.appealdesk.delivery;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery settings' defaults live in one place, and values Telegram would refuse stop the start-up. */
class DeliveryPropertiesTest {

    private static DeliveryProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.delivery", DeliveryProperties.class, values);
    }

    @Test
    void unsetKeysTakeTheDefaults() {
        DeliveryProperties properties = bind(Map.of("appealdesk.delivery.lease", "30s"));

        assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.globalPerSecond()).isEqualTo(28);
        assertThat(properties.groupPerMinute()).isEqualTo(20);
        assertThat(properties.parallelCalls()).isEqualTo(32);
        assertThat(properties.maxQueuedRepliesPerChat()).isEqualTo(20);
        assertThat(properties.keepSent()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.keepFailed()).isEqualTo(Duration.ofDays(90));
        assertThat(properties.privateChatSpacing()).isEqualTo(Duration.ofMillis(1100));
    }

    @Test
    void thePaceOfAPrivateChatIsASettingWithinBounds() {
        assertThat(bind(Map.of("appealdesk.delivery.private-chat-spacing", "20ms")).privateChatSpacing())
                .isEqualTo(Duration.ofMillis(20));
        assertThatThrownBy(() -> bind(Map.of("appealdesk.delivery.private-chat-spacing", "0ms")))
                .hasRootCauseMessage("appealdesk.delivery.private-chat-spacing must be 1ms..1m");
        assertThatThrownBy(() -> bind(Map.of("appealdesk.delivery.private-chat-spacing", "2m")))
                .hasRootCauseMessage("appealdesk.delivery.private-chat-spacing must be 1ms..1m");
    }

    @Test
    void aRateAboveTelegramsLimitOrAnUnusableLeaseIsRefusedByName() {
        assertThatThrownBy(() -> bind(Map.of("appealdesk.delivery.global-per-second", "31")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("appealdesk.delivery.global-per-second must be 1..30 (Telegram: 30)");
        assertThatThrownBy(() -> bind(Map.of("appealdesk.delivery.group-per-minute", "0")))
                .hasRootCauseMessage("appealdesk.delivery.group-per-minute must be 1..20 (Telegram: 20)");
        assertThatThrownBy(() -> bind(Map.of("appealdesk.delivery.lease", "1s")))
                .hasRootCauseMessage("appealdesk.delivery.lease must be at least 5s");
        assertThatThrownBy(() -> bind(Map.of("appealdesk.delivery.parallel-calls", "0")))
                .hasRootCauseMessage("appealdesk.delivery.parallel-calls must be 1..256");
    }
}
