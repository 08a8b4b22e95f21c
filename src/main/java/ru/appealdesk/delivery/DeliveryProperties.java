package ru.appealdesk.delivery;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import ru.appealdesk.chat.MessengerKind;

/**
 * Delivery settings ({@code appealdesk.delivery.*}), defaults here and nowhere else; validated when bound, so a rate
 * above Telegram's limits or a lease too short for a Bot API call stops the start-up with the key's name.
 *
 * @param pollInterval How often the queue is read when no commit woke the sender
 * @param lease How long a message being sent is reserved for one instance (at least 5s); a crashed instance's
 *              messages are sent again after it, or sooner once its senders have been silent for 15 seconds
 * @param parallelCalls Bot API calls under way at once per instance (1..256); the bot-wide limit, not this, paces
 *                      them
 * @param globalPerSecond Messages per second for the whole bot, all instances together (1..30; Telegram: 30)
 * @param groupPerMinute Messages per minute to one group chat (1..20; Telegram: 20)
 * @param privateChatSpacing The least time between two messages to one private chat (1ms..1m): Telegram allows about
 *                           one a second and measures when they arrive, so the default keeps a margin over a second
 *                           for network and scheduling jitter; shorter only against a fake Bot API (the tests)
 * @param maxQueuedRepliesPerChat Replies waiting for one chat at most; further replies to it are dropped (cards
 *                                and alerts waiting do not count)
 * @param keepSent How long delivered and superseded messages are kept; their content is blanked at delivery (at
 *                 least 1h)
 * @param keepFailed How long undeliverable and dead messages are kept for an administrator's retry (at least 1d)
 * @param activeChatPause How long after a person's last command, press or text cards and reminders to their chat
 *                        wait (0: never), so replies to them do not wait out the chat's pace behind a card; a card
 *                        waits six pauses at most while the person goes on (0..1m)
 * @param max MAX's limits ({@code appealdesk.delivery.max.*}); the keys above are Telegram's
 */
@Validated
@ConfigurationProperties("appealdesk.delivery")
record DeliveryProperties(
        @DefaultValue("500ms") @DurationMin(nanos = 0, inclusive = false, message = "must be positive")
        Duration pollInterval,
        @DefaultValue("2m") @DurationMin(seconds = 5, message = "must be at least 5s")
        Duration lease,
        @DefaultValue("32") @Range(min = 1, max = 256, message = "must be 1..256")
        int parallelCalls,
        @DefaultValue("28") @Range(min = 1, max = 30, message = "must be 1..30 (Telegram: 30)")
        int globalPerSecond,
        @DefaultValue("20") @Range(min = 1, max = 20, message = "must be 1..20 (Telegram: 20)")
        int groupPerMinute,
        @DefaultValue("20") @Min(value = 1, message = "must be at least 1")
        int maxQueuedRepliesPerChat,
        @DefaultValue("30d") @DurationMin(hours = 1, message = "must be at least 1h")
        Duration keepSent,
        @DefaultValue("90d") @DurationMin(days = 1, message = "must be at least 1d")
        Duration keepFailed,
        @DefaultValue("1100ms") @DurationMin(millis = 1, message = "must be 1ms..1m")
        @DurationMax(minutes = 1, message = "must be 1ms..1m")
        Duration privateChatSpacing,
        @DefaultValue("10s") @DurationMin(nanos = 0, message = "must be 0..1m")
        @DurationMax(minutes = 1, message = "must be 0..1m")
        Duration activeChatPause,
        @DefaultValue @Valid
        Max max) {

    /**
     * MAX's limits (PRODUCT.md §14): about 30 requests a second per bot, callback answers at most 2 a second per
     * chat; MAX publishes no per-chat limit for messages, so the spacing keeps Telegram's margin unless set.
     *
     * @param globalPerSecond Requests per second for the whole MAX bot, all instances together (1..30)
     * @param privateChatSpacing The least time between two messages to one person in MAX (1ms..1m)
     * @param callbackAnswersPerChatPerSecond Answers to button presses per second in one chat (1..2; MAX: 2)
     */
    record Max(
            @DefaultValue("28") @Range(min = 1, max = 30, message = "must be 1..30 (MAX: about 30)")
            int globalPerSecond,
            @DefaultValue("1100ms") @DurationMin(millis = 1, message = "must be 1ms..1m")
            @DurationMax(minutes = 1, message = "must be 1ms..1m")
            Duration privateChatSpacing,
            @DefaultValue("2") @Range(min = 1, max = 2, message = "must be 1..2 (MAX: 2)")
            int callbackAnswersPerChatPerSecond) {
    }

    /** Telegram's pace as configured ({@code global-per-second}, {@code group-per-minute}, the spacing). */
    RateLimits.Pace pace() {
        return new RateLimits.Pace(globalPerSecond, groupPerMinute, privateChatSpacing, 0);
    }

    /** A messenger's pace: Telegram's keys, or MAX's under {@code max.*} (MAX bots write to no groups). */
    RateLimits.Pace pace(MessengerKind messenger) {
        return switch (messenger) {
            case TELEGRAM -> pace();
            case MAX -> new RateLimits.Pace(max.globalPerSecond(), 1, max.privateChatSpacing(),
                    max.callbackAnswersPerChatPerSecond());
        };
    }
}
