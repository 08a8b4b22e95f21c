package ru.appealdesk.bot.inbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.notifications.Notices;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;

/**
 * An update that is a button press: to {@link Presses} if it was pressed in the private chat with the presser,
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

    void handle(Update update) {
        CallbackQuery q = update.getCallbackQuery();
        if (!fromPrivateChat(q)) {
            log.info("Dropped a button press from a group, channel or inline message (update {})",
                    update.getUpdateId());
            answerSilently(q);
            return;
        }
        long userId = q.getFrom().getId();
        outbox.chatReachable(userId);
        presses.handle(new Inbound(userId, userId, accounts.byTelegramUser(userId).orElse(null)), q);
    }

    /** After a failure (e.g. two people pressing one card at once): say so, change nothing. */
    void apologise(Update update) {
        CallbackQuery q = update.getCallbackQuery();
        if (!fromPrivateChat(q)) {
            answerSilently(q);
            return;
        }
        StaffMember presser = accounts.byTelegramUser(q.getFrom().getId()).orElse(null);
        String text = Callback.parse(q.getData()).map(cb -> refusals.stale(cb.appealId(), presser))
                .orElse(Notices.NOT_DONE.text());
        outbox.answerCallback(q.getFrom().getId(), q.getId(), text, true);
    }

    /** Every callback query is answered, or the person's button keeps spinning: an empty answer says nothing. */
    private void answerSilently(CallbackQuery q) {
        if (q.getFrom() != null) {
            outbox.answerCallback(q.getFrom().getId(), q.getId(), null, false);
        }
    }

    /** Presses count only on the bot's messages in a private chat with the presser. */
    private static boolean fromPrivateChat(CallbackQuery q) {
        return q.getFrom() != null && q.getMessage() != null && q.getMessage().getChat() != null
                && q.getMessage().getChat().isUserChat() && q.getMessage().getChatId().equals(q.getFrom().getId());
    }
}
