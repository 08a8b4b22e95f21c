package ru.appealdesk.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the outbox senders (one per messenger) when a transaction that enqueued messages commits. */
@Component
class OutboxSignal {

    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    /** One sender's wake-up: a commit wakes every sender, each of which looks at its own messenger's queue. */
    static final class Waiter {

        private final Semaphore permits = new Semaphore(0);

        void await(long millis) throws InterruptedException {
            if (permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                permits.drainPermits();
            }
        }

        private void wake() {
            if (permits.availablePermits() == 0) {
                permits.release();
            }
        }
    }

    Waiter waiter() {
        Waiter waiter = new Waiter();
        waiters.add(waiter);
        return waiter;
    }

    void wake() {
        waiters.forEach(Waiter::wake);
    }
}
