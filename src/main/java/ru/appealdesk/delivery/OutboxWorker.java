package ru.appealdesk.delivery;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** The thread that keeps draining the outbox: at once after a commit that enqueued, else every poll interval. */
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxSender sender;
    private final OutboxSignal signal;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread thread;

    OutboxWorker(OutboxSender sender, OutboxSignal signal, Duration pollInterval) {
        this.sender = sender;
        this.signal = signal;
        this.pollInterval = pollInterval;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "outbox-sender");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                long wait = sender.drainOnce();
                if (wait < 0) {
                    signal.await(pollInterval.toMillis());
                } else if (wait > 0) {
                    signal.await(Math.max(1, Math.min(pollInterval.toMillis(), wait / 1_000_000)));
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

    @Override
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

    @Override
    public boolean isRunning() {
        return running;
    }
}
