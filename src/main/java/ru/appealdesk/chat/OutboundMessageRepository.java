package ru.appealdesk.chat;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

    /**
     * The next message of each chat that is due in business time (quiet hours): the most urgent first (replies,
     * then cards and escalations, then bulk reminders), in order within a priority; the most urgent chats first;
     * only if its wall-clock retry time has come, so a chat in back-off waits as a whole.
     * Locked for this transaction; rows another instance holds are skipped.
     */
    @Query(value = """
            select * from outbound_message where id in (
                select id from (
                    select id, priority,
                           row_number() over (partition by chat_id order by priority, id) as position
                    from outbound_message
                    where status = 'PENDING' and next_attempt_at <= ?1
                ) heads
                where position = 1
            )
            and (retry_at is null or retry_at <= ?2)
            order by priority, id
            limit ?3
            for update skip locked""", nativeQuery = true)
    List<OutboundMessage> claimHeads(Instant businessNow, Instant wallNow, int limit);

    @Query(value = "select count(*) from outbound_message where status = 'PENDING' and card_id = ?1 "
            + "and method = 'SEND_MESSAGE'", nativeQuery = true)
    long pendingSendsOfCard(long cardId);

    /** Earlier, not yet sent edits of a card are replaced by the newest one. */
    @Modifying(flushAutomatically = true)
    @Query(value = "update outbound_message set status = 'SUPERSEDED', payload = '{}' where status = 'PENDING' "
            + "and card_id = ?1 "
            + "and method = 'EDIT_MESSAGE'", nativeQuery = true)
    int supersedeEdits(long cardId);

    /** A card's message that was not sent yet will not be sent. */
    @Modifying(flushAutomatically = true)
    @Query(value = "update outbound_message set status = 'SUPERSEDED', payload = '{}' where status = 'PENDING' "
            + "and card_id = ?1 and method = 'SEND_MESSAGE'", nativeQuery = true)
    int supersedeSends(long cardId);

    long countByStatus(OutboundMessage.Status status);

    @Query(value = "select count(*) from outbound_message where chat_id = ?1 and status = 'PENDING'",
            nativeQuery = true)
    long countPendingInChat(long chatId);

    List<OutboundMessage> findTop200ByStatusOrderByIdDesc(OutboundMessage.Status status);

    @Modifying
    @Query(value = "insert into undeliverable_chat (chat_id, reason, reported_at) values (?1, ?2, ?3) "
            + "on conflict do nothing", nativeQuery = true)
    int markUndeliverable(long chatId, String reason, Instant at);

    @Modifying
    @Query(value = "delete from undeliverable_chat where chat_id = ?1", nativeQuery = true)
    int markReachable(long chatId);
}
