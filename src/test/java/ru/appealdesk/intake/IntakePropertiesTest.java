package ru.appealdesk.intake;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bot's username for invite links: optional, a leading {@code @} forgiven, anything else Telegram-shaped. */
class IntakePropertiesTest {

    private static IntakeProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.telegram", IntakeProperties.class, values);
    }

    @Test
    void unsetIsEmptyAndALeadingAtIsDropped() {
        assertThat(bind(Map.of()).botUsername()).isEmpty();
        assertThat(bind(Map.of("appealdesk.telegram.bot-username", " @ruza_appeals_bot ")).botUsername())
                .isEqualTo("ruza_appeals_bot");
    }

    @Test
    void aLinkOrAShortNameIsRefusedByName() {
        assertThatThrownBy(() -> bind(Map.of("appealdesk.telegram.bot-username", "https://t.me/ruza_bot")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageStartingWith("appealdesk.telegram.bot-username must be a Telegram username");
        assertThatThrownBy(() -> bind(Map.of("appealdesk.telegram.bot-username", "bot"))).rootCause()
                .hasMessageStartingWith("appealdesk.telegram.bot-username must be a Telegram username");
    }
}
