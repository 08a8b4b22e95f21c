package ru.appealdesk.bench;

import java.util.List;

/** Delivery as the fake Bot API saw it: messages accepted in a time window, the rate, the busiest sliding second. */
record ReceiverRate(int messages, double seconds, double perSecond, int busiestSecond) {

    /** Over the accepted messages with arrival times in {@code [from, to]} ({@link System#nanoTime()}). */
    static ReceiverRate of(List<Long> acceptedAt, long from, long to) {
        List<Long> times = acceptedAt.stream().filter(t -> t >= from && t <= to).sorted().toList();
        int busiest = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 1_000_000_000L) {
                j++;
            }
            busiest = Math.max(busiest, i - j + 1);
        }
        double seconds = (to - from) / 1e9;
        return new ReceiverRate(times.size(), seconds, seconds == 0 ? 0 : times.size() / seconds, busiest);
    }

    /** From the first accepted message to the last. */
    static ReceiverRate firstToLast(List<Long> acceptedAt) {
        if (acceptedAt.size() < 2) {
            return new ReceiverRate(acceptedAt.size(), 0, 0, acceptedAt.size());
        }
        ReceiverRate all = of(acceptedAt, acceptedAt.get(0), acceptedAt.get(acceptedAt.size() - 1));
        // n messages from the first to the last are n - 1 intervals
        return new ReceiverRate(all.messages(), all.seconds(), (all.messages() - 1) / all.seconds(),
                all.busiestSecond());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d messages in %.1f s = %.2f/s (%.3f of 30/s), busiest sliding "
                + "second %d", messages, seconds, perSecond(), perSecond() / 30, busiestSecond);
    }
}
