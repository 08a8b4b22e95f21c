package ru.appealdesk.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery settings ({@code appealdesk.delivery.*}), defaults here and nowhere else; checked when bound, so a rate
 * above Telegram's limits or a lease too short for a Bot API call stops the start-up with the key's name.
 *
 * @param pollInterval how often the queue is read when no commit woke the sender
 * @param lease how long a message being sent is reserved for one instance (a crashed instance's are taken again)
 * @param parallelCalls Bot API calls under way at once; the bot-wide limit, not this, paces them
 * @param globalPerSecond messages per second for the whole bot, all instances together (Telegram: 30)
 * @param groupPerMinute messages per minute to one group chat (Telegram: 20)
 * @param privateChatSpacing the least time between two messages to one private chat: Telegram allows about one a
 *                           second and measures when they arrive, so the default keeps a margin over a second for
 *                           network and scheduling jitter; shorter only against a fake Bot API (the tests)
 * @param maxQueuedRepliesPerChat replies waiting for one chat at most; further replies to it are dropped (cards
 *                                and alerts waiting do not count)
 * @param keepSent how long delivered and superseded messages are kept (their content is blanked at delivery)
 * @param keepFailed how long undeliverable and dead messages are kept for an administrator's retry
 */
@ConfigurationProperties("appealdesk.delivery")
record DeliveryProperties(Duration pollInterval, Duration lease, Integer parallelCalls, Integer globalPerSecond,
                          Integer groupPerMinute, Integer maxQueuedRepliesPerChat, Duration keepSent,
                          Duration keepFailed, Duration privateChatSpacing) {

    DeliveryProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        parallelCalls = parallelCalls == null ? 32 : parallelCalls;
        globalPerSecond = globalPerSecond == null ? 28 : globalPerSecond;
        groupPerMinute = groupPerMinute == null ? 20 : groupPerMinute;
        maxQueuedRepliesPerChat = maxQueuedRepliesPerChat == null ? 20 : maxQueuedRepliesPerChat;
        keepSent = keepSent == null ? Duration.ofDays(30) : keepSent;
        keepFailed = keepFailed == null ? Duration.ofDays(90) : keepFailed;
        privateChatSpacing = privateChatSpacing == null ? Duration.ofMillis(1100) : privateChatSpacing;
        require(!pollInterval.isNegative() && !pollInterval.isZero(), "poll-interval must be positive");
        require(lease.compareTo(Duration.ofSeconds(5)) >= 0, "lease must be at least 5s");
        require(parallelCalls >= 1 && parallelCalls <= 256, "parallel-calls must be 1..256");
        require(globalPerSecond >= 1 && globalPerSecond <= 30, "global-per-second must be 1..30 (Telegram: 30)");
        require(groupPerMinute >= 1 && groupPerMinute <= 20, "group-per-minute must be 1..20 (Telegram: 20)");
        require(maxQueuedRepliesPerChat >= 1, "max-queued-replies-per-chat must be at least 1");
        require(keepSent.compareTo(Duration.ofHours(1)) >= 0, "keep-sent must be at least 1h");
        require(keepFailed.compareTo(Duration.ofDays(1)) >= 0, "keep-failed must be at least 1d");
        require(privateChatSpacing.compareTo(Duration.ofMillis(1)) >= 0
                && privateChatSpacing.compareTo(Duration.ofMinutes(1)) <= 0, "private-chat-spacing must be 1ms..1m");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("appealdesk.delivery." + message);
        }
    }
}
