package ru.appealdesk.bot;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's settings: defaults in the record, and a redelivery window too short to be safe refused by name. */
class BotPropertiesTest {

    private static BotProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.bot", BotProperties.class, values);
    }

    @Test
    void unsetKeysTakeTheDefaults() {
        BotProperties properties = bind(Map.of("appealdesk.bot.keep-drafts", "7d"));

        assertThat(properties.keepDrafts()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.strangerReplyInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.keepProcessedUpdates()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.maxFileSize()).isEqualTo(DataSize.ofMegabytes(20));
    }

    @Test
    void forgettingHandledUpdatesWithinTelegramsRedeliveryWindowStopsTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.bot.keep-processed-updates", "1d"))
                .isEqualTo("must be at least 2d: Telegram redelivers an update for up to 24 hours");
    }

    @Test
    void theOtherRulesStopTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.bot.keep-drafts", "59m")).isEqualTo("must be at least 1h");
        assertThat(Settings.reason("appealdesk.bot.stranger-reply-interval", "-1s")).isEqualTo("must not be negative");
        for (String size : new String[] {"512KB", "2001MB"}) {
            assertThat(Settings.refusal(Map.of("appealdesk.bot.max-file-size", size)))
                    .contains("Reason: appealdesk.bot.max-file-size must be from 1MB to 2000MB");
        }
    }
}
