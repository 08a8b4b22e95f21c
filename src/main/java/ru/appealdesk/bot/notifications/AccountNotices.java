package ru.appealdesk.bot.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

    private final Outbox outbox;

    AccountNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AccountReplaced replaced) {
        outbox.text(replaced.previous(), Notices.ACCOUNT_REPLACED.text(Html.escape(replaced.staffName())),
                Outbox.PRIORITY_CARD);
    }
}
