package ru.appealdesk.delivery;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps draining one messenger's part of the outbox: at once after a commit that enqueued, else every
 * poll interval.
 */
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxSender sender;
    private final OutboxSignal signal;
    private final OutboxSignal.Waiter waiter;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread thread;

    private final String name;

    OutboxWorker(String name, OutboxSender sender, OutboxSignal signal, Duration pollInterval) {
        this.name = name;
        this.sender = sender;
        this.signal = signal;
        this.waiter = signal.waiter();
        this.pollInterval = pollInterval;
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, "outbox-sender-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                long wait = sender.drainOnce();
                if (wait < 0) {
                    waiter.await(pollInterval.toMillis());
                } else if (wait > 0) {
                    waiter.await(Math.max(1, Math.min(pollInterval.toMillis(), wait / 1_000_000)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Outbox drain failed; retrying shortly", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void stop() {
        running = false;
        if (thread != null) {
            signal.wake();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }
}
