package ru.appealdesk.max;

import static ru.appealdesk.logging.LogSafe.safe;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.UpdateSink;
import ru.appealdesk.max.MaxSchema.UpdateList;

/**
 * MAX's updates for the lifetime of the context. Webhook mode: subscribes the webhook at start-up (a failure stops
 * the start-up) and unsubscribes it at shutdown. Long-polling mode: removes any subscription first (MAX does not
 * serve GET /updates while one exists), then polls; a batch's marker is passed on only once every update of the
 * batch was handled, so an update the bot could not handle is not confirmed and comes again. MAX's API 0.0.32 has
 * no method for the command menu (its PATCH /me is gone), so the bot's commands are not registered.
 */
class MaxSession implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MaxSession.class);
    static final List<String> TYPES = List.of("message_created", "message_callback", "bot_started", "bot_stopped");
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final MaxApi api;
    private final MaxProperties properties;
    private final UpdateSink sink;
    private volatile boolean running;
    private volatile Long marker;
    private Thread poller;

    MaxSession(MaxApi api, MaxProperties properties, UpdateSink sink) {
        this.api = api;
        this.properties = properties;
        this.sink = sink;
    }

    @Override
    public void start() {
        running = true;
        if (properties.mode() == MaxProperties.Mode.WEBHOOK) {
            try {
                api.subscribe(new MaxSchema.SubscriptionRequest(properties.webhookUrl(), TYPES,
                        properties.webhookSecret()));
            } catch (MaxApiException e) {
                throw new IllegalStateException("MAX POST /subscriptions failed: " + e.getMessage(), e);
            }
            log.info("MAX webhook subscribed: {}", properties.webhookUrl());
            return;
        }
        poller = new Thread(this::poll, "max-poll");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        long pause = FIRST_RETRY_MILLIS;
        boolean unsubscribed = false;
        while (running) {
            try {
                if (!unsubscribed) {
                    removeSubscriptions();
                    unsubscribed = true;
                    log.info("MAX long polling started against {}", properties.apiUrl());
                }
                UpdateList batch = api.updates(marker, properties.pollTimeout(), TYPES);
                if (handleAll(batch)) {
                    marker = batch.marker() != null ? batch.marker() : marker;
                    pause = FIRST_RETRY_MILLIS;
                    continue;
                }
            } catch (MaxApiException e) {
                if (!running) {
                    return;
                }
                log.warn("MAX GET /updates failed ({}); trying again in {} ms", safe(e.getMessage()), pause);
            }
            if (!sleep(pause)) {
                return;
            }
            pause = Math.min(pause * 2, MAX_RETRY_MILLIS);
        }
    }

    /** True when every update was handled (or cannot be read and is skipped); false: poll the batch again. */
    private boolean handleAll(UpdateList batch) {
        for (JsonNode json : batch.updates() == null ? List.<JsonNode>of() : batch.updates()) {
            Incoming update;
            try {
                update = MaxUpdates.parse(json);
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("A MAX update of type {} cannot be read and is skipped: {}",
                        safe(json.path("update_type").asText()), safe(e.getMessage()));
                continue;
            }
            try {
                sink.handle(update);
            } catch (RuntimeException e) {
                log.warn("MAX update {} is not confirmed ({}); it comes again", safe(update.key()),
                        safe(e.getMessage()));
                return false;
            }
        }
        return true;
    }

    private void removeSubscriptions() {
        MaxSchema.Subscriptions subscriptions = api.subscriptions();
        if (subscriptions == null || subscriptions.subscriptions() == null) {
            return;
        }
        for (MaxSchema.Subscription s : subscriptions.subscriptions()) {
            api.unsubscribe(s.url());
            log.info("MAX webhook subscription {} removed for long polling", safe(s.url()));
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The marker the next GET /updates passes (for tests). */
    Long marker() {
        return marker;
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (properties.mode() == MaxProperties.Mode.WEBHOOK && properties.unsubscribeOnShutdown()) {
            try {
                api.unsubscribe(properties.webhookUrl());
                log.info("MAX webhook unsubscribed: {}", properties.webhookUrl());
            } catch (MaxApiException e) {
                log.warn("MAX DELETE /subscriptions failed: {}", safe(e.getMessage()));
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
