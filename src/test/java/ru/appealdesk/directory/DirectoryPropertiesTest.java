package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's keys ({@code appealdesk.directory.*}) take their defaults when unset and refuse a useless TTL;
 * {@code BOT_CONFIG_DIR} and the former names {@code appealdesk.bot-config-dir} and
 * {@code appealdesk.telegram.invite-ttl} still set them.
 */
class DirectoryPropertiesTest {

    private static DirectoryProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.directory", DirectoryProperties.class, values);
    }

    @Test
    void unsetOrBlankKeysTakeTheDefaults() {
        DirectoryProperties properties = bind(Map.of("appealdesk.directory.bot-config-dir", ""));

        assertThat(properties.botConfigDir()).isEqualTo(Path.of("bot-config"));
        assertThat(properties.inviteTtl()).isEqualTo(Duration.ofHours(72));
        assertThat(bind(Map.of()).botConfigDir()).isEqualTo(Path.of("bot-config"));
    }

    @Test
    void theKeysAreBound() {
        DirectoryProperties properties = bind(Map.of("appealdesk.directory.bot-config-dir",
                "/etc/appealdesk/bot-config", "appealdesk.directory.invite-ttl", "24h"));

        assertThat(properties.botConfigDir()).isEqualTo(Path.of("/etc/appealdesk/bot-config"));
        assertThat(properties.inviteTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theEnvironmentVariableAndTheFormerNamesStillSetThem() {
        DirectoryProperties former = bind(Map.of("appealdesk.bot-config-dir", "/etc/appealdesk/bot-config",
                "appealdesk.telegram.invite-ttl", "24h", "appealdesk.telegram.token", "ignored here"));
        assertThat(former.botConfigDir()).isEqualTo(Path.of("/etc/appealdesk/bot-config"));
        assertThat(former.inviteTtl()).isEqualTo(Duration.ofHours(24));

        DirectoryProperties environment = Settings.bind(DirectoryProperties.class, Map.of(),
                Map.of("BOT_CONFIG_DIR", "/srv/bot-config"));
        assertThat(environment.botConfigDir()).isEqualTo(Path.of("/srv/bot-config"));
    }

    @Test
    void anInviteValidForLessThanAMinuteStopsTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.directory.invite-ttl", "10s")).isEqualTo("must be at least 1m");
        assertThat(Settings.reason(Map.of("appealdesk.telegram.invite-ttl", "10s"), "appealdesk.directory.invite-ttl"))
                .isEqualTo("must be at least 1m");
    }
}
