package ru.appealdesk.chat;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

    @Query(value = "select * from outbound_message where status = 'PENDING' and next_attempt_at <= ?1 "
            + "order by priority, id limit ?2 for update skip locked", nativeQuery = true)
    List<OutboundMessage> claimDue(Instant now, int limit);

    @Query(value = "select count(*) from outbound_message where status = 'PENDING' and card_id = ?1 "
            + "and method = 'SEND_MESSAGE'", nativeQuery = true)
    long pendingSendsOfCard(long cardId);

    long countByStatus(OutboundMessage.Status status);
}
