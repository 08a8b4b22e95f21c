package ru.appealdesk.bot.inbound;

import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.inbound.Commands.Words;
import ru.appealdesk.delivery.Outbox;

/** {@code /cancel}: drops the question the bot is waiting to have answered, and the dialog's draft. */
@Component
class CancelCommand implements ChatCommand {

    private final Dialogs dialogs;
    private final Outbox outbox;

    CancelCommand(Dialogs dialogs, Outbox outbox) {
        this.dialogs = dialogs;
        this.outbox = outbox;
    }

    @Override
    public Set<String> names() {
        return Set.of("cancel");
    }

    @Override
    public void run(Inbound in, String name, String argument) {
        outbox.text(in.chat(), (dialogs.cancel(in) ? Words.CANCELLED : Words.NOTHING_TO_CANCEL).text(),
                Outbox.PRIORITY_REPLY);
    }
}
