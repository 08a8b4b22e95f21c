package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory's keys keep their documented names, take their defaults when unset, and refuse a useless TTL. */
class DirectoryPropertiesTest {

    private static DirectoryProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk", DirectoryProperties.class, values);
    }

    @Test
    void unsetOrBlankKeysTakeTheDefaults() {
        DirectoryProperties properties = bind(Map.of("appealdesk.bot-config-dir", ""));

        assertThat(properties.botConfigDir()).isEqualTo(Path.of("bot-config"));
        assertThat(properties.telegram().inviteTtl()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void theDocumentedKeysAreBound() {
        DirectoryProperties properties = bind(Map.of("appealdesk.bot-config-dir", "/etc/appealdesk/bot-config",
                "appealdesk.telegram.invite-ttl", "24h", "appealdesk.telegram.token", "ignored here"));

        assertThat(properties.botConfigDir()).isEqualTo(Path.of("/etc/appealdesk/bot-config"));
        assertThat(properties.telegram().inviteTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void anInviteValidForLessThanAMinuteIsRefusedByName() {
        assertThatThrownBy(() -> bind(Map.of("appealdesk.telegram.invite-ttl", "10s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("appealdesk.telegram.invite-ttl must be at least 1m");
    }
}
