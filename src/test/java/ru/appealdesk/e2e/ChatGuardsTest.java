package ru.appealdesk.e2e;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nobody unauthorised gets in: strangers, unregistered users, stale and forged buttons, redelivered updates. */
@ExtendWith(OutputCaptureExtension.class)
class ChatGuardsTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStrangersPressOnSomeoneElsesCardIsRefusedAndChangesNothing() {
        JsonNode created = register(appealRequest("DD-2026-300001", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "DD-2026-300001", "Взять в работу");

        // another executor presses the same button data in their own chat
        String press = telegram.pressData(user("petrova"), card, card.button("Взять в работу").data());

        var answer = telegram.awaitAnswer(press);
        assertThat(answer.alert()).isTrue();
        assertThat(answer.text()).contains("недоступно");
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(appeal(id).get("history")).hasSize(2);
    }

    @Test
    void aPressOnACardMadeForAnEarlierStepIsRefused() {
        JsonNode created = register(appealRequest("DD-2026-300002", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "DD-2026-300002", "Вернуть");
        accept(executor, "DD-2026-300002");

        // the old card's «Вернуть» is pressed after the appeal was accepted
        String press = telegram.pressData(user(executor), card, card.button("Вернуть").data());

        var answer = telegram.awaitAnswer(press);
        assertThat(answer.alert()).isTrue();
        assertThat(answer.text()).contains("Карточка устарела", "В работе");
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anUnregisteredUserIsAnsweredOncePerIntervalAndLearnsNothing() {
        // given a stranger writing in a loop
        long stranger = 777_001;
        telegram.userSends(stranger, "/my");
        telegram.userSends(stranger, "/appeal DD-2026-300001");
        telegram.userSends(stranger, "/start WRONG-CODE");
        telegram.userSends(stranger, "покажите обращения");
        for (int i = 0; i < 20; i++) {
            telegram.userSends(stranger, "сообщение " + i);
        }
        telegram.awaitText(stranger, "Вы не зарегистрированы");

        // when staff use the bot meanwhile (updates are handled in order, so all the stranger's are done)
        long before = telegram.messagesTo(user("petrova")).size();
        telegram.userSends(user("petrova"), "/help");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(user("petrova")).size() > before);

        // then the stranger got one answer, without buttons or appeal data
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> telegram.messagesTo(stranger).size() == 1);
        Sent reply = telegram.messagesTo(stranger).get(0);
        assertThat(reply.text()).contains("не зарегистрированы").doesNotContain("DD-2026");
        assertThat(reply.keyboard()).isEmpty();

        // and is answered again only after the interval
        clock.advance(Duration.ofMinutes(11));
        telegram.userSends(stranger, "/my");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(stranger).size() == 2);
    }

    @Test
    void anUpdateThatCannotBeStoredIsRetriedUntilItIsHandledOnce(CapturedOutput output) {
        // given the database cannot record updates (as when it is down)
        long before = telegram.messagesTo(user("zaitsev")).size();
        jdbc.execute("alter table processed_update rename to processed_update_away");
        try {
            // when a message arrives, it is neither answered nor confirmed (the service tried, and will again)
            telegram.userSends(user("zaitsev"), "/help");
            int update = telegram.lastUpdate().get("update_id").asInt();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> output.getAll().contains("Update " + update + " is not confirmed"));
            assertThat(telegram.idle()).isFalse();
            assertThat(telegram.messagesTo(user("zaitsev"))).hasSize((int) before);
        } finally {
            jdbc.execute("alter table processed_update_away rename to processed_update");
        }

        // then, once the database is back, the same update is handled, once
        await().atMost(Duration.ofSeconds(40)).until(() -> telegram.messagesTo(user("zaitsev")).size() == before + 1);
        assertThat(telegram.messagesTo(user("zaitsev")).get((int) before).text()).contains("AppealDesk");
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user("zaitsev"))).hasSize((int) before + 1);
    }

    @Test
    void aChatWithTooManyRepliesWaitingGetsNoMore() {
        // given 20 replies waiting for zaitsev's chat (held until tomorrow); cards and reminders would not count
        long chat = user("zaitsev");
        jdbc.update("insert into outbound_message (chat_id, method, payload, priority, status, next_attempt_at, "
                + "created_at) select ?, 'SEND_MESSAGE', '{\"text\":\"x\"}', 0, 'PENDING', now() + interval '1 day', "
                + "now() from generate_series(1, 20)", chat);
        try {
            long before = telegram.messagesTo(chat).size();

            // when he writes, no reply is queued
            telegram.userSends(chat, "/help");
            telegram.userSends(user("petrova"), "/help");
            telegram.awaitText(user("petrova"), "AppealDesk");
            awaitOutboxDrained();
            assertThat(telegram.messagesTo(chat)).hasSize((int) before);
            assertThat(jdbc.queryForObject("select count(*) from outbound_message where chat_id = ? and status = "
                    + "'PENDING'", Long.class, chat)).isEqualTo(20);
        } finally {
            jdbc.update("delete from outbound_message where chat_id = ? and payload = '{\"text\":\"x\"}'", chat);
        }
    }

    @Test
    void anInviteCodeWorksOnceAndBindsByTelegramId() {
        // nikitina is not bound by the test base, so binding her here does not disturb other tests
        JsonNode invite = api.admin().post("/api/staff/nikitina/invites", "").json();
        String code = invite.get("code").asText();
        assertThat(invite.get("link").asText()).endsWith("?start=" + code);
        assertThat(invite.has("maxLink")).as("no MAX link without MAX_BOT_USERNAME").isFalse();
        long first = 777_101;
        long second = 777_102;

        telegram.userSends(first, "/start " + code);
        telegram.awaitText(first, "Вы подключены как Никитина Ольга Викторовна");
        telegram.userSends(second, "/start " + code);

        telegram.awaitText(second, "Код приглашения недействителен");
        clock.advance(Duration.ofMinutes(11));
        telegram.userSends(second, "/my");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(second).size() == 2);
        assertThat(telegram.messagesTo(second).get(1).text()).contains("не зарегистрированы");
    }

    @Test
    void aNewInviteRevokesTheEarlierOneAndTheReplacedAccountIsTold() {
        // given two invites for gromov (not bound by the test base): only the newer one works
        String older = api.admin().post("/api/staff/gromov/invites", "").json().get("code").asText();
        String newer = api.admin().post("/api/staff/gromov/invites", "").json().get("code").asText();
        long phone = 777_201;
        long stranger = 777_202;
        telegram.userSends(phone, "/start " + older);
        telegram.awaitText(phone, "Код приглашения недействителен");
        telegram.userSends(phone, "/start " + newer);
        telegram.awaitText(phone, "Вы подключены как Громов");

        // when a third invite binds another account
        String third = api.admin().post("/api/staff/gromov/invites", "").json().get("code").asText();
        telegram.userSends(stranger, "/start " + third);
        telegram.awaitText(stranger, "Вы подключены как Громов");

        // then the replaced account is told and no longer acts for gromov
        telegram.awaitText(phone, "больше не подключён как Громов");
        clock.advance(Duration.ofMinutes(11)); // it was answered as a stranger («invalid code») a moment ago
        int before = telegram.messagesTo(phone).size();
        telegram.userSends(phone, "/my");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(phone).size() > before);
        assertThat(telegram.messagesTo(phone).get(before).text()).contains("не зарегистрированы");
    }

    @Test
    void forgedAndUnknownCallbackDataIsRefused() {
        JsonNode created = register(appealRequest("DD-2026-300003", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "DD-2026-300003", "Взять в работу");

        String unknown = telegram.pressData(user(executor), card, "zzz:1:1");
        String forgedApproval = telegram.pressData(user(executor), card, "apr:" + id + ":1");
        String otherAppeal = telegram.pressData(user("petrova"), card, "acc:" + id + ":1");

        assertThat(telegram.awaitAnswer(unknown).text()).contains("Неизвестная кнопка");
        assertThat(telegram.awaitAnswer(forgedApproval).alert()).isTrue();
        assertThat(telegram.awaitAnswer(otherAppeal).alert()).isTrue();
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");
    }

    @Test
    void aStalePressBySomeoneWhoMayNotSeeTheAppealLearnsNothingAboutIt() {
        // given an appeal of one executor, already accepted
        JsonNode created = register(appealRequest("DD-2026-300013", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        String other = executor.equals("petrova") ? "sidorov" : "petrova";
        Sent card = awaitCard(executor, "DD-2026-300013", "Вернуть");
        accept(executor, "DD-2026-300013");

        // when another executor replays the old card's data, and the owner presses it in a group chat, on an inline
        // message and in the private chat
        String forged = telegram.pressData(user(other), card, card.button("Вернуть").data());
        String inGroup = telegram.pressInChat(user(executor), -100_123, "supergroup", card,
                card.button("Вернуть").data());
        String inline = telegram.pressInline(user(executor), "AAAAAgAAAAAAAAAB", card.button("Вернуть").data());
        String owner = telegram.pressData(user(executor), card, card.button("Вернуть").data());

        // then the stranger to the appeal hears only that the card is stale
        var answer = telegram.awaitAnswer(forged);
        assertThat(answer.text()).contains("Карточка устарела").doesNotContain("DD-2026-300013", "В работе");
        assertThat(telegram.awaitAnswer(owner).text()).contains("DD-2026-300013");
        // the group and inline presses are dropped, yet answered with nothing to say, so no button keeps spinning
        assertThat(telegram.awaitAnswer(inGroup).text()).isNull();
        assertThat(telegram.awaitAnswer(inline).text()).isNull();
        assertThat(telegram.messagesTo(-100_123)).isEmpty();
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anUpdateDeliveredTwiceIsHandledOnce() {
        // given the executor's acceptance press
        JsonNode created = register(appealRequest("DD-2026-300004", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "DD-2026-300004", "Взять в работу");
        telegram.press(user(executor), card, "Взять в работу");
        ObjectNode update = telegram.lastUpdate();
        awaitCard(executor, "DD-2026-300004", "Подготовить ответ");
        awaitStatus(id, "IN_PROGRESS");
        int cards = telegram.messagesTo(user(executor)).size();

        // when Telegram delivers the same update again
        telegram.enqueueRaw(update);
        telegram.userSends(user(executor), "/help");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(user(executor)).size() > cards);
        awaitOutboxDrained();

        // then nothing happened twice: the only new message is the answer to /help
        assertThat(appeal(id).get("history")).hasSize(3);
        assertThat(telegram.messagesTo(user(executor))).hasSize(cards + 1);
        assertThat(telegram.messagesTo(user(executor)).get(cards).text()).contains("/my — мои обращения");
    }

    @Test
    void myListsOpenAppealsNearestDeadlineFirstAndAppealShowsTheCard() {
        JsonNode created = register(appealRequest("DD-2026-300005", "other"));
        String executor = created.get("executor").asText();
        assertThat(executor).isEqualTo("egorova");
        awaitCard(executor, "DD-2026-300005", "Взять в работу");

        telegram.userSends(user(executor), "/my");
        Sent list = telegram.awaitText(user(executor), "Ваши открытые обращения");
        assertThat(list.text()).contains("DD-2026-300005", "Направлено исполнителю");

        telegram.userSends(user("lebedeva"), "/appeal DD-2026-300005");
        Sent shown = telegram.awaitText(user("lebedeva"), "Карточка обращения");
        assertThat(shown.keyboard()).isEmpty();
        assertThat(shown.text()).doesNotContain("+79990001122");
    }

    @Test
    void aCaptionOfAMessageTheBotDoesNotTakeIsNeitherACommandNorADialogsText() {
        // given an executor asked for the reason of a return
        JsonNode created = register(appealRequest("DD-2026-300007", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "DD-2026-300007", "Вернуть");
        telegram.press(user(executor), card, "Вернуть");
        telegram.awaitText(user(executor), "Укажите причину возврата обращения");
        int before = telegram.messagesTo(user(executor)).size();
        int history = appeal(id).get("history").size();

        // when they send voice messages whose captions look like a command and like a reason
        telegram.userSendsVoice(user(executor), "/my");
        telegram.userSendsVoice(user(executor), "Не наша компетенция, п. 2.3 положения");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(user(executor)).size() >= before + 2);
        awaitOutboxDrained();

        // then each is told what the bot takes, as any voice message is; the captions did nothing
        List<Sent> replies = telegram.messagesTo(user(executor)).subList(before, telegram.messagesTo(user(executor))
                .size());
        assertThat(replies).hasSize(2).allSatisfy(m -> assertThat(m.text()).contains("Я понимаю только текст"));
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(appeal(id).get("history")).hasSize(history);
    }

    @Test
    void theFirstCoordinatorToPressWinsAndTheOtherIsToldWhoActed() {
        // given an unrouted appeal: both coordinators have a card
        JsonNode created = register(appealRequest("DD-2026-300006", "no-such-category"));
        long id = created.get("id").asLong();
        Sent sokolovaCard = awaitCard("sokolova", "DD-2026-300006", "Петрова А.С.");
        Sent popovCard = awaitCard("popov", "DD-2026-300006", "Сидоров П.И.");

        // when both press at once, for different executors
        String first = telegram.press(user("popov"), popovCard, "Сидоров П.И.");
        String second = telegram.press(user("sokolova"), sokolovaCard, "Петрова А.С.");

        // then the appeal changed once, and the loser's alert names who acted
        assertThat(telegram.awaitAnswer(first).alert()).isFalse();
        var lost = telegram.awaitAnswer(second);
        assertThat(lost.alert()).isTrue();
        assertThat(lost.text()).contains("Карточка устарела", "Попов А.Е.");
        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("executor").asText()).isEqualTo("sidorov");
        assertThat(assigned.get("history")).hasSize(2);
        telegram.awaitMessage(user("sokolova"), m -> m.messageId() == sokolovaCard.messageId()
                && m.text().contains("Назначено исполнителю Сидоров П.И. (Попов А.Е.)") && m.keyboard().isEmpty());
    }

    @Test
    void theBotRegisteredItsCommands() {
        assertThat(telegram.calls()).contains("deleteWebhook", "setMyCommands", "getUpdates");
    }
}
