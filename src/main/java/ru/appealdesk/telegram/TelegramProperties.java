package ru.appealdesk.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Telegram settings ({@code appealdesk.telegram.*}, from the TELEGRAM_* environment variables). Checked when bound,
 * so a wrong mode or an incomplete webhook set-up stops the start-up before anything is registered at Telegram.
 */
@ConfigurationProperties("appealdesk.telegram")
public record TelegramProperties(String token, URI apiUrl, Mode mode, String webhookUrl, String webhookSecret,
                                 Duration requestTimeout, Duration pollTimeout, Duration fileDownloadTimeout) {

    /** How updates arrive; bound case-insensitively ({@code webhook}, {@code Webhook}, {@code WEBHOOK}). */
    public enum Mode { LONGPOLLING, WEBHOOK }

    public TelegramProperties {
        apiUrl = apiUrl == null ? URI.create("https://api.telegram.org") : apiUrl;
        mode = mode == null ? Mode.LONGPOLLING : mode;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(50) : pollTimeout;
        fileDownloadTimeout = fileDownloadTimeout == null ? Duration.ofSeconds(60) : fileDownloadTimeout;
        if (token != null && !token.isBlank() && mode == Mode.WEBHOOK) {
            if (webhookUrl == null || webhookUrl.isBlank() || webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalArgumentException("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL and "
                        + "TELEGRAM_WEBHOOK_SECRET");
            }
            if (!webhookSecret.matches("[A-Za-z0-9_-]{1,256}")) {
                throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET may contain only A-Z, a-z, 0-9, _ and -, "
                        + "1-256 characters");
            }
        }
    }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** Where files are downloaded from: {@code <api-url>/file/bot<token>/<file_path>}. */
    public String fileUrl(String filePath) {
        String base = apiUrl.toString().replaceAll("/+$", "");
        return base + "/file/bot" + token + "/" + filePath;
    }

    /** Never the token or the webhook secret: this may end up in a log or an error report. */
    @Override
    public String toString() {
        return "TelegramProperties[token=" + mask(token) + ", apiUrl=" + apiUrl + ", mode=" + mode
                + ", webhookUrl=" + webhookUrl + ", webhookSecret=" + mask(webhookSecret)
                + ", requestTimeout=" + requestTimeout + ", pollTimeout=" + pollTimeout + ", fileDownloadTimeout="
                + fileDownloadTimeout + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isBlank() ? "<none>" : "<hidden>";
    }
}
