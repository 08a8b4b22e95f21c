package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;

/**
 * Issue 26's interactive lane: a reply to a person (a command's answer, the card they pressed) is leased and called
 * while every call place is taken by bulk messages whose calls hang at Telegram (before, the worker leased nothing until a quarter of the places were free,
 * so a reply waited behind the bulk calls). The fake holds the bulk chats' calls until the test lets them go: no
 * timing decides the outcome. And while a person is acting, cards and reminders to their chat wait, so that the
 * chat's pace is kept for the replies.
 */
@TestPropertySource(properties = {"appealdesk.delivery.parallel-calls=4", "appealdesk.delivery.active-chat-pause=5s"})
class InteractiveLaneTest extends EndToEndTest {

    private static final java.util.concurrent.atomic.AtomicLong BULK = new java.util.concurrent.atomic.AtomicLong();

    @Autowired
    JdbcTemplate jdbc;

    private long helpReplies(String staff) {
        return telegram.messagesTo(user(staff)).stream().filter(m -> m.text().contains("/my — мои обращения")).count();
    }

    @Test
    void aReplyGoesOutWhileBulkCallsHangInEveryPlace() {
        // given every one of the four call places held by a bulk message whose call hangs at Telegram
        List<Long> bulkChats = fillEveryPlaceWithHangingBulk(12);
        try {
            // when a person asks for help
            long before = helpReplies("zaitsev");
            telegram.userSends(user("zaitsev"), "/help");

            // then the reply arrives while the bulk calls still hang
            await().atMost(Duration.ofSeconds(20)).until(() -> helpReplies("zaitsev") == before + 1);
            assertThat(telegram.heldNow()).isEqualTo(4);
            assertThat(telegram.arrivals()).noneMatch(a -> bulkChats.contains(a.chatId()));
        } finally {
            telegram.releaseChats();
        }
        // and the bulk messages all go out once Telegram answers again
        awaitOutboxDrained();
        assertThat(bulkChats).allMatch(chat -> telegram.messagesTo(chat).size() == 1);
    }

    @Test
    void thePressedCardChangesWhileBulkCallsHangInEveryPlace() {
        // given an executor with a new appeal's card
        JsonNode created = register(appealRequest("IL-2026-000001", "roads"));
        String executor = created.get("executor").asText();
        FakeTelegram.Sent card = awaitCard(executor, "IL-2026-000001", "Взять в работу");
        awaitOutboxDrained();
        // and every call place held by a bulk message whose call hangs
        List<Long> bulkChats = fillEveryPlaceWithHangingBulk(12);
        try {
            // when the executor presses «Взять в работу»
            telegram.press(user(executor), card, "Взять в работу");

            // then the card they pressed changes while the bulk calls still hang (its edit is a reply to them)
            awaitCard(executor, "IL-2026-000001", "Подготовить ответ");
            assertThat(telegram.heldNow()).isEqualTo(4);
        } finally {
            telegram.releaseChats();
        }
        awaitOutboxDrained();
    }

    @Test
    void remindersToAPersonWhoIsActingWaitUntilTheyPause() {
        // given a person who has just asked for help
        long chat = user("belov");
        long before = helpReplies("belov");
        telegram.userSends(chat, "/help");
        await().atMost(Duration.ofSeconds(20)).until(() -> helpReplies("belov") == before + 1);
        // and three reminders queued for them as they go on
        queueBulk(List.of(chat, chat, chat));

        // when they ask again
        long actedAt = System.nanoTime();
        telegram.userSends(chat, "/help");

        // then the reply goes out at once, and the reminders only once they have paused for five seconds
        await().atMost(Duration.ofSeconds(20)).until(() -> helpReplies("belov") == before + 2);
        awaitOutboxDrained();
        List<FakeTelegram.Arrival> reminders = telegram.arrivals().stream()
                .filter(a -> a.chatId() == chat && a.text() != null && a.text().contains("Напоминание")).toList();
        assertThat(reminders).hasSize(3);
        long reply = telegram.arrivals().stream().filter(a -> a.chatId() == chat && a.text() != null
                && a.text().contains("/my — мои обращения")).mapToLong(FakeTelegram.Arrival::at).max().orElseThrow();
        assertThat(reminders).allSatisfy(r -> {
            assertThat(r.at()).isGreaterThan(reply);
            assertThat(r.at() - actedAt).isGreaterThanOrEqualTo(Duration.ofSeconds(5).toNanos());
        });
    }

    private void queueBulk(List<Long> chats) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into outbound_message (chat_id, method, payload, priority, status, attempts, "
                + "next_attempt_at, created_at) values (?, 'SEND_MESSAGE', '{\"text\":\"Напоминание\"}', 2, "
                + "'PENDING', 0, ?, ?)", chats.stream().map(chat -> new Object[] {chat, now, now}).toList());
    }

    /** Queues {@code count} bulk messages to chats whose calls hang, and waits until they hold all four places. */
    private List<Long> fillEveryPlaceWithHangingBulk(int count) {
        List<Long> bulkChats = LongStream.range(0, count).map(i -> 7_000_000L + BULK.getAndAdd(1)).boxed().toList();
        bulkChats.forEach(telegram::knowChat);
        telegram.holdChats(bulkChats);
        queueBulk(bulkChats);
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.heldNow() == 4);
        return bulkChats;
    }
}
