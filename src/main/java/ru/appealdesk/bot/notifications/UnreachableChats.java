package ru.appealdesk.bot.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.delivery.ChatUnreachable;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;

/** Tells the coordinators, once, that a staff member's chat no longer gets the bot's messages. */
@Component
class UnreachableChats {

    private final StaffAccounts accounts;
    private final Directory directory;
    private final Outbox outbox;

    UnreachableChats(StaffAccounts accounts, Directory directory, Outbox outbox) {
        this.accounts = accounts;
        this.directory = directory;
        this.outbox = outbox;
    }

    @EventListener
    void on(ChatUnreachable unreachable) {
        String who = accounts.byAccount(unreachable.chat()).map(StaffMember::name)
                .orElse(Notices.UNKNOWN_CHAT.text(unreachable.chat().chatId()));
        for (StaffMember coordinator : directory.withRole(Role.COORDINATOR)) {
            accounts.addressOf(coordinator.id()).filter(chat -> !chat.equals(unreachable.chat()))
                    .ifPresent(chat -> outbox.text(chat, Notices.CHAT_UNREACHABLE.text(Html.escape(who),
                            unreachable.chat().messenger().displayName()),
                            Outbox.PRIORITY_CARD));
        }
    }
}
