package ru.appealdesk.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

    /** The head of a chat's queue: its id and chat. */
    interface Head {
        long getId();

        long getChatId();

        String getMethod();

        int getPriority();
    }

    /**
     * The next message of each chat that is due in business time (quiet hours) and wall-clock time (back-off): the
     * most urgent first (replies, then cards and escalations, then bulk reminders), in order within a priority;
     * none for a chat that has a message in flight under a live lease; only messages of {@code maxPriority} or more
     * urgent (replies alone, when only a reply place is free). Read without locks: {@link #lease} decides.
     * The chats in flight are one small hashed set, not a probe per queued message: the queue's statistics are often
     * stale (it empties and fills within minutes), and a probe per row then chose a scan of every open message.
     */
    @Query(value = """
            select id, chat_id as chatId, method, priority from (
                select id, chat_id, method, priority, retry_at,
                       row_number() over (partition by chat_id order by priority, id) as position
                from outbound_message
                where messenger = ?4 and priority <= ?5
                  and (status = 'PENDING' or (status = 'IN_FLIGHT' and (lease_until < ?2
                       or lease_owner not in (select h.owner from delivery_heartbeat h where h.seen_at >= cast(?2 as timestamptz) - interval '15 seconds')))) and next_attempt_at <= ?1
            ) heads
            where position = 1 and (retry_at is null or retry_at <= ?2)
              and chat_id not in (select f.chat_id from outbound_message f
                                  where f.messenger = ?4 and f.status = 'IN_FLIGHT' and f.lease_until >= ?2
                                    and f.lease_owner in (select h.owner from delivery_heartbeat h where h.seen_at >= cast(?2 as timestamptz) - interval '15 seconds'))
            order by priority, id
            limit ?3""", nativeQuery = true)
    List<Head> heads(Instant businessNow, Instant wallNow, int limit, String messenger, int maxPriority);

    /**
     * Leases the given messages to {@code owner} until {@code leaseUntil}: only those still claimable (re-checked
     * under the row lock, rows another instance holds skipped) and only if their chat has nothing else in flight.
     * Returns the leased ids. The locked rows are a materialized CTE joined by primary key: as an {@code IN}
     * sub-select, the planner (with statistics from a moment the queue was empty) re-ran the locking scan once per
     * pending row, a second per lease with a few thousand queued messages.
     */
    @Query(value = """
            with claimable as materialized (
                select c.id, c.messenger, c.chat_id from outbound_message c
                where c.id = any(cast(?1 as bigint[]))
                  and (c.status = 'PENDING' or (c.status = 'IN_FLIGHT' and (c.lease_until < ?2
                       or c.lease_owner not in (select h.owner from delivery_heartbeat h where h.seen_at >= cast(?2 as timestamptz) - interval '15 seconds'))))
                for update skip locked)
            update outbound_message m set status = 'IN_FLIGHT', lease_until = ?3, lease_owner = ?4
            from claimable
            where m.id = claimable.id
              and claimable.chat_id not in (select f.chat_id from outbound_message f
                                            where f.messenger = claimable.messenger and f.status = 'IN_FLIGHT'
                                              and f.lease_until >= ?2 and f.lease_owner in (select h.owner from delivery_heartbeat h where h.seen_at >= cast(?2 as timestamptz) - interval '15 seconds'))
            returning m.id""", nativeQuery = true)
    List<Long> lease(Long[] ids, Instant wallNow, Instant leaseUntil, String owner);

    /**
     * The sender {@code owner} is alive at {@code at}: messages it holds in flight stay its own while it says so at
     * least every 15 seconds; after that another sender takes them over, however long their leases were.
     */
    @Modifying
    @Query(value = "insert into delivery_heartbeat (owner, seen_at) values (?1, ?2) "
            + "on conflict (owner) do update set seen_at = excluded.seen_at", nativeQuery = true)
    int heartbeat(String owner, Instant at);

    @Query(value = "select count(*) from outbound_message where status in ('PENDING', 'IN_FLIGHT') and card_id = ?1 "
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

    /**
     * Replies waiting for the chat, what the per-chat cap counts: not alerts, reports or cards (the leading parts of
     * a card too long for one message carry no card id and are counted, an approximation on the strict side).
     */
    @Query(value = "select count(*) from outbound_message where messenger = ?1 and chat_id = ?2 "
            + "and status in ('PENDING', 'IN_FLIGHT') "
            + "and priority in (" + OutboundMessage.PRIORITY_REPLY + ", " + OutboundMessage.PRIORITY_STRANGER + ") "
            + "and card_id is null and method in ('SEND_MESSAGE', 'SEND_MEDIA')", nativeQuery = true)
    long countRepliesWaiting(String messenger, long chatId);

    List<OutboundMessage> findTop200ByStatusOrderByIdDesc(OutboundMessage.Status status);

    @Modifying
    @Query(value = "insert into undeliverable_chat (messenger, chat_id, reason, reported_at) values (?1, ?2, ?3, ?4) "
            + "on conflict do nothing", nativeQuery = true)
    int markUndeliverable(String messenger, long chatId, String reason, Instant at);

    @Modifying
    @Query(value = "delete from undeliverable_chat where messenger = ?1 and chat_id = ?2", nativeQuery = true)
    int markReachable(String messenger, long chatId);
}
