package ru.appealdesk.bot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bot's settings ({@code appealdesk.bot.*}), defaults here and nowhere else, checked when bound.
 *
 * @param strangerReplyInterval someone not registered is answered at most once per this interval
 * @param keepDrafts an answer draft untouched this long is dropped with its files
 * @param keepProcessedUpdates how long handled update ids are kept to recognise redeliveries (Telegram redelivers
 *                             for up to a day, so at least two days)
 * @param maxFileSize the largest file (photo, video, document) taken from a person: the Bot API hands a bot files of
 *                    at most 20 MB; a self-hosted Bot API server ({@code TELEGRAM_API_URL}) allows more
 */
@ConfigurationProperties("appealdesk.bot")
record BotProperties(Duration strangerReplyInterval, Duration keepDrafts, Duration keepProcessedUpdates,
                     org.springframework.util.unit.DataSize maxFileSize) {

    BotProperties {
        maxFileSize = maxFileSize == null ? org.springframework.util.unit.DataSize.ofMegabytes(20) : maxFileSize;
        if (maxFileSize.toMegabytes() < 1 || maxFileSize.toMegabytes() > 2000) {
            throw new IllegalArgumentException("appealdesk.bot.max-file-size must be from 1MB to 2000MB");
        }
        strangerReplyInterval = strangerReplyInterval == null ? Duration.ofMinutes(10) : strangerReplyInterval;
        keepDrafts = keepDrafts == null ? Duration.ofDays(14) : keepDrafts;
        keepProcessedUpdates = keepProcessedUpdates == null ? Duration.ofDays(30) : keepProcessedUpdates;
        if (strangerReplyInterval.isNegative()) {
            throw new IllegalArgumentException("appealdesk.bot.stranger-reply-interval must not be negative");
        }
        if (keepDrafts.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("appealdesk.bot.keep-drafts must be at least 1h");
        }
        if (keepProcessedUpdates.compareTo(Duration.ofDays(2)) < 0) {
            throw new IllegalArgumentException("appealdesk.bot.keep-processed-updates must be at least 2d: "
                    + "Telegram redelivers an update for up to 24 hours");
        }
    }
}
