package ru.appealdesk.intake;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's username for invite links: optional, a leading {@code @} forgiven, anything else Telegram-shaped; read
 * from {@code TELEGRAM_BOT_USERNAME} and from its former name {@code appealdesk.telegram.bot-username} as well.
 */
class IntakePropertiesTest {

    private static IntakeProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.intake", IntakeProperties.class, values);
    }

    @Test
    void unsetIsEmptyAndALeadingAtIsDropped() {
        assertThat(bind(Map.of()).botUsername()).isEmpty();
        assertThat(bind(Map.of("appealdesk.intake.bot-username", " @ruza_appeals_bot ")).botUsername())
                .isEqualTo("ruza_appeals_bot");
    }

    @Test
    void theEnvironmentVariableAndTheFormerNameAreRead() {
        assertThat(Settings.bind(IntakeProperties.class, Map.of(), Map.of("TELEGRAM_BOT_USERNAME", "ruza_appeals_bot"))
                .botUsername()).isEqualTo("ruza_appeals_bot");
        assertThat(bind(Map.of("appealdesk.telegram.bot-username", "@old_name_bot")).botUsername())
                .isEqualTo("old_name_bot");
        assertThat(bind(Map.of("appealdesk.telegram.bot-username", "old_name_bot",
                "appealdesk.intake.bot-username", "new_name_bot")).botUsername()).isEqualTo("new_name_bot");
    }

    @Test
    void aLinkOrAShortNameStopsTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.intake.bot-username", "https://t.me/ruza_bot"))
                .isEqualTo("must be a Telegram username (5-32 letters, digits or '_')");
        assertThat(Settings.reason("appealdesk.intake.bot-username", "bot"))
                .isEqualTo("must be a Telegram username (5-32 letters, digits or '_')");
    }
}
