package ru.appealdesk.bot.inbound;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.inbound.Commands.Words;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.StaffAccounts;

/**
 * {@code /messenger} (PRODUCT.md §14): someone bound in Telegram and in MAX moves their cards and alerts to the other
 * one (the choice is kept, {@link StaffAccounts#switchMessenger}); someone bound in one is told how to bind the other.
 */
@Component
class MessengerCommand implements ChatCommand {

    private final StaffAccounts accounts;
    private final Outbox outbox;

    MessengerCommand(StaffAccounts accounts, Outbox outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    @Override
    public Set<String> names() {
        return Set.of("messenger");
    }

    @Override
    public void run(Inbound in, String name, String argument) {
        String staffId = in.staff().id();
        Optional<MessengerKind> switched = accounts.switchMessenger(staffId);
        Words reply;
        if (switched.isPresent()) {
            reply = switched.get() == MessengerKind.MAX ? Words.MESSENGER_NOW_MAX : Words.MESSENGER_NOW_TELEGRAM;
        } else {
            List<ChatAddress> bound = accounts.accountsOf(staffId);
            boolean max = !bound.isEmpty() && bound.get(0).messenger() == MessengerKind.MAX;
            reply = max ? Words.MESSENGER_ONLY_MAX : Words.MESSENGER_ONLY_TELEGRAM;
        }
        outbox.text(in.chat(), reply.text(), Outbox.PRIORITY_REPLY);
    }
}
