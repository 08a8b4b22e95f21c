package ru.appealdesk.e2e;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;
import ru.appealdesk.support.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost and nothing is sent twice while Telegram misbehaves: 429 with retry_after, 5xx, lost requests,
 * "message is not modified", a user who blocked the bot, permanent errors, and the rate limits — at Telegram's real
 * pace, which the fake Bot API holds the service to.
 */
@org.junit.jupiter.api.Tag("realtime")
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "appealdesk.delivery.private-chat-spacing=1100ms")
class DeliveryResilienceTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    private long helpReplies(String staff) {
        return telegram.messagesTo(user(staff)).stream().filter(m -> m.text().contains("/my — мои обращения")).count();
    }

    private void askHelpAndExpectOneReply(String staff) {
        long before = helpReplies(staff);
        telegram.userSends(user(staff), "/help");
        await().atMost(Duration.ofSeconds(30)).until(() -> helpReplies(staff) == before + 1);
        awaitOutboxDrained();
        assertThat(helpReplies(staff)).isEqualTo(before + 1);
    }

    @Test
    void tooManyRequestsIsHonouredAndTheMessageArrivesOnce() {
        telegram.failNext("sendMessage", 2, 429, "Too Many Requests: retry after 1", 1);
        askHelpAndExpectOneReply("zaitsev");
    }

    @Test
    void serverErrorsAreRetriedWithBackOff() {
        telegram.failNext("sendMessage", 2, 502, "Bad Gateway", null);
        askHelpAndExpectOneReply("egorova");
    }

    @Test
    void aLostRequestTimesOutAndIsRetried(CapturedOutput output) {
        telegram.loseNext("sendMessage", 1, Duration.ofMillis(2500));
        askHelpAndExpectOneReply("smirnova");
        assertThat(output.getAll()).contains("will be retried").doesNotContain(FakeTelegram.TOKEN)
                .doesNotContain("+79990001122");
    }

    @Test
    void messageIsNotModifiedCountsAsDelivered() {
        JsonNode created = register(appealRequest("DD-2026-800001", "roads"));
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "DD-2026-800001", "Взять в работу");
        long editsBefore = telegram.calls().stream().filter("editMessageText"::equals).count();
        telegram.failNext("editMessageText", 1, 400, "Bad Request: message is not modified: specified new message "
                + "content and reply markup are exactly the same", null);

        telegram.press(user(executor), card, "Взять в работу");

        awaitCard(executor, "DD-2026-800001", "Подготовить ответ");
        awaitOutboxDrained();
        assertThat(telegram.calls().stream().filter("editMessageText"::equals).count()).isEqualTo(editsBefore + 1);
        assertThat(api.admin().get("/api/outbox?status=DEAD").json().get("total").asLong()).isZero();
    }

    @Test
    void aUserWhoBlockedTheBotIsReportedToCoordinatorsOnce() {
        telegram.block(user("volkova"));
        telegram.block(user("morozov"));
        register(appealRequest("DD-2026-800002", "roads"));
        register(appealRequest("DD-2026-800003", "roads"));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.admin().get("/api/outbox?status=UNDELIVERABLE").json()
                .get("total").asLong() >= 2);
        Sent report = telegram.awaitText(user("popov"), "не доставляются");
        awaitOutboxDrained();
        long reports = telegram.messagesTo(user("popov")).stream()
                .filter(m -> m.text().contains("не доставляются")).count();
        assertThat(reports).isBetween(1L, 2L);
        assertThat(report.text()).containsAnyOf("Морозов Денис Алексеевич", "Волкова Екатерина Андреевна");

        // when the user writes to the bot again, messages reach them and a later block is reported again
        telegram.unblock(user("volkova"));
        telegram.unblock(user("morozov"));
        askHelpAndExpectOneReply("volkova");
    }

    @Test
    void aPermanentErrorBecomesADeadLetterAnAdminCanRetry() {
        telegram.failNext("sendMessage", 1, 400, "Bad Request: can't parse entities", null);
        long before = helpReplies("kuznetsova");
        telegram.userSends(user("kuznetsova"), "/help");

        JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> api.admin().get("/api/outbox?status=DEAD").json(),
                list -> list.get("total").asLong() > 0);
        long id = dead.at("/latest/0/id").asLong();
        assertThat(dead.at("/latest/0/lastError").asText()).contains("can't parse entities");
        // the chat is named with its messenger: the same number in MAX is another person
        assertThat(dead.at("/latest/0/messenger").asText()).isEqualTo("TELEGRAM");
        assertThat(dead.at("/latest/0/chatId").asLong()).isEqualTo(user("kuznetsova"));
        assertThat(helpReplies("kuznetsova")).isEqualTo(before);

        assertThat(api.admin().post("/api/outbox/" + id + "/retry", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> helpReplies("kuznetsova") == before + 1);
        assertThat(api.admin().post("/api/outbox/" + id + "/retry", "").status()).isEqualTo(409);
    }

    @Test
    void aBurstToManyChatsKeepsTheGlobalLimitAndEveryMessageArrivesOnce() {
        // given 90 messages for 90 chats queued at once (well above 30 per second)
        int chats = 90;
        int rateLimitedBefore = telegram.rateLimitedCalls();
        Instant now = clock.instant();
        for (int i = 0; i < chats; i++) {
            long chat = 900_000 + i;
            telegram.knowChat(chat);
            jdbc.update("insert into outbound_message (chat_id, method, payload, priority, status, attempts, "
                    + "next_attempt_at, created_at) values (?, 'SEND_MESSAGE', ?, 2, 'PENDING', 0, ?, ?)", chat,
                    "{\"text\":\"Сообщение " + i + "\"}", java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
        }
        long start = System.nanoTime();

        // then all arrive, once each, within the limits (the fake answers 429 and records a violation otherwise)
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.stream.IntStream.range(0, chats)
                .allMatch(i -> telegram.messagesTo(900_000 + i).size() == 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isGreaterThan(2.5);
        assertThat(telegram.rateLimitedCalls()).isEqualTo(rateLimitedBefore);
    }

    @Test
    void severalMessagesToOneChatAreSpacedAtLeastASecondApart() {
        long before = helpReplies("lebedeva");
        for (int i = 0; i < 4; i++) {
            telegram.userSends(user("lebedeva"), "/help");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> helpReplies("lebedeva") == before + 4);
        assertThat(telegram.rateLimitedCalls()).isZero();
    }

    @Test
    void callsHangingAtTelegramHoldUpNeitherOtherChatsNorPolling() {
        // given Telegram holding every message for 3 seconds (a hung Bot API)
        telegram.slowDown(Duration.ofSeconds(3));
        try {
            // when twelve people ask for help at once
            java.util.Map<String, Long> before = new java.util.HashMap<>();
            USERS.keySet().stream().limit(12).forEach(person -> before.put(person, helpReplies(person)));
            before.keySet().forEach(person -> telegram.userSends(user(person), "/help"));

            // then more than five replies are under way at once (issue 26 saw exactly five calls hang and nothing
            // else go out; through the client's synchronous calls OkHttp's 5-per-host limit does not apply)
            await().atMost(Duration.ofSeconds(20)).until(() -> telegram.mostHeldAtOnce() >= 10);

            // and the bot keeps polling for updates while they hang
            long polls = telegram.polls();
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.polls() > polls);
            // and each of them gets the reply once, when Telegram is done holding it
            await().atMost(Duration.ofSeconds(30)).until(() -> before.entrySet().stream()
                    .allMatch(e -> helpReplies(e.getKey()) == e.getValue() + 1));
        } finally {
            telegram.slowDown(Duration.ZERO);
        }
        awaitOutboxDrained();
    }
}
