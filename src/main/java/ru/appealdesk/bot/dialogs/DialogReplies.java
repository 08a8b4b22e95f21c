package ru.appealdesk.bot.dialogs;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardMessages;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.workflow.AppealView;

/** How a dialog speaks to the person it asks: a reply, or a card of the appeal's step, both at reply priority. */
@Component
class DialogReplies {

    private final Outbox outbox;
    private final CardMessages cardMessages;

    DialogReplies(Outbox outbox, CardMessages cardMessages) {
        this.outbox = outbox;
        this.cardMessages = cardMessages;
    }

    void text(Inbound in, String html) {
        outbox.text(in.chat(), html, Outbox.PRIORITY_REPLY);
    }

    /** The drawn card, kept in the {@code card} table as {@code kind} of the appeal's current step. */
    void card(Inbound in, AppealView a, Message card, Card.Kind kind) {
        cardMessages.send(in.chat(), card.header(), card.body(), card.buttons(), Outbox.PRIORITY_REPLY, kind,
                a.id(), a.step());
    }
}
