package ru.appealdesk.bot.inbound;

import static ru.appealdesk.logging.LogSafe.safe;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.UpdateSink;

/**
 * Entry point of every update from every messenger, by long polling or webhook, in no messenger's terms ({@link
 * Incoming}). Each update is handled in one transaction together with the record of its key, so a redelivered update
 * is handled once; a button
 * press goes to {@link CallbackUpdates}, a message to {@link MessageUpdates}, and after a failure they apologise.
 */
@Component
class UpdateHandler implements UpdateSink {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final ProcessedUpdates processed;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UpdateMetrics metrics;
    private final IncomingFiles incomingFiles;
    private final CallbackUpdates callbacks;
    private final MessageUpdates messages;

    private final ru.appealdesk.delivery.Outbox outbox;

    UpdateHandler(ProcessedUpdates processed, TransactionTemplate tx, Clock clock, UpdateMetrics metrics,
                  IncomingFiles incomingFiles, CallbackUpdates callbacks, MessageUpdates messages,
                  ru.appealdesk.delivery.Outbox outbox) {
        this.outbox = outbox;
        this.processed = processed;
        this.tx = tx;
        this.clock = clock;
        this.metrics = metrics;
        this.incomingFiles = incomingFiles;
        this.callbacks = callbacks;
        this.messages = messages;
    }

    /** The update could be neither handled nor recorded as failed (the database is down): do not confirm it. */
    static class UpdateNotHandled extends RuntimeException {
        UpdateNotHandled(Incoming update, Throwable cause) {
            super(update.messenger() + " update " + update.key() + " was not handled; it must be delivered again",
                    cause);
        }
    }

    /**
     * Handles an update once. If it fails, the person gets an apology and the update counts as handled; if even
     * the apology cannot be stored, {@link UpdateNotHandled} is thrown and the caller must not confirm the update
     * to the messenger, which then delivers it again.
     */
    @Override
    public void handle(Incoming update) {
        // a file is downloaded before the transaction, so the download holds no connection or lock
        Optional<IncomingFiles.Download> file = update instanceof Incoming.Text text && MessageUpdates.counts(text)
                ? incomingFiles.prefetch(text) : Optional.empty();
        String messenger = update.messenger().name();
        try {
            tx.executeWithoutResult(status -> {
                if (processed.markProcessed(messenger, update.key(), clock.instant()) == 0) {
                    log.info("{} update {} was already handled; skipping the redelivery", messenger,
                            safe(update.key()));
                    metrics.duplicate.increment();
                    return;
                }
                outbox.replyingTo(update.chat(), () -> dispatch(update, file));
                metrics.handled.increment();
            });
        } catch (RuntimeException e) {
            log.warn("{} update {} failed: {}; answering with an apology", messenger, safe(update.key()), safe(e));
            metrics.failed.increment();
            try {
                tx.executeWithoutResult(status -> {
                    if (processed.markProcessed(messenger, update.key(), clock.instant()) == 1) {
                        apologise(update);
                    }
                });
            } catch (RuntimeException again) {
                log.error("{} update {} could not be recorded as failed either: {}", messenger, safe(update.key()),
                        safe(again));
                throw new UpdateNotHandled(update, again);
            }
        }
    }

    private void dispatch(Incoming update, Optional<IncomingFiles.Download> file) {
        if (update instanceof Incoming.Press press) {
            callbacks.handle(press);
        } else if (update instanceof Incoming.Text text) {
            messages.handle(text, file);
        } else if (update instanceof Incoming.Other other) {
            log.debug("{} update {} ({}) needs nothing", other.messenger(), safe(other.key()), other.what());
        }
    }

    /** After a failure (e.g. two people pressing one card at once): say so, change nothing. */
    private void apologise(Incoming update) {
        if (update instanceof Incoming.Press press) {
            callbacks.apologise(press);
        } else if (update instanceof Incoming.Text text) {
            messages.apologise(text);
        }
    }

    @Override
    public java.util.Map<String, String> commands() {
        return java.util.Collections.unmodifiableMap(Commands.DESCRIPTIONS);
    }
}
