package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing without an answer (PRODUCT.md §9, seed 004 п.21): from a coordinator's card and through the REST API. */
class CloseWithoutAnswerTest extends EndToEndTest {

    @Test
    void aCoordinatorClosesAnUnroutedAppealAsADuplicate() {
        // given an appeal nobody was routed to, on both coordinators' cards
        long id = register(appealRequest("CL-2026-500001", "potholes-unknown")).get("id").asLong();
        Sent card = awaitCard("sokolova", "CL-2026-500001", "Закрыть без ответа");
        awaitCard("popov", "CL-2026-500001", "Закрыть без ответа");

        // when a coordinator chooses «Дубликат» and gives a comment too short to mean anything
        long chat = user("sokolova");
        int seen = telegram.messagesTo(chat).size();
        telegram.press(chat, card, "Закрыть без ответа");
        Sent choice = awaitNew(chat, seen, m -> m.hasButton("Дубликат") && m.hasButton("Угрозы или оскорбления"));
        telegram.press(chat, choice, "Дубликат");
        telegram.awaitText(chat, "Укажите номер обращения, дубликатом которого является № CL-2026-500001");
        telegram.userSends(chat, "дуб");

        // then the comment is refused and nothing changes
        telegram.awaitText(chat, "Комментарий слишком короткий");
        assertThat(appeal(id).get("status").asText()).isEqualTo("NEW");

        // when the coordinator writes a real comment
        telegram.userSends(chat, "Повтор обращения CL-2026-499999 того же заявителя");

        // then the appeal is closed as a duplicate, the comment kept, and every coordinator's card says so
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("DUPLICATE");
        JsonNode last = closed.get("history").get(closed.get("history").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("CLOSED_DUPLICATE");
        assertThat(last.get("actor").asText()).isEqualTo("sokolova");
        assertThat(last.get("comment").asText()).isEqualTo("Повтор обращения CL-2026-499999 того же заявителя");
        assertThat(closed.get("overdue").asBoolean()).isFalse();
        telegram.awaitText(chat, "Обращение закрыто: «Дубликат»");
        Sent other = telegram.awaitMessage(user("popov"), m -> m.text().contains("CL-2026-500001")
                && m.text().contains("Закрыто: Дубликат (Соколова Т.А.)"));
        assertThat(other.keyboard()).isEmpty();
    }

    @Test
    void aCoordinatorClosesAnAppealInWorkForThreatsAndTheExecutorIsTold() {
        // given an appeal the executor has taken into work
        JsonNode created = register(appealRequest("CL-2026-500002", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent inWork = accept(executor, "CL-2026-500002");

        // when the executor forges the coordinator's button
        String step = inWork.button("Подготовить ответ").data().split(":")[2];
        String forged = telegram.pressData(user(executor), inWork, "cls:" + id + ":" + step);

        // then it is refused and nothing changes
        assertThat(telegram.awaitAnswer(forged).text()).contains("Это действие вам недоступно");
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");

        // when a coordinator opens the appeal and closes it for threats
        long chat = user("popov");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/appeal CL-2026-500002");
        Sent card = awaitNew(chat, seen, m -> m.hasButton("Закрыть без ответа"));
        assertThat(card.text()).contains("в работе у исполнителя");
        seen = telegram.messagesTo(chat).size();
        telegram.press(chat, card, "Закрыть без ответа");
        telegram.press(chat, awaitNew(chat, seen, m -> m.hasButton("Угрозы или оскорбления")),
                "Угрозы или оскорбления");
        telegram.awaitText(chat, "ст. 11 59-ФЗ");
        telegram.userSends(chat, "Нецензурная брань и угрозы в адрес сотрудников");

        // then it is closed without an answer, the executor is told and their card loses its buttons
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("NO_ANSWER");
        telegram.awaitText(user(executor), "закрыто: «Оставлено без ответа» (Попов");
        Sent executorCard = telegram.awaitMessage(user(executor), m -> m.messageId() == inWork.messageId()
                && m.text().contains("Закрыто: Оставлено без ответа"));
        assertThat(executorCard.keyboard()).isEmpty();
    }

    @Test
    void aCloseButtonFromBeforeAReassignmentIsStale() {
        // given an unrouted appeal on two coordinators' cards
        long id = register(appealRequest("CL-2026-500003", "potholes-unknown")).get("id").asLong();
        Sent mine = awaitCard("sokolova", "CL-2026-500003", "Закрыть без ответа");
        Sent theirs = awaitCard("popov", "CL-2026-500003", "Егорова Н.Ю.");

        // when one coordinator assigns it and the other then presses «Закрыть без ответа» on the old card
        telegram.press(user("popov"), theirs, "Егорова Н.Ю.");
        awaitStatus(id, "ASSIGNED");
        String press = telegram.pressData(user("sokolova"), mine, mine.button("Закрыть без ответа").data());

        // then the press is refused as stale and the appeal stays with the executor
        assertThat(telegram.awaitAnswer(press).text()).contains("Карточка устарела");
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");
    }

    @Test
    void thePortalClosesThroughTheApiAndWrongRequestsChangeNothing() {
        // given an appeal with its executor
        JsonNode created = register(appealRequest("CL-2026-500004", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "CL-2026-500004", "Взять в работу");

        // when the portal sends requests that cannot close it
        Api.Response published = api.post("/api/appeals/" + id + "/close",
                "{\"resolution\":\"PUBLISHED\",\"reason\":\"Ответ размещён\"}");
        Api.Response noReason = api.post("/api/appeals/" + id + "/close", "{\"resolution\":\"DUPLICATE\"}");
        Api.Response unknown = api.post("/api/appeals/" + id + "/close",
                "{\"resolution\":\"LOST\",\"reason\":\"Потеряно\"}");
        Api.Response missing = api.post("/api/appeals/987654/close",
                "{\"resolution\":\"DUPLICATE\",\"reason\":\"Дубликат обращения\"}");

        // then each is refused with problem+json and the appeal is unchanged
        assertThat(published.status()).isEqualTo(400);
        assertThat(published.contentType()).startsWith("application/problem+json");
        assertThat(published.json().get("detail").asText()).contains("NO_ANSWER, DUPLICATE or REDIRECTED");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/reason").isMissingNode()).isFalse();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("resolution");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(appeal(id).get("history")).hasSize(2);

        // when the portal says the appeal went to another organisation
        Api.Response redirected = api.post("/api/appeals/" + id + "/close",
                "{\"resolution\":\"REDIRECTED\",\"reason\":\"Направлено в Министерство транспорта МО\"}");

        // then it is closed as redirected, by the portal, and the executor's card loses its buttons
        assertThat(redirected.status()).as(redirected.raw()).isEqualTo(200);
        assertThat(redirected.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(redirected.json().get("resolution").asText()).isEqualTo("REDIRECTED");
        JsonNode history = redirected.json().get("history");
        assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("CLOSED_REDIRECTED");
        assertThat(history.get(history.size() - 1).get("actor").isNull()).isTrue();
        Sent closedCard = telegram.awaitMessage(user(executor), m -> m.messageId() == card.messageId()
                && m.text().contains("Закрыто: Перенаправлено в другую организацию (портал)"));
        assertThat(closedCard.keyboard()).isEmpty();

        // when the portal closes it again
        Api.Response again = api.post("/api/appeals/" + id + "/close",
                "{\"resolution\":\"DUPLICATE\",\"reason\":\"Дубликат обращения\"}");

        // then it is a conflict and nothing changes
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(appeal(id).get("resolution").asText()).isEqualTo("REDIRECTED");
        assertThat(appeal(id).get("history")).hasSize(history.size());
    }
}
