package ru.appealdesk.delivery;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * A messenger's sending limits ({@link Pace}), held by every instance together: bucket4j token buckets kept in
 * PostgreSQL (Telegram's in table {@code rate_bucket}, MAX's in {@code max_rate_bucket}), one for the bot and one per
 * chat. At most {@code perSecond} messages overall, one per {@code privateChatSpacing} to a private chat, {@code
 * groupPerMinute} to a group. Buckets of capacity one with greedy refill space messages evenly, and a blocking consume
 * reserves the next free slot, so instances waiting at the same time are given different slots rather than racing.
 */
class RateLimits {

    /** A second and a tenth: answers to one chat spaced with the margin Telegram's chats get (1.1 s a message). */
    private static final long ANSWER_MARGIN_NANOS = 1_100_000_000L;
    /** The bot-wide bucket's key; chat ids never reach it. */
    static final long GLOBAL_KEY = Long.MIN_VALUE;

    private final PostgreSQLSelectForUpdateBasedProxyManager<Long> buckets;
    private final Supplier<BucketConfiguration> global;
    private final Duration privateChatSpacing;
    private final Supplier<BucketConfiguration> privateChat;
    private final Duration groupSpacing;
    private final Supplier<BucketConfiguration> group;
    /** Answers to presses in one chat, or null when the messenger does not limit them. */
    private final Supplier<BucketConfiguration> answers;
    /** When this instance may next send to a chat, as it knows from its own sends: spares a database round trip. */
    private final java.util.Map<Long, Long> localNotBefore = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object globalReservation = new Object();
    /**
     * Slots reserved ahead by this instance at most: enough that a slot never passes unused while the next call
     * reserves its own (a reservation takes milliseconds, a slot 36), few enough that a reply waits out at most these.
     */
    static final int RESERVED_AHEAD = 3;
    private final SlotQueue slots = new SlotQueue(RESERVED_AHEAD);
    /** This instance's last sends: no 31 of them arrive within a second. */
    private final SendWindow window = new SendWindow(System::nanoTime, java.util.concurrent.TimeUnit.NANOSECONDS::sleep);

    /**
     * How fast one messenger's bot may send: {@code perSecond} messages overall, one per {@code privateChatSpacing}
     * to a private chat, {@code groupPerMinute} to a group, {@code answersPerChatPerSecond} answers to button presses
     * in one chat (0: no such limit, Telegram). Read from the messenger's settings, where they are
     * checked against its own limits ({@link DeliveryProperties#pace()} for Telegram).
     */
    record Pace(int perSecond, int groupPerMinute, Duration privateChatSpacing, int answersPerChatPerSecond) {
    }

    RateLimits(PostgreSQLSelectForUpdateBasedProxyManager<Long> buckets, Pace pace) {
        this.buckets = buckets;
        this.global = spacing(Duration.ofNanos(1_000_000_000L / pace.perSecond()));
        this.privateChatSpacing = pace.privateChatSpacing();
        this.privateChat = spacing(privateChatSpacing);
        this.groupSpacing = Duration.ofNanos(60_000_000_000L / pace.groupPerMinute());
        this.group = spacing(groupSpacing);
        this.answers = pace.answersPerChatPerSecond() > 0
                ? spacing(Duration.ofNanos(ANSWER_MARGIN_NANOS / pace.answersPerChatPerSecond())) : null;
    }

    private static Supplier<BucketConfiguration> spacing(Duration interval) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder().capacity(1).refillGreedy(1, interval).build()).build();
        return () -> configuration;
    }

    /** Nanoseconds until the chat may get a message (0 if it may now); consumes nothing. */
    long chatWait(long chatId) {
        Long notBefore = localNotBefore.get(chatId);
        long now = System.nanoTime();
        if (notBefore != null && notBefore - now > 0) {
            return notBefore - now;
        }
        EstimationProbe probe = chat(chatId).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    /**
     * Waits until a message to the chat may go out, and takes what it uses: the bot-wide bucket's next slot (the
     * wait, if any, is here), then this instance's own check of what it really sent ({@link SendWindow}: the bucket
     * spaces slots evenly, but a thread can wake late for its slot, or a call can arrive late, while the next ones go
     * on time), then the chat's token last (so that the chat's spacing counts from the moment the message really goes
     * out, whatever the window waited; the chat was free when the message was leased, so the token is normally there
     * at once). The caller says when the messenger answered the send it returns.
     */
    SendWindow.Send awaitTurn(long chatId, boolean interactive) throws InterruptedException {
        awaitGlobalSlot(interactive);
        // the window may wait; the chat's spacing must count from the real send, so its token is taken after
        SendWindow.Send send = window.await();
        awaitChat(chatId);
        return send;
    }

    /**
     * Reserves the bot-wide bucket's next slot and waits for it (also each further request of a send of several, as
     * the messenger asks through its pacer). A reply to a person ({@code interactive}) reserves before any waiting
     * bulk message, and bulk messages reserve only {@link #RESERVED_AHEAD} slots ahead ({@link SlotQueue}): a reply
     * never waits behind a second of reserved cards.
     */
    void awaitGlobalSlot(boolean interactive) throws InterruptedException {
        slots.enter(interactive);
        try {
            long[] untilSlot = new long[1];
            // one thread of this instance reserves at a time, and waits for its slot after: at most one connection
            // per instance queues for the bot-wide bucket's row lock
            synchronized (globalReservation) {
                buckets.getProxy(GLOBAL_KEY, global).asBlocking().consume(1, nanos -> untilSlot[0] = nanos);
            }
            if (untilSlot[0] > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(untilSlot[0]);
            }
        } finally {
            slots.reached();
        }
    }

    /** Calls of this instance waiting to reserve a bot-wide slot. */
    int waitingForSlots() {
        return slots.waiting();
    }

    /** Takes the chat's token, waiting if another message to it just went. */
    void awaitChat(long chatId) throws InterruptedException {
        chat(chatId).asBlocking().consume(1);
        localNotBefore.put(chatId, System.nanoTime() + (chatId < 0 ? groupSpacing : privateChatSpacing).toNanos());
    }

    /**
     * Waits until an answer to a press in the chat may go (MAX: at most 2 a second per chat); at once where the
     * messenger does not limit answers. Answers have buckets of their own (keyed by the complement of the chat id,
     * which no private chat has).
     */
    void awaitAnswer(long chatId) throws InterruptedException {
        if (answers != null) {
            // MAX counts an answer among the bot's requests a second: it takes a bot-wide slot too
            awaitGlobalSlot(true);
            buckets.getProxy(~chatId, answers).asBlocking().consume(1);
        }
    }

    /** Deletes buckets that have been full long enough to be forgotten (idle chats). */
    int forgetIdle() {
        long now = System.nanoTime();
        localNotBefore.values().removeIf(notBefore -> notBefore - now < 0);
        return buckets.removeExpired(1000);
    }

    private BucketProxy chat(long chatId) {
        return buckets.getProxy(chatId, chatId < 0 ? group : privateChat);
    }
}
