package ru.appealdesk.chat;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Spring Data repositories of the chat module. */
final class ChatRepositories {

    private ChatRepositories() {
    }

    interface CardRepository extends JpaRepository<Card, Long> {

        @Query("select c from Card c where c.appealId = ?1 and c.active = true order by c.id")
        List<Card> activeOf(long appealId);
    }

    interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

        @Query(value = "select * from outbound_message where status = 'PENDING' and next_attempt_at <= ?1 "
                + "order by priority, id limit ?2 for update skip locked", nativeQuery = true)
        List<OutboundMessage> claimDue(Instant now, int limit);

        @Query(value = "select count(*) from outbound_message where status = 'PENDING' and card_id = ?1 "
                + "and method = 'SEND_MESSAGE'", nativeQuery = true)
        long pendingSendsOfCard(long cardId);

        long countByStatus(OutboundMessage.Status status);
    }

    interface ConversationRepository extends JpaRepository<Conversation, Long> {
    }

    interface ProcessedUpdates extends org.springframework.data.repository.Repository<Conversation, Long> {

        /** Records an update id; 0 when it was handled before. */
        @Modifying
        @Query(value = "insert into processed_update (update_id, processed_at) values (?1, ?2) "
                + "on conflict do nothing", nativeQuery = true)
        int markProcessed(long updateId, Instant at);
    }
}
