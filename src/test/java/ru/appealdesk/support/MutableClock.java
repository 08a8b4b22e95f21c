package ru.appealdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A clock tests can set and move; never sleep for real minutes. Whoever listens ({@link #onChange}) is told of
 * each move in the mover's thread before {@link #set} or {@link #advance} returns: the functional tests run the
 * timer tick that way, so what came due has fired when the clock has moved.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
        moved(instant);
    }

    public void advance(Duration duration) {
        moved(now.updateAndGet(i -> i.plus(duration)));
    }

    /** Calls the listener with the new time whenever the clock is set or advanced. */
    public void onChange(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    private void moved(Instant instant) {
        listeners.forEach(listener -> listener.accept(instant));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
