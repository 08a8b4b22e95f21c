package ru.appealdesk.bot.cards;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.support.DatabaseSliceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A card changed while its message is in flight keeps the message id the delivery recorded meanwhile: the id is the
 * delivery's column alone (the lost update behind the intermittent «the card was never delivered» of a card's edit).
 */
class CardMessageIdTest extends DatabaseSliceTest {

    @Autowired
    CardRepository cards;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChangeMadeWhileTheMessageWasInFlightKeepsTheDeliveredId() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long id = tx.execute(s -> cards.save(new Card(7, Card.Kind.values()[0],
                new ChatAddress(MessengerKind.TELEGRAM, 200_011), 1, "Карточка", Instant.now())).id());

        // given a transaction that read the card before its message was delivered, and changes it
        tx.executeWithoutResult(s -> {
            Card read = cards.findById(id).orElseThrow();
            // when the delivery records the message's id meanwhile, in a transaction of its own
            new TransactionTemplate(transactions, new org.springframework.transaction.support
                    .DefaultTransactionDefinition(org.springframework.transaction.TransactionDefinition
                    .PROPAGATION_REQUIRES_NEW)).executeWithoutResult(d -> cards.recordDelivered(id, "4711"));
            read.close();
        });

        // then the id is kept
        String kept = tx.execute(s -> cards.findById(id).orElseThrow().messageId());
        assertThat(kept).isEqualTo("4711");
    }
}
