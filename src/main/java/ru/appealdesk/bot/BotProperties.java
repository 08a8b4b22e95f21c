package ru.appealdesk.bot;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The bot's settings ({@code appealdesk.bot.*}), defaults here and nowhere else, validated when bound.
 *
 * @param strangerReplyInterval Someone not registered is answered at most once per this interval
 * @param keepDrafts An answer draft untouched this long is dropped with its files (at least 1h)
 * @param keepProcessedUpdates How long handled Telegram update ids are kept to recognise redeliveries (at least 2d:
 *                             Telegram redelivers for up to a day)
 * @param maxFileSize The largest photo, video or document taken from a person (1MB..2000MB): the Bot API hands a bot
 *                    files of at most 20 MB; a self-hosted Bot API server (TELEGRAM_API_URL) allows more
 */
@Validated
@ConfigurationProperties("appealdesk.bot")
public record BotProperties(
        @DefaultValue("10m") @DurationMin(nanos = 0, message = "must not be negative")
        Duration strangerReplyInterval,
        @DefaultValue("14d") @DurationMin(hours = 1, message = "must be at least 1h")
        Duration keepDrafts,
        @DefaultValue("30d") @DurationMin(days = 2, message = "must be at least 2d: Telegram redelivers an update for "
                + "up to 24 hours")
        Duration keepProcessedUpdates,
        @DefaultValue("20MB") DataSize maxFileSize) {

    @AssertTrue(message = "appealdesk.bot.max-file-size must be from 1MB to 2000MB")
    boolean isMaxFileSizeWithinLimits() {
        return maxFileSize.toMegabytes() >= 1 && maxFileSize.toMegabytes() <= 2000;
    }
}
