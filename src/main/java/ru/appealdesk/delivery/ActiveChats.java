package ru.appealdesk.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import ru.appealdesk.chat.ChatAddress;

/**
 * The chats whose person is acting now (a command, a press, typed text within the last {@code pause}): new cards,
 * notices and reminders to such a chat wait (not replies, not edits of cards already there), so the chat's own pace
 * (a message a second) is free for the replies to what the person does, instead of a reply waiting out the card sent
 * just before it. A bulk message waits at most {@link #MAX_HOLD_PAUSES} pauses (a minute by default) however long
 * the person goes on; then one goes and the next waits again. What this instance handled only: another instance's
 * sender does not know of it, which costs a reply the chat's pace at worst, never a message.
 */
final class ActiveChats {

    /** How many pauses a bulk message waits at most while its person keeps acting. */
    static final int MAX_HOLD_PAUSES = 6;

    private final long pauseNanos;
    private final long maxHoldNanos;
    private final LongSupplier nanoTime;
    private final Map<ChatAddress, Activity> chats = new ConcurrentHashMap<>();

    /** When the person last acted, and whether and since when bulk to the chat has been held. */
    private record Activity(long lastActed, boolean holding, long holdingSince) {
    }

    ActiveChats(Duration pause, LongSupplier nanoTime) {
        this.pauseNanos = pause.toNanos();
        this.maxHoldNanos = pause.toNanos() * MAX_HOLD_PAUSES;
        this.nanoTime = nanoTime;
    }

    /** The person in {@code chat} did something just now. */
    void acted(ChatAddress chat) {
        if (pauseNanos == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        chats.compute(chat, (c, a) -> a == null || now - a.lastActed() >= pauseNanos
                ? new Activity(now, false, 0) : new Activity(now, a.holding(), a.holdingSince()));
    }

    /**
     * How many chats have a person acting now: at most this many heads are held back. Forgets the chats whose person
     * has paused (the senders ask before every lease, so only the people of the last pause are kept).
     */
    int count() {
        long now = nanoTime.getAsLong();
        chats.values().removeIf(a -> now - a.lastActed() >= pauseNanos);
        return chats.size();
    }

    /**
     * Nanoseconds a bulk message to {@code chat} should wait because its person is acting, or 0 if it may go. The
     * first call for an active chat starts the hold; once the hold has lasted its longest, one message may go.
     */
    long holdBulk(ChatAddress chat) {
        Activity activity = chats.get(chat);
        if (activity == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        long quiet = now - activity.lastActed();
        if (quiet >= pauseNanos) {
            chats.remove(chat, activity);
            return 0;
        }
        long since = activity.holding() ? activity.holdingSince() : now;
        if (now - since >= maxHoldNanos) {
            chats.replace(chat, activity, new Activity(activity.lastActed(), false, 0));
            return 0;
        }
        if (!activity.holding()) {
            chats.replace(chat, activity, new Activity(activity.lastActed(), true, now));
        }
        return Math.max(1, Math.min(pauseNanos - quiet, maxHoldNanos - (now - since)));
    }
}
