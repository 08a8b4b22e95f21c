package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The directory's settings ({@code appealdesk.directory.*}), defaults here and nowhere else, validated when bound.
 * application.yml maps {@code BOT_CONFIG_DIR} and the former names {@code appealdesk.bot-config-dir} and
 * {@code appealdesk.telegram.invite-ttl} onto these keys.
 *
 * @param botConfigDir The organisation's configuration folder (BOT_CONFIG_DIR); blank means the default
 * @param inviteTtl How long a one-time invite code is valid (at least 1m)
 */
@Validated
@ConfigurationProperties("appealdesk.directory")
record DirectoryProperties(
        @DefaultValue(DirectoryProperties.BOT_CONFIG_DIR) Path botConfigDir,
        @DefaultValue("72h") @DurationMin(minutes = 1, message = "must be at least 1m") Duration inviteTtl) {

    static final String BOT_CONFIG_DIR = "bot-config";

    DirectoryProperties {
        botConfigDir = botConfigDir == null || botConfigDir.toString().isBlank() ? Path.of(BOT_CONFIG_DIR)
                : botConfigDir;
    }
}
