package ru.appealdesk.chat;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Telegram settings ({@code appealdesk.telegram.*}, from the TELEGRAM_* environment variables). */
@ConfigurationProperties("appealdesk.telegram")
record TelegramProperties(String token, URI apiUrl, String mode, String webhookUrl, String webhookSecret,
                          Duration outboxPollInterval) {

    TelegramProperties {
        apiUrl = apiUrl == null ? URI.create("https://api.telegram.org") : apiUrl;
        mode = mode == null || mode.isBlank() ? "longpolling" : mode;
        outboxPollInterval = outboxPollInterval == null ? Duration.ofMillis(500) : outboxPollInterval;
    }

    boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** Where files are downloaded from: {@code <api-url>/file/bot<token>/<file_path>}. */
    String fileUrl(String filePath) {
        String base = apiUrl.toString().replaceAll("/+$", "");
        return base + "/file/bot" + token + "/" + filePath;
    }
}
