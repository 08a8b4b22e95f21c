package ru.appealdesk.bot.inbound;

import static ru.appealdesk.logging.LogSafe.safe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.notifications.Notices;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;

/**
 * A button press, in any messenger: to {@link Presses} if it was pressed in the private chat with the presser,
 * answered silently otherwise; after a failure, the alert that the card is out of date.
 */
@Component
class CallbackUpdates {

    private static final Logger log = LoggerFactory.getLogger(CallbackUpdates.class);

    private final StaffAccounts accounts;
    private final Outbox outbox;
    private final Presses presses;
    private final Refusals refusals;

    CallbackUpdates(StaffAccounts accounts, Outbox outbox, Presses presses, Refusals refusals) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.presses = presses;
        this.refusals = refusals;
    }

    void handle(Incoming.Press press) {
        if (!fromPrivateChat(press)) {
            log.info("Dropped a button press from a group, channel or inline message ({} update {})",
                    press.messenger(), safe(press.key()));
            answerSilently(press);
            return;
        }
        ChatAddress chat = press.chat();
        outbox.chatReachable(chat);
        presses.handle(new Inbound(press.from().userId(), chat, accounts.byAccount(chat).orElse(null)), press);
    }

    /** After a failure (e.g. two people pressing one card at once): say so, change nothing. */
    void apologise(Incoming.Press press) {
        if (!fromPrivateChat(press)) {
            answerSilently(press);
            return;
        }
        StaffMember presser = accounts.byAccount(press.chat()).orElse(null);
        String text = Callback.parse(press.data()).map(cb -> refusals.stale(cb.appealId(), presser))
                .orElse(Notices.NOT_DONE.text());
        outbox.answerCallback(press.chat(), press.callbackId(), text, true);
    }

    /** Every press is answered, or the person's button keeps spinning: an empty answer says nothing. */
    private void answerSilently(Incoming.Press press) {
        if (press.from() != null) {
            outbox.answerCallback(new ChatAddress(press.messenger(), press.from().userId()), press.callbackId(), null,
                    false);
        }
    }

    /** Presses count only on the bot's messages in a private chat with the presser. */
    private static boolean fromPrivateChat(Incoming.Press press) {
        return press.from() != null && press.privateChat() && press.messageId() != null
                && press.chat().chatId() == press.from().userId();
    }
}
