package ru.appealdesk.bot.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.AccountReplaced;

/**
 * Tells an account, in its messenger, that it no longer acts for a staff member because an invite bound another
 * account there: if that was not the person's own doing, they learn of it at once. Stored in the same transaction as
 * the binding.
 */
@Component
class AccountNotices {

    private static final Logger log = LoggerFactory.getLogger(AccountNotices.class);

    private final Outbox outbox;

    AccountNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AccountReplaced replaced) {
        String text = Notices.ACCOUNT_REPLACED.text(Html.escape(replaced.staffName()));
        if (replaced.previous().messenger() == MessengerKind.TELEGRAM) {
            outbox.text(replaced.previous().chatId(), text, Outbox.PRIORITY_CARD);
        } else {
            // TODO(issue 24, lead): send to replaced.previous() once the outbox takes a ChatAddress
            log.warn("Not told {} that it no longer acts for {}: the outbox cannot send to MAX yet",
                    replaced.previous(), replaced.staffId());
        }
    }
}
