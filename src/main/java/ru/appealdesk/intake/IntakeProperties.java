package ru.appealdesk.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The REST module's settings.
 *
 * @param botUsername the bot's @username without {@code @} ({@code appealdesk.telegram.bot-username}, set by
 *                    {@code TELEGRAM_BOT_USERNAME}): invite links are {@code https://t.me/<bot>?start=<code>};
 *                    unset, the link shows a {@code <bot>} placeholder
 */
@ConfigurationProperties("appealdesk.telegram")
record IntakeProperties(String botUsername) {

    IntakeProperties {
        botUsername = botUsername == null ? "" : botUsername.strip();
        if (botUsername.startsWith("@")) {
            botUsername = botUsername.substring(1);
        }
        if (!botUsername.isEmpty() && !botUsername.matches("[A-Za-z0-9_]{5,32}")) {
            throw new IllegalArgumentException("appealdesk.telegram.bot-username must be a Telegram username "
                    + "(5-32 letters, digits or '_'), not '" + botUsername + "'");
        }
    }
}
