package ru.appealdesk.bot.cards;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

public interface CardRepository extends JpaRepository<Card, Long> {

    /** The messenger's id of the card's message, once delivered: its own column, written by nothing else. */
    @org.springframework.data.jpa.repository.Modifying
    @Query(value = "update card set message_id = ?2 where id = ?1", nativeQuery = true)
    int recordDelivered(long cardId, String messageId);

    @Query("select c from Card c where c.appealId = ?1 and c.active = true order by c.id")
    List<Card> activeOf(long appealId);

    /** Whether the message is a card of one of these kinds whose buttons were taken off. */
    @Query("select count(c) > 0 from Card c where c.messenger = ?1 and c.chatId = ?2 and c.messageId = ?3 "
            + "and c.active = false and c.kind in ?4")
    boolean isRetired(MessengerKind messenger, long chatId, String messageId, java.util.Collection<Card.Kind> kinds);

    /** Whether the message in this chat is a card of one of these kinds whose buttons were taken off. */
    default boolean isRetired(ChatAddress chat, String messageId, java.util.Collection<Card.Kind> kinds) {
        return isRetired(chat.messenger(), chat.chatId(), messageId, kinds);
    }
}
