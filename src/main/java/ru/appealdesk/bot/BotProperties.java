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
 */
@ConfigurationProperties("appealdesk.bot")
record BotProperties(Duration strangerReplyInterval, Duration keepDrafts, Duration keepProcessedUpdates) {

    BotProperties {
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
