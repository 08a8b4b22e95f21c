package ru.appealdesk.bot.cards;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CardRepository extends JpaRepository<Card, Long> {

    @Query("select c from Card c where c.appealId = ?1 and c.active = true order by c.id")
    List<Card> activeOf(long appealId);

    /** Whether the message is a card of one of these kinds whose buttons were taken off. */
    @Query("select count(c) > 0 from Card c where c.chatId = ?1 and c.messageId = ?2 and c.active = false "
            + "and c.kind in ?3")
    boolean isRetired(long chatId, int messageId, java.util.Collection<Card.Kind> kinds);
}
