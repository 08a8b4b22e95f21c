package ru.appealdesk.delivery;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * This instance's own check that no 31 of its messages can arrive within a second, whatever the bot-wide bucket
 * granted: a send waits until the send {@link #MESSAGES} back is more than {@link #WINDOW} behind it and, once that
 * one's answer has come, until a second after the answer less the shortest round trip seen. The messenger judges a
 * message when it arrives, somewhere between its send and its answer: a call that took long (a cold connection after a
 * start, a busy machine) may have arrived late, and the sends spaced after it would then arrive bunched behind it.
 * A call still unanswered counts from its send, so a hung call holds nothing up.
 */
final class SendWindow {

    /** Sends in any {@link #WINDOW}, at most: Telegram's 30 a second. */
    static final int MESSAGES = 30;
    /** A second, and a margin for the jitter between a send and its arrival. */
    static final long WINDOW = 1_065_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** Waits for the given nanoseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** One send: when it went and, once answered, when its answer came ({@link System#nanoTime()}). */
    static final class Send {
        private final long start;
        private final LongSupplier clock;
        private volatile long answered;

        private Send(long start, LongSupplier clock) {
            this.start = start;
            this.clock = clock;
        }

        /** The messenger answered (whatever it said: the request arrived). */
        void answered() {
            if (answered == 0) {
                answered = clock.getAsLong();
            }
        }
    }

    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Send> recent = new ArrayDeque<>();

    SendWindow(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until one more send fits, and counts it; the caller reports {@link Send#answered()}. */
    Send await() throws InterruptedException {
        synchronized (recent) {
            if (recent.size() == MESSAGES) {
                Send oldest = recent.peekFirst();
                long notBefore = oldest.start + WINDOW;
                long answered = oldest.answered;
                if (answered != 0) {
                    notBefore = Math.max(notBefore, answered + SECOND - shortestRoundTrip());
                }
                long wait = notBefore - clock.getAsLong();
                if (wait > 0) {
                    sleeper.sleep(wait);
                }
                recent.pollFirst();
            }
            Send send = new Send(clock.getAsLong(), clock);
            recent.addLast(send);
            return send;
        }
    }

    /** The shortest round trip among the answered sends in the window: the part every call takes. */
    private long shortestRoundTrip() {
        long shortest = Long.MAX_VALUE;
        for (Send send : recent) {
            long answered = send.answered;
            if (answered != 0) {
                shortest = Math.min(shortest, answered - send.start);
            }
        }
        return shortest == Long.MAX_VALUE ? 0 : shortest;
    }
}
