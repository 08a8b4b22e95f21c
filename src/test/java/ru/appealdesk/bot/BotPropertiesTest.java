package ru.appealdesk.bot;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }

    @Test
    void forgettingHandledUpdatesWithinTelegramsRedeliveryWindowIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("appealdesk.bot.keep-processed-updates", "1d")))
                .hasRootCauseMessage("appealdesk.bot.keep-processed-updates must be at least 2d: Telegram "
                        + "redelivers an update for up to 24 hours");
    }
}
