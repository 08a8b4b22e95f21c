package ru.appealdesk.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Telegram's sending limits, held with bucket4j token buckets in real time: at most {@code globalPerSecond}
 * messages overall, one per {@link #PRIVATE_CHAT_SPACING} to a private chat, {@code groupPerMinute} to a group.
 */
class RateLimits {

    /**
     * Telegram allows about one message a second to a chat and measures when they arrive; a margin over a second
     * keeps network and scheduling jitter from bringing two messages closer than that.
     */
    static final Duration PRIVATE_CHAT_SPACING = Duration.ofMillis(1100);

    private final Bucket global;
    private final int groupPerMinute;
    private final Map<Long, Bucket> chats = new ConcurrentHashMap<>();

    RateLimits(int globalPerSecond, int groupPerMinute) {
        // capacity 1 with greedy refill spaces messages evenly: never more than the limit in any one-second window
        this.global = Bucket.builder().addLimit(Bandwidth.builder().capacity(1)
                .refillGreedy(globalPerSecond, Duration.ofSeconds(1)).build()).build();
        this.groupPerMinute = groupPerMinute;
    }

    /** Nanoseconds until the chat may get a message (0 if it may now); consumes nothing. */
    long chatWait(long chatId) {
        Bucket bucket = chats.computeIfAbsent(chatId, this::bucketFor);
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    /** Takes the chat's token right before a message goes out, waiting if another message just went. */
    void awaitChat(long chatId) throws InterruptedException {
        chats.computeIfAbsent(chatId, this::bucketFor).asBlocking().consume(1);
    }

    /** Waits until a message may go out under the global limit. */
    void awaitGlobal() throws InterruptedException {
        global.asBlocking().consume(1);
    }

    /** Forgets buckets of chats that are idle (full again), so the map does not grow without bound. */
    void forgetIdle() {
        chats.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= 1);
    }

    private Bucket bucketFor(long chatId) {
        Bandwidth limit = chatId < 0
                ? Bandwidth.builder().capacity(1).refillGreedy(groupPerMinute, Duration.ofMinutes(1)).build()
                : Bandwidth.builder().capacity(1).refillGreedy(1, PRIVATE_CHAT_SPACING).build();
        return Bucket.builder().addLimit(limit).build();
    }
}
