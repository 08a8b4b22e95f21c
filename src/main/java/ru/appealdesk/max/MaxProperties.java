package ru.appealdesk.max;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * MAX settings ({@code appealdesk.max.*}, from the MAX_* environment variables). Validated when bound, so a wrong
 * mode, an incomplete webhook set-up or an unreadable trust store stops the start-up before anything is registered.
 *
 * @param botToken The bot's token from MAX's partner platform (MAX_BOT_TOKEN); none turns MAX off
 * @param apiUrl The Bot API's base URL (MAX_API_URL)
 * @param mode Longpolling (the service polls GET /updates) or webhook (MAX calls POST /max/webhook; MAX_MODE)
 * @param webhookUrl The public HTTPS address MAX calls, its path /max/webhook (MAX_WEBHOOK_URL; webhook mode)
 * @param webhookSecret The subscription's secret, required in X-Max-Bot-Api-Secret (MAX_WEBHOOK_SECRET; webhook
 *                      mode; 5-256 of A-Z a-z 0-9 _ -)
 * @param botUsername The bot's public name in invite links https://max.ru/NAME?start=CODE (MAX_BOT_USERNAME)
 * @param truststore A PKCS12 or JKS file of the certificates MAX's API is trusted by, for MAX's client only
 *                   (MAX_TRUSTSTORE; none: the JVM's default trust)
 * @param truststorePassword The trust store's password (MAX_TRUSTSTORE_PASSWORD)
 * @param requestTimeout The read timeout of an API call
 * @param pollTimeout The long-polling GET /updates timeout (at most 90 seconds)
 * @param fileDownloadTimeout The overall deadline for downloading one file a person sent
 * @param attachmentAttempts How often a message with a just-uploaded file is sent while MAX answers
 *                           attachment.not.ready
 * @param attachmentBackoff The first pause between those attempts; it doubles each time
 * @param unsubscribeOnShutdown Whether a stopping instance removes the webhook subscription (webhook mode; false
 *                              when several instances share the webhook, so that one stopping does not end it)
 */
@Validated
@ConfigurationProperties("appealdesk.max")
public record MaxProperties(String botToken, @DefaultValue("https://platform-api2.max.ru") URI apiUrl,
                            @DefaultValue("longpolling") Mode mode, String webhookUrl, String webhookSecret,
                            String botUsername, String truststore, String truststorePassword,
                            @DefaultValue("30s") Duration requestTimeout,
                            @DefaultValue("30s") Duration pollTimeout,
                            @DefaultValue("60s") Duration fileDownloadTimeout,
                            @DefaultValue("5") @Min(1) @Max(20) int attachmentAttempts,
                            @DefaultValue("500ms") Duration attachmentBackoff,
                            @DefaultValue("true") boolean unsubscribeOnShutdown) {

    /** How updates arrive; bound case-insensitively. */
    public enum Mode { LONGPOLLING, WEBHOOK }

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    /** The bot's name for links, without a leading {@code @}; null when not set. */
    public String botName() {
        return botUsername == null || botUsername.isBlank() ? null : botUsername.strip().replaceFirst("^@", "");
    }

    @AssertTrue(message = "MAX_MODE=webhook needs MAX_WEBHOOK_URL (https://...) and MAX_WEBHOOK_SECRET")
    boolean isWebhookComplete() {
        return !webhook() || webhookUrl != null && webhookUrl.startsWith("https://") && webhookSecret != null
                && !webhookSecret.isBlank();
    }

    @AssertTrue(message = "MAX_WEBHOOK_SECRET may contain only A-Z, a-z, 0-9, _ and -, 5-256 characters")
    boolean isWebhookSecretWellFormed() {
        return webhookSecret == null || webhookSecret.isBlank() || webhookSecret.matches("[A-Za-z0-9_-]{5,256}");
    }

    @AssertTrue(message = "MAX_TRUSTSTORE must name a readable PKCS12 or JKS file")
    boolean isTruststoreReadable() {
        return !hasTruststore() || Files.isReadable(Path.of(truststore));
    }

    @AssertTrue(message = "appealdesk.max.poll-timeout must be between 0s and 90s (MAX's limit)")
    boolean isPollTimeoutInRange() {
        return !pollTimeout.isNegative() && pollTimeout.compareTo(Duration.ofSeconds(90)) <= 0;
    }

    @AssertTrue(message = "MAX_BOT_USERNAME may contain only letters, digits, _, - and .")
    boolean isBotUsernameWellFormed() {
        return botName() == null || botName().matches("[A-Za-z0-9_.-]{1,64}");
    }

    public boolean hasTruststore() {
        return truststore != null && !truststore.isBlank();
    }

    private boolean webhook() {
        return enabled() && mode == Mode.WEBHOOK;
    }

    /** Never the token, the webhook secret or the trust store's password: this may end up in a log. */
    @Override
    public String toString() {
        return "MaxProperties[botToken=" + mask(botToken) + ", apiUrl=" + apiUrl + ", mode=" + mode
                + ", webhookUrl=" + webhookUrl + ", webhookSecret=" + mask(webhookSecret) + ", botUsername="
                + botUsername + ", truststore=" + truststore + ", truststorePassword=" + mask(truststorePassword)
                + ", requestTimeout=" + requestTimeout + ", pollTimeout=" + pollTimeout + ", fileDownloadTimeout="
                + fileDownloadTimeout + ", attachmentAttempts=" + attachmentAttempts + ", attachmentBackoff="
                + attachmentBackoff + ", unsubscribeOnShutdown=" + unsubscribeOnShutdown + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isBlank() ? "<none>" : "<hidden>";
    }
}
