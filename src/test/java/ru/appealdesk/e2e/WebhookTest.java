package ru.appealdesk.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram.Sent;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.StandaloneService;
import ru.appealdesk.support.OutboxDrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook mode: setWebhook with the secret at start; updates only with the matching secret header; many
 * simultaneous presses on one card change the appeal once; a redelivered update is handled once; hostile bodies
 * are refused.
 */
class WebhookTest {

    static final String SECRET = "webhook-secret_123";
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger UPDATE_IDS = new AtomicInteger(50_000);
    static final long SOKOLOVA = 400_001;
    static final long POPOV = 400_002;
    static final long PETROVA = 400_003;
    static final long SIDOROV = 400_004;

    static FakeTelegram telegram;
    static ConfigurableApplicationContext app;
    static Api api;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        app = StandaloneService.start(telegram, "appealdesk-webhook-test",
                "--appealdesk.telegram.mode=Webhook", // any letter case
                "--appealdesk.telegram.webhook-url=https://appealdesk.example/telegram/webhook",
                "--appealdesk.telegram.webhook-secret=" + SECRET,
                "--appealdesk.delivery.poll-interval=200ms");
        api = new Api(StandaloneService.port(app));
        for (var e : java.util.Map.of("sokolova", SOKOLOVA, "popov", POPOV, "petrova", PETROVA, "sidorov", SIDOROV)
                .entrySet()) {
            String code = api.admin().post("/api/staff/" + e.getKey() + "/invites", "").json().get("code").asText();
            telegram.knowChat(e.getValue());
            assertThat(post(message(e.getValue(), "/start " + code), SECRET)).isEqualTo(200);
            telegram.awaitText(e.getValue(), "Вы подключены");
        }
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
    }

    @Test
    void theServiceRegisteredItsWebhookWithTheSecretAndDoesNotPoll() {
        assertThat(telegram.calls()).contains("setWebhook", "setMyCommands").doesNotContain("getUpdates");
    }

    /** Everything the updates posted so far made the service send has arrived. */
    private static void drained() {
        OutboxDrained.await(telegram, app.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
                java.time.Clock.systemUTC());
    }

    @Test
    void updatesWithoutTheRightSecretAreRefused() {
        int before = telegram.messagesTo(SOKOLOVA).size();

        assertThat(post(message(SOKOLOVA, "/help"), "wrong-secret")).isEqualTo(401);
        assertThat(post(message(SOKOLOVA, "/help"), null)).isEqualTo(401);
        assertThat(post(message(SOKOLOVA, "/help"), SECRET.substring(0, SECRET.length() - 1))).isEqualTo(401);
        assertThat(post(message(SOKOLOVA, "/help"), SECRET)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(SOKOLOVA).size() == before + 1);
        drained();
        assertThat(telegram.messagesTo(SOKOLOVA)).hasSize(before + 1);
    }

    @Test
    void anUpdateThatCannotBeStoredIsNotConfirmedAndIsHandledWhenTelegramRetries() {
        // given the database cannot record updates (as when it is down)
        var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        int before = telegram.messagesTo(SOKOLOVA).size();
        ObjectNode update = message(SOKOLOVA, "/help");
        jdbc.execute("alter table processed_update rename to processed_update_away");
        try {
            // when Telegram delivers an update, it is not confirmed
            assertThat(post(update, SECRET)).isEqualTo(503);
        } finally {
            jdbc.execute("alter table processed_update_away rename to processed_update");
        }

        // then Telegram's retry of the same update is handled, once
        assertThat(post(update, SECRET)).isEqualTo(200);
        assertThat(post(update, SECRET)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(SOKOLOVA).size() == before + 1);
        drained();
        assertThat(telegram.messagesTo(SOKOLOVA)).hasSize(before + 1);
    }

    @Test
    void manyPeoplePressingOneCardAtOnceChangeTheAppealOnce() throws Exception {
        // given an unrouted appeal: both coordinators have a card with a button per executor
        JsonNode created = api.post("/api/appeals", JSON.createObjectNode().put("source", "POS")
                .put("externalId", "WH-1").put("category", "unknown-category").put("text", "Текст").toString()).json();
        long id = created.get("id").asLong();
        Sent sokolovaCard = telegram.awaitMessage(SOKOLOVA, m -> m.text().contains("WH-1") && m.hasButton("Петрова"));
        Sent popovCard = telegram.awaitMessage(POPOV, m -> m.text().contains("WH-1") && m.hasButton("Сидоров"));

        // when 16 presses arrive at the same moment, from both coordinators, for different executors
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean bySokolova = i % 2 == 0;
            Sent card = bySokolova ? sokolovaCard : popovCard;
            String data = card.button(bySokolova ? "Петрова" : "Сидоров").data();
            ObjectNode press = callback(bySokolova ? SOKOLOVA : POPOV, card, data);
            results.add(pool.submit(() -> {
                go.await();
                return post(press, SECRET);
            }));
        }
        go.countDown();
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();

        // then the appeal was assigned exactly once, and 15 presses were answered with an alert
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/appeals/" + id).json().get("status")
                .asText().equals("ASSIGNED"));
        JsonNode appeal = api.get("/api/appeals/" + id).json();
        assertThat(appeal.get("history")).hasSize(2);
        assertThat(appeal.get("executor").asText()).isIn("petrova", "sidorov");
        String executor = appeal.get("executor").asText();
        long executorChat = executor.equals("petrova") ? PETROVA : SIDOROV;
        telegram.awaitMessage(executorChat, m -> m.text().contains("WH-1") && m.hasButton("Взять в работу"));
        long otherChat = executorChat == PETROVA ? SIDOROV : PETROVA;
        assertThat(telegram.messagesTo(otherChat)).noneMatch(m -> m.text().contains("WH-1"));
    }

    @Test
    void theSameUpdateDeliveredTwiceAtOnceIsHandledOnce() throws Exception {
        int before = telegram.messagesTo(PETROVA).size();
        ObjectNode update = message(PETROVA, "/help");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> post(update, SECRET)));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(PETROVA).size() > before);
        drained();
        assertThat(telegram.messagesTo(PETROVA)).hasSize(before + 1);
    }

    @Test
    void hostileBodiesAreRefusedAndChangeNothing() {
        assertThat(postRaw("{\"update_id\": ".getBytes(), SECRET)).isEqualTo(400);
        assertThat(postRaw("[".repeat(5000).getBytes(), SECRET)).isEqualTo(400);
        assertThat(postRaw(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, SECRET)).isEqualTo(400);
        assertThat(postRaw(("{\"update_id\": 1, \"x\": \"" + "a".repeat(300_000) + "\"}").getBytes(), SECRET))
                .isEqualTo(413);
        assertThat(postRaw("{\"message\": {}}".getBytes(), SECRET)).isEqualTo(400);
        // a huge chat message from a registered user is answered, not stored
        assertThat(post(message(SOKOLOVA, "я".repeat(6000)), SECRET)).isEqualTo(200);
        telegram.awaitMessage(SOKOLOVA, m -> m.text().contains("Я жду действий через кнопки"));
        assertThat(telegram.takeViolations()).isEmpty();
    }

    static ObjectNode message(long userId, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode message = update.putObject("message");
        message.put("message_id", UPDATE_IDS.get()).put("date", 1_700_000_000).put("text", text);
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U");
        message.putObject("chat").put("id", userId).put("type", "private");
        if (text.startsWith("/")) {
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", text.split(" ")[0].length());
        }
        return update;
    }

    static ObjectNode callback(long userId, Sent card, String data) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "wh-" + UPDATE_IDS.get()).put("chat_instance", "ci").put("data", data);
        query.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U");
        ObjectNode msg = query.putObject("message");
        msg.put("message_id", card.messageId()).put("date", 1_700_000_000);
        msg.putObject("chat").put("id", card.chatId()).put("type", "private");
        return update;
    }

    static int post(ObjectNode update, String secret) {
        return postRaw(update.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), secret);
    }

    static int postRaw(byte[] body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return api.send(request).status();
    }
}
