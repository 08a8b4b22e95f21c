package ru.appealdesk.telegram;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Telegram settings ({@code appealdesk.telegram.*}, from the TELEGRAM_* environment variables). Validated when bound,
 * so a wrong mode or an incomplete webhook set-up stops the start-up before anything is registered at Telegram.
 *
 * @param token The bot's token from @BotFather (TELEGRAM_BOT_TOKEN); none turns the messenger off
 * @param apiUrl The Bot API's base URL: scheme, host and port (TELEGRAM_API_URL; a fake server in tests, a
 *               self-hosted Bot API server in production); files are downloaded from URL/file/botTOKEN/PATH
 * @param mode Longpolling (the service polls Telegram) or webhook (Telegram calls POST /telegram/webhook;
 *             TELEGRAM_MODE, any letter case)
 * @param webhookUrl The public HTTPS address Telegram calls, its path /telegram/webhook (TELEGRAM_WEBHOOK_URL;
 *                   webhook mode, required)
 * @param webhookSecret The secret_token given to setWebhook and required in X-Telegram-Bot-Api-Secret-Token
 *                      (TELEGRAM_WEBHOOK_SECRET; webhook mode, required; 1-256 of A-Z a-z 0-9 _ -)
 * @param requestTimeout The read timeout of a Bot API call; a call that hangs longer is retried
 * @param pollTimeout The long-polling getUpdates timeout
 * @param fileDownloadTimeout The overall deadline for downloading one file a person sent
 */
@Validated
@ConfigurationProperties("appealdesk.telegram")
public record TelegramProperties(String token, @DefaultValue("https://api.telegram.org") URI apiUrl,
                                 @DefaultValue("longpolling") Mode mode, String webhookUrl, String webhookSecret,
                                 @DefaultValue("30s") Duration requestTimeout,
                                 @DefaultValue("50s") Duration pollTimeout,
                                 @DefaultValue("60s") Duration fileDownloadTimeout) {

    /** How updates arrive; bound case-insensitively ({@code webhook}, {@code Webhook}, {@code WEBHOOK}). */
    public enum Mode { LONGPOLLING, WEBHOOK }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    @AssertTrue(message = "TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET")
    boolean isWebhookComplete() {
        return !webhook() || webhookUrl != null && !webhookUrl.isBlank() && webhookSecret != null
                && !webhookSecret.isBlank();
    }

    @AssertTrue(message = "TELEGRAM_WEBHOOK_SECRET may contain only A-Z, a-z, 0-9, _ and -, 1-256 characters")
    boolean isWebhookSecretWellFormed() {
        return !webhook() || webhookSecret == null || webhookSecret.isBlank()
                || webhookSecret.matches("[A-Za-z0-9_-]{1,256}");
    }

    private boolean webhook() {
        return enabled() && mode == Mode.WEBHOOK;
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
