package ru.appealdesk.bot.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import ru.appealdesk.bot.dialogs.DialogFiles;
import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.notifications.Notices;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.StaffAccounts;

/**
 * An update that is a message in a private chat, by kind: a command to {@link Commands}, a stranger's message to
 * {@link Strangers}, a text to the dialog waiting for it, a file to {@link DialogFiles}, anything else a hint.
 * Messages from groups and channels are dropped.
 */
@Component
class MessageUpdates {

    private final StaffAccounts accounts;
    private final Outbox outbox;
    private final Commands commands;
    private final Strangers strangers;
    private final Dialogs dialogs;
    private final DialogFiles dialogFiles;

    MessageUpdates(StaffAccounts accounts, Outbox outbox, Commands commands, Strangers strangers, Dialogs dialogs,
                   DialogFiles dialogFiles) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.commands = commands;
        this.strangers = strangers;
        this.dialogs = dialogs;
        this.dialogFiles = dialogFiles;
    }

    /** A message from a person in the private chat with the bot (where a file is worth fetching). */
    static boolean fromPrivateChat(Update update) {
        Message m = update.getMessage();
        return m != null && m.getFrom() != null && m.getChat() != null && m.getChat().isUserChat();
    }

    void handle(Update update, Optional<IncomingFiles.Download> file) {
        if (!fromPrivateChat(update)) {
            return;
        }
        Message m = update.getMessage();
        outbox.chatReachable(m.getFrom().getId());
        Inbound in = new Inbound(m.getFrom().getId(), m.getChatId(),
                accounts.byTelegramUser(m.getFrom().getId()).orElse(null));
        if (m.hasText() && m.getText().startsWith("/")) {
            commands.handle(in, m.getText());
        } else if (!in.registered()) {
            strangers.answer(in, Replies.NOT_REGISTERED);
        } else if (m.hasText()) {
            if (!dialogs.onText(in, m.getText())) {
                reply(in, Replies.HINT);
            }
        } else if (m.hasPhoto() || m.hasDocument() || m.hasVideo()) {
            dialogFiles.onFile(in, file);
        } else if (m.hasVideoNote()) {
            reply(in, Notices.NO_VIDEO_NOTES.text());
        } else {
            reply(in, Notices.UNDERSTOOD_KINDS.text(Replies.HINT));
        }
    }

    /** After a failure: an apology, nothing changed. */
    void apologise(Update update) {
        if (update.getMessage() != null && update.getMessage().getChat() != null
                && update.getMessage().getChat().isUserChat()) {
            outbox.text(update.getMessage().getChatId(), Notices.FAILED.text(), Outbox.PRIORITY_REPLY);
        }
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chatId(), html, Outbox.PRIORITY_REPLY);
    }
}
