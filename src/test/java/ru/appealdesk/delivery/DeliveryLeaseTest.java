package ru.appealdesk.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.support.DatabaseSliceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases: one message of a chat in flight at a time, a live lease keeps other instances off, an expired one (a
 * crashed instance) lets another take the message again.
 */
class DeliveryLeaseTest extends DatabaseSliceTest {

    private static final long CHAT = -901;

    @Autowired
    OutboundMessageRepository messages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aMessageOfASenderThatFellSilentIsTakenOverLongBeforeItsLeaseEnds() {
        // given a message instance A leased for a minute, A saying it is alive
        Instant businessNow = START.plus(Duration.ofDays(365));
        long first = insert(START.plus(Duration.ofDays(300)));
        Instant wallNow = Instant.now();
        try {
            assertThat(lease(List.of(first), wallNow, "A-silent")).containsExactly(first);

            // while A said it is alive within 15 seconds, nobody else takes it
            Instant soon = wallNow.plusSeconds(14);
            assertThat(headsOfChat(businessNow, soon)).isEmpty();

            // when A has been silent for more than 15 seconds (killed), its lease still has 45 seconds to run, yet
            // B takes the message over at once (before: after the whole lease, up to two minutes of silence)
            Instant later = wallNow.plusSeconds(16);
            assertThat(headsOfChat(businessNow, later)).containsExactly(first);
            assertThat(lease(List.of(first), later, "B-alive")).containsExactly(first);
            assertThat(tx.execute(s -> messages.findById(first).orElseThrow()).leasedTo("B-alive")).isTrue();
        } finally {
            jdbc.update("delete from outbound_message where chat_id = ?", CHAT);
        }
    }

    @Test
    void aLiveLeaseKeepsOthersOffAndAnExpiredOneLetsThemTakeTheMessage() {
        // given two messages of one chat, due only in a far future the running sender does not look at
        Instant future = START.plus(Duration.ofDays(300));
        Instant businessNow = START.plus(Duration.ofDays(365));
        long first = insert(future);
        long second = insert(future);
        Instant wallNow = Instant.now();
        try {
            // the head is the first message; instance A leases it
            assertThat(headsOfChat(businessNow, wallNow)).containsExactly(first);
            assertThat(lease(List.of(first), wallNow, "A")).containsExactly(first);

            // while A's lease lives: no head for the chat, and B gets neither message
            assertThat(headsOfChat(businessNow, wallNow)).isEmpty();
            assertThat(lease(List.of(first), wallNow, "B")).isEmpty();
            assertThat(lease(List.of(second), wallNow, "B")).isEmpty();

            // when A's lease has expired (A crashed), B takes the same message again, and A's outcome is refused
            Instant later = wallNow.plus(Duration.ofMinutes(2));
            assertThat(headsOfChat(businessNow, later)).containsExactly(first);
            assertThat(lease(List.of(first), later, "B")).containsExactly(first);
            OutboundMessage taken = tx.execute(s -> messages.findById(first).orElseThrow());
            assertThat(taken.leasedTo("B")).isTrue();
            assertThat(taken.leasedTo("A")).isFalse();
        } finally {
            jdbc.update("delete from outbound_message where chat_id = ?", CHAT);
        }
    }

    @Test
    void theSameChatIdInAnotherMessengerIsAnotherChat() {
        // given a message to the chat in MAX and one to the same number in Telegram
        Instant future = START.plus(Duration.ofDays(300));
        Instant businessNow = START.plus(Duration.ofDays(365));
        long max = insert(future, "MAX");
        long telegram = insert(future, "TELEGRAM");
        Instant wallNow = Instant.now();
        try {
            // each messenger's sender sees only its own, each as the head of its chat
            assertThat(headsOfChat(businessNow, wallNow, "MAX")).containsExactly(max);
            assertThat(headsOfChat(businessNow, wallNow, "TELEGRAM")).containsExactly(telegram);

            // when MAX's is in flight, Telegram's is still a head and can be leased
            assertThat(lease(List.of(max), wallNow, "A")).containsExactly(max);
            assertThat(headsOfChat(businessNow, wallNow, "MAX")).isEmpty();
            assertThat(headsOfChat(businessNow, wallNow, "TELEGRAM")).containsExactly(telegram);
            assertThat(lease(List.of(telegram), wallNow, "A")).containsExactly(telegram);
        } finally {
            jdbc.update("delete from outbound_message where chat_id = ?", CHAT);
        }
    }

    private List<Long> headsOfChat(Instant businessNow, Instant wallNow) {
        return headsOfChat(businessNow, wallNow, "TELEGRAM");
    }

    private List<Long> headsOfChat(Instant businessNow, Instant wallNow, String messenger) {
        return messages.heads(businessNow, wallNow, 10_000, messenger, Integer.MAX_VALUE).stream().filter(h -> h.getChatId() == CHAT)
                .map(OutboundMessageRepository.Head::getId).toList();
    }

    private List<Long> lease(List<Long> ids, Instant wallNow, String owner) {
        // a running sender says it is alive before it leases
        tx.executeWithoutResult(s -> messages.heartbeat(owner, wallNow));
        return tx.execute(s -> messages.lease(ids.toArray(Long[]::new), wallNow, wallNow.plus(Duration.ofMinutes(1)),
                owner));
    }

    private long insert(Instant due) {
        return insert(due, "TELEGRAM");
    }

    private long insert(Instant due, String messenger) {
        return jdbc.queryForObject("insert into outbound_message (messenger, chat_id, method, payload, priority, "
                + "status, next_attempt_at, created_at) values (?, ?, 'SEND_MESSAGE', '{}', 1, 'PENDING', ?, ?) "
                + "returning id", Long.class, messenger, CHAT, Timestamp.from(due), Timestamp.from(START));
    }
}
