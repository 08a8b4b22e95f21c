package ru.appealdesk.bot.inbound;

import static ru.appealdesk.logging.LogSafe.safe;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.notifications.Notices;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.telegram.UpdateSink;

/**
 * Entry point of every Telegram update, from long polling or the webhook. Each update is handled in one
 * transaction together with the record of its {@code update_id}, so a redelivered update is handled once.
 */
@Component
class UpdateHandler implements UpdateSink {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final ProcessedUpdates processed;
    private final StaffAccounts accounts;
    private final Commands commands;
    private final Presses presses;
    private final Dialogs dialogs;
    private final Outbox outbox;
    private final Refusals refusals;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UpdateMetrics metrics;
    private final Strangers strangers;
    private final IncomingFiles incomingFiles;

    UpdateHandler(ProcessedUpdates processed, StaffAccounts accounts, Commands commands, Presses presses,
                  Dialogs dialogs, Outbox outbox, Refusals refusals, TransactionTemplate tx, Clock clock,
                  UpdateMetrics metrics, Strangers strangers,
                  IncomingFiles incomingFiles) {
        this.strangers = strangers;
        this.incomingFiles = incomingFiles;
        this.metrics = metrics;
        this.processed = processed;
        this.accounts = accounts;
        this.commands = commands;
        this.presses = presses;
        this.dialogs = dialogs;
        this.outbox = outbox;
        this.refusals = refusals;
        this.tx = tx;
        this.clock = clock;
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
        Optional<IncomingFiles.Download> file = update.hasMessage() && update.getMessage().getFrom() != null
                && update.getMessage().getChat() != null && update.getMessage().getChat().isUserChat()
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
            CallbackQuery q = update.getCallbackQuery();
            if (!fromPrivateChat(q)) {
                log.info("Dropped a button press from a group, channel or inline message (update {})",
                        update.getUpdateId());
                answerSilently(q);
                return;
            }
            presses.handle(inbound(q.getFrom().getId(), q.getFrom().getId()), q);
            return;
        }
        Message m = update.getMessage();
        if (m == null || m.getFrom() == null || m.getChat() == null || !m.getChat().isUserChat()) {
            return;
        }
        Inbound in = inbound(m.getFrom().getId(), m.getChatId());
        if (m.hasText() && m.getText().startsWith("/")) {
            commands.handle(in, m.getText());
        } else if (!in.registered()) {
            strangers.answer(in, Replies.NOT_REGISTERED);
        } else if (m.hasText()) {
            if (!dialogs.onText(in, m.getText())) {
                outbox.text(in.chatId(), Replies.HINT, Outbox.PRIORITY_REPLY);
            }
        } else if (m.hasPhoto() || m.hasDocument() || m.hasVideo()) {
            dialogs.onFile(in, file);
        } else if (m.hasVideoNote()) {
            outbox.text(in.chatId(), Notices.NO_VIDEO_NOTES.text(), Outbox.PRIORITY_REPLY);
        } else {
            outbox.text(in.chatId(), Notices.UNDERSTOOD_KINDS.text(Replies.HINT),
                    Outbox.PRIORITY_REPLY);
        }
    }

    /** After a failure (e.g. two people pressing one card at once): say so, change nothing. */
    private void apologise(Update update) {
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            if (!fromPrivateChat(q)) {
                answerSilently(q);
                return;
            }
            StaffMember presser = accounts.byTelegramUser(q.getFrom().getId()).orElse(null);
            String text = Callback.parse(q.getData()).map(cb -> refusals.stale(cb.appealId(), presser))
                    .orElse(Notices.NOT_DONE.text());
            outbox.answerCallback(q.getFrom().getId(), q.getId(), text, true);
        } else if (update.getMessage() != null && update.getMessage().getChat() != null
                && update.getMessage().getChat().isUserChat()) {
            outbox.text(update.getMessage().getChatId(), Notices.FAILED.text(),
                    Outbox.PRIORITY_REPLY);
        }
    }

    /** Every callback query is answered, or the person's button keeps spinning: an empty answer says nothing. */
    private void answerSilently(CallbackQuery q) {
        if (q.getFrom() != null) {
            outbox.answerCallback(q.getFrom().getId(), q.getId(), null, false);
        }
    }

    private Inbound inbound(long userId, long chatId) {
        outbox.chatReachable(userId);
        return new Inbound(userId, chatId, accounts.byTelegramUser(userId).orElse(null));
    }

    /** Presses count only on the bot's messages in a private chat with the presser. */
    private static boolean fromPrivateChat(CallbackQuery q) {
        return q.getFrom() != null && q.getMessage() != null && q.getMessage().getChat() != null
                && q.getMessage().getChat().isUserChat() && q.getMessage().getChatId().equals(q.getFrom().getId());
    }

    @Override
    public java.util.List<org.telegram.telegrambots.meta.api.objects.commands.BotCommand> commands() {
        return Commands.DESCRIPTIONS.entrySet().stream()
                .map(e -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(e.getKey(), e.getValue()))
                .toList();
    }
}
