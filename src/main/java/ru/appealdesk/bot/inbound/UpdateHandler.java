package ru.appealdesk.bot.inbound;

import static ru.appealdesk.logging.LogSafe.safe;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;

import ru.appealdesk.telegram.UpdateSink;

/**
 * Entry point of every Telegram update, from long polling or the webhook. Each update is handled in one
 * transaction together with the record of its {@code update_id}, so a redelivered update is handled once; a button
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

    UpdateHandler(ProcessedUpdates processed, TransactionTemplate tx, Clock clock, UpdateMetrics metrics,
                  IncomingFiles incomingFiles, CallbackUpdates callbacks, MessageUpdates messages) {
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
        UpdateNotHandled(Integer updateId, Throwable cause) {
            super("Update " + updateId + " was not handled; it must be delivered again", cause);
        }
    }

    /**
     * Handles an update once. If it fails, the person gets an apology and the update counts as handled; if even
     * the apology cannot be stored, {@link UpdateNotHandled} is thrown and the caller must not confirm the update
     * to Telegram, which then delivers it again.
     */
    @Override
    public void handle(Update update) {
        // a file is downloaded before the transaction, so the download holds no connection or lock
        Optional<IncomingFiles.Download> file = MessageUpdates.fromPrivateChat(update)
                ? incomingFiles.prefetch(update.getMessage().getFrom().getId(), update.getMessage())
                : Optional.empty();
        try {
            tx.executeWithoutResult(status -> {
                if (processed.markProcessed(update.getUpdateId(), clock.instant()) == 0) {
                    log.info("Update {} was already handled; skipping the redelivery", update.getUpdateId());
                    metrics.duplicate.increment();
                    return;
                }
                dispatch(update, file);
                metrics.handled.increment();
            });
        } catch (RuntimeException e) {
            log.warn("Update {} failed: {}; answering with an apology", update.getUpdateId(), safe(e));
            metrics.failed.increment();
            try {
                tx.executeWithoutResult(status -> {
                    if (processed.markProcessed(update.getUpdateId(), clock.instant()) == 1) {
                        apologise(update);
                    }
                });
            } catch (RuntimeException again) {
                log.error("Update {} could not be recorded as failed either: {}", update.getUpdateId(),
                        safe(again));
                throw new UpdateNotHandled(update.getUpdateId(), again);
            }
        }
    }

    private void dispatch(Update update, Optional<IncomingFiles.Download> file) {
        if (update.hasCallbackQuery()) {
            callbacks.handle(update);
        } else {
            messages.handle(update, file);
        }
    }

    /** After a failure (e.g. two people pressing one card at once): say so, change nothing. */
    private void apologise(Update update) {
        if (update.hasCallbackQuery()) {
            callbacks.apologise(update);
        } else {
            messages.apologise(update);
        }
    }

    @Override
    public java.util.List<org.telegram.telegrambots.meta.api.objects.commands.BotCommand> commands() {
        return Commands.DESCRIPTIONS.entrySet().stream()
                .map(e -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(e.getKey(), e.getValue()))
                .toList();
    }
}
