package ru.appealdesk.chat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code appealdesk.chat.personal-data}: full by default, minimal by the key or APPEALDESK_CHAT_PERSONAL_DATA. */
class ChatPropertiesTest {

    @Test
    void theChatsCarryThePersonalDataUnlessToldOtherwise() {
        ChatProperties properties = Settings.bind("appealdesk.chat", ChatProperties.class, Map.of());

        assertThat(properties.personalData()).isEqualTo(ChatProperties.PersonalData.FULL);
        assertThat(properties.personalDataInChats()).isTrue();
    }

    @Test
    void minimalComesFromTheKeyOrTheEnvironmentVariable() {
        assertThat(Settings.bind("appealdesk.chat", ChatProperties.class,
                Map.of("appealdesk.chat.personal-data", "minimal")).personalDataInChats()).isFalse();
        assertThat(Settings.bind(ChatProperties.class, Map.of(), Map.of("APPEALDESK_CHAT_PERSONAL_DATA", "minimal"))
                .personalData()).isEqualTo(ChatProperties.PersonalData.MINIMAL);
        assertThat(Settings.bind(ChatProperties.class, Map.of(), Map.of("APPEALDESK_CHAT_PERSONAL_DATA", "FULL"))
                .personalDataInChats()).isTrue();
    }

    @Test
    void anyOtherValueStopsTheStartUpNamingTheKey() {
        assertThat(Settings.refusal(Map.of("appealdesk.chat.personal-data", "none")))
                .contains("appealdesk.chat.personal-data");
    }
}
