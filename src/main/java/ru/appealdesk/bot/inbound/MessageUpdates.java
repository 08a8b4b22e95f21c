package ru.appealdesk.bot.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.DialogFiles;
import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.notifications.Notices;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.StaffAccounts;

/**
 * A message in a private chat, in any messenger, by kind: a command to {@link Commands}, a stranger's message to
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

    /** A message from a person in the private chat with the bot: the only ones that count. */
    static boolean counts(Incoming.Text message) {
        return message.privateChat() && message.from() != null;
    }

    void handle(Incoming.Text m, Optional<IncomingFiles.Download> file) {
        if (!counts(m)) {
            return;
        }
        outbox.chatReachable(m.chat());
        Inbound in = new Inbound(m.from().userId(), m.chat(), accounts.byAccount(m.chat()).orElse(null));
        if (m.command()) {
            commands.handle(in, m.text());
        } else if (!in.registered()) {
            strangers.answer(in, Replies.NOT_REGISTERED);
        } else if (!m.files().isEmpty()) {
            dialogFiles.onFile(in, file);
        } else if (m.text() != null) {
            if (!dialogs.onText(in, m.text())) {
                reply(in, Replies.HINT);
            }
        } else if ("video_note".equals(m.unsupported())) {
            reply(in, Notices.NO_VIDEO_NOTES.text());
        } else {
            reply(in, Notices.UNDERSTOOD_KINDS.text(Replies.HINT));
        }
    }

    /** After a failure: an apology, nothing changed. */
    void apologise(Incoming.Text m) {
        if (m.privateChat()) {
            outbox.text(m.chat(), Notices.FAILED.text(), Outbox.PRIORITY_REPLY);
        }
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chat(), html, Outbox.PRIORITY_REPLY);
    }
}
