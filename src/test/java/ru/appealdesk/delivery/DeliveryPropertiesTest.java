package ru.appealdesk.delivery;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(properties.activeChatPause()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.pace()).isEqualTo(new RateLimits.Pace(28, 20, Duration.ofMillis(1100), 0));
    }

    @Test
    void thePaceOfAPrivateChatIsASettingWithinBounds() {
        assertThat(bind(Map.of("appealdesk.delivery.private-chat-spacing", "20ms")).privateChatSpacing())
                .isEqualTo(Duration.ofMillis(20));
        assertThat(Settings.reason("appealdesk.delivery.private-chat-spacing", "0ms")).isEqualTo("must be 1ms..1m");
        assertThat(Settings.reason("appealdesk.delivery.private-chat-spacing", "2m")).isEqualTo("must be 1ms..1m");
    }

    @Test
    void thePauseForAnActingPersonIsZeroToAMinute() {
        assertThat(bind(Map.of("appealdesk.delivery.active-chat-pause", "0s")).activeChatPause()).isZero();
        assertThat(bind(Map.of("appealdesk.delivery.active-chat-pause", "1m")).activeChatPause())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(Settings.reason("appealdesk.delivery.active-chat-pause", "61s")).isEqualTo("must be 0..1m");
        assertThat(Settings.reason("appealdesk.delivery.active-chat-pause", "-1s")).isEqualTo("must be 0..1m");
    }

    @Test
    void theLimitsAreTakenUpToTheirBounds() {
        DeliveryProperties properties = bind(Map.of("appealdesk.delivery.global-per-second", "30",
                "appealdesk.delivery.group-per-minute", "1", "appealdesk.delivery.parallel-calls", "256",
                "appealdesk.delivery.lease", "5s", "appealdesk.delivery.keep-sent", "1h",
                "appealdesk.delivery.keep-failed", "1d"));

        assertThat(properties.globalPerSecond()).isEqualTo(30);
        assertThat(properties.groupPerMinute()).isEqualTo(1);
        assertThat(properties.parallelCalls()).isEqualTo(256);
    }

    @Test
    void aRateAboveTelegramsLimitOrAnUnusableLeaseStopsTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.delivery.global-per-second", "31"))
                .isEqualTo("must be 1..30 (Telegram: 30)");
        assertThat(Settings.reason("appealdesk.delivery.group-per-minute", "0"))
                .isEqualTo("must be 1..20 (Telegram: 20)");
        assertThat(Settings.reason("appealdesk.delivery.lease", "1s")).isEqualTo("must be at least 5s");
        assertThat(Settings.reason("appealdesk.delivery.parallel-calls", "0")).isEqualTo("must be 1..256");
    }

    @Test
    void aPollIntervalQueueCapOrRetentionThatCannotWorkStopsTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.delivery.poll-interval", "0s")).isEqualTo("must be positive");
        assertThat(Settings.reason("appealdesk.delivery.max-queued-replies-per-chat", "0"))
                .isEqualTo("must be at least 1");
        assertThat(Settings.reason("appealdesk.delivery.keep-sent", "59m")).isEqualTo("must be at least 1h");
        assertThat(Settings.reason("appealdesk.delivery.keep-failed", "23h")).isEqualTo("must be at least 1d");
    }
}
