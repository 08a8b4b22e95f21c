package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The directory's settings, defaults here and nowhere else, checked when bound.
 *
 * @param botConfigDir the organisation's configuration folder ({@code appealdesk.bot-config-dir}, set by
 *                     {@code BOT_CONFIG_DIR}; {@code ./bot-config})
 * @param telegram     the binding of Telegram accounts ({@code appealdesk.telegram.invite-ttl})
 */
@ConfigurationProperties("appealdesk")
record DirectoryProperties(Path botConfigDir, Invites telegram) {

    DirectoryProperties {
        botConfigDir = botConfigDir == null || botConfigDir.toString().isBlank() ? Path.of("bot-config") : botConfigDir;
        telegram = telegram == null ? new Invites(null) : telegram;
    }

    /** @param inviteTtl how long a one-time invite code is valid ({@code 72h}) */
    record Invites(Duration inviteTtl) {

        Invites {
            inviteTtl = inviteTtl == null ? Duration.ofHours(72) : inviteTtl;
            if (inviteTtl.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("appealdesk.telegram.invite-ttl must be at least 1m");
            }
        }
    }
}
