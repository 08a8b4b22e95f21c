package ru.appealdesk.delivery;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import ru.appealdesk.chat.MessengerKind;

/** The outbox's senders, one lane per configured messenger, started and stopped with the application. */
class OutboxSenders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSenders.class);

    /** One messenger's sender, the thread that drives it and its limits. */
    record Lane(MessengerKind messenger, OutboxSender sender, OutboxWorker worker, RateLimits limits) {
    }

    private final List<Lane> lanes;
    private volatile boolean running;

    OutboxSenders(List<Lane> lanes) {
        this.lanes = List.copyOf(lanes);
    }

    List<Lane> lanes() {
        return lanes;
    }

    @Override
    public void start() {
        if (lanes.isEmpty()) {
            log.warn("No messenger is configured (TELEGRAM_BOT_TOKEN, MAX_BOT_TOKEN): messages wait in the outbox");
        }
        lanes.forEach(lane -> lane.worker().start());
        running = true;
    }

    @Override
    public void stop() {
        lanes.forEach(lane -> lane.worker().stop());
        lanes.forEach(lane -> lane.sender().shutdown());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
