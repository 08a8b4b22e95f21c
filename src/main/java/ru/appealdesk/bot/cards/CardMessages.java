package ru.appealdesk.bot.cards;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.delivery.MessageDelivered;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.delivery.SentMessages;

/**
 * Cards through the outbox: a card is stored with the text of its message, the message is keyed with the card's
 * id, and the card learns its messenger's message id when delivery reports it; closing a card edits that message.
 */
@Component
public class CardMessages implements SentMessages {

    private final CardRepository cards;
    private final Outbox outbox;
    private final Clock clock;

    CardMessages(CardRepository cards, Outbox outbox, Clock clock) {
        this.cards = cards;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends HTML text (split if long); the last part carries the buttons and, if {@code kind} is set, is a card. */
    public Card send(ChatAddress chat, String header, String body, List<List<Button>> keyboard, int priority,
                     Card.Kind kind, long appealId, int step) {
        return send(chat, header, body, "", keyboard, priority, kind, appealId, step);
    }

    /** As above; parts after the first start with {@code continuation} so a reader knows what they continue. */
    public Card send(ChatAddress chat, String header, String body, String continuation, List<List<Button>> keyboard,
              int priority, Card.Kind kind, long appealId, int step) {
        List<String> parts = Html.chunks(header, body, continuation);
        Card card = kind == null ? null : cards.save(new Card(appealId, kind, chat, step,
                parts.get(parts.size() - 1), clock.instant()));
        outbox.send(chat, parts, Keyboards.forMessenger(keyboard, chat.messenger(), appealId, step), priority,
                card == null ? null : card.id());
        return card;
    }

    /** Closes a card: edits its text to end with {@code statusLine} and removes its buttons. */
    public void close(Card card, String statusLine) {
        String closed = card.text() + "\n\n" + statusLine;
        card.close();
        outbox.edit(card.chat(), card.id(), closed);
    }

    /**
     * Closes a card whatever became of it: if its message is still waiting, it is not sent at all; if it was sent,
     * it is edited to end with {@code statusLine} and lose its buttons.
     */
    public void retire(Card card, String statusLine) {
        if (outbox.withdraw(card.id())) {
            card.close();
            return;
        }
        close(card, statusLine);
    }

    @Override
    public Optional<String> messageIdOf(long key) {
        return cards.findById(key).map(Card::messageId);
    }

    @EventListener
    void on(MessageDelivered delivered) {
        cards.recordDelivered(delivered.key(), delivered.messageId());
    }
}
