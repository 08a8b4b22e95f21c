package ru.appealdesk.e2e;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Co-executors (PRODUCT.md §10, seeds 001 §4.3, 4.6 and 004 п.17): added from the executor's card or through the
 * API, each with their own deadline, countdown and overdue alert; their materials reach the responsible executor
 * and the moderator.
 */
class CoExecutorTest extends EndToEndTest {

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void aCoExecutorsMaterialsReachTheResponsibleExecutorAndTheModerator() {
        // given a Добродел appeal in work (received Monday 02.03.2026 10:15)
        JsonNode created = register(appealRequest("CE-2026-700001", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent inWork = accept(executor, "CE-2026-700001");

        // when the executor presses «Соисполнители» and picks Сидоров (housing)
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user(executor), inWork, "Соисполнители");
        Sent choice = awaitNew(user(executor), seen, m -> m.text().contains("Соисполнители по обращению"));
        assertThat(choice.hasButton(executor.equals("morozov") ? "Морозов" : "Волкова")).isFalse();
        int sidorovSeen = telegram.messagesTo(user("sidorov")).size();
        telegram.press(user(executor), choice, "Сидоров");

        // then Сидоров gets his card with his own deadline: 4 working days from receipt (seed 001 §4.6)
        Sent card = awaitNew(user("sidorov"), sidorovSeen, m -> m.text().contains("Вы соисполнитель")
                && m.text().contains("CE-2026-700001"));
        assertThat(card.text()).contains("Ваш срок: <b>06.03.2026 16:45</b>");
        assertThat(card.text()).doesNotContain("+79990001122");
        JsonNode withCo = appeal(id);
        assertThat(withCo.at("/coExecutors/0/staffId").asText()).isEqualTo("sidorov");
        assertThat(withCo.at("/coExecutors/0/dueAt").asText()).isEqualTo("2026-03-06T16:45:00+03:00");
        assertThat(withCo.at("/coExecutors/0/deliveredAt").isNull()).isTrue();
        assertThat(withCo.get("status").asText()).isEqualTo("IN_PROGRESS");

        // and the executor's card still works (adding a co-executor changes no step)
        // when the co-executor presses the responsible executor's button
        String forged = telegram.press(user("sidorov"), inWork, "Подготовить ответ");

        // then it is refused
        assertThat(telegram.awaitAnswer(forged).text()).contains("недоступно");

        // when he hands over his materials: a text, a photo, «Отправить ответственному»
        sidorovSeen = telegram.messagesTo(user("sidorov")).size();
        telegram.press(user("sidorov"), card, "Передать материалы");
        awaitNew(user("sidorov"), sidorovSeen, m -> m.text().contains("опишите одним сообщением"));
        sidorovSeen = telegram.messagesTo(user("sidorov")).size();
        telegram.userSends(user("sidorov"), "Колодец на Солнцева, 5 закрыт крышкой 03.03.2026.");
        awaitNew(user("sidorov"), sidorovSeen, m -> m.hasButton("Отправить ответственному"));
        sidorovSeen = telegram.messagesTo(user("sidorov")).size();
        telegram.userSendsPhoto(user("sidorov"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 7});
        Sent draft = awaitNew(user("sidorov"), sidorovSeen, m -> m.text().contains("Файл добавлен к материалам"));
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.press(user("sidorov"), draft, "Отправить ответственному");

        // then the responsible executor gets the text and the photo, and the resource says when
        awaitNew(user(executor), executorSeen, m -> m.text().contains("Материалы соисполнителя Сидоров")
                && m.text().contains("закрыт крышкой"));
        awaitNew(user(executor), executorSeen, m -> m.method().equals("sendPhoto"));
        telegram.awaitText(user("sidorov"), "Материалы по обращению № CE-2026-700001 переданы");
        assertThat(appeal(id).at("/coExecutors/0/deliveredAt").isNull()).isFalse();

        // when the executor answers with the card he already had
        int belovSeen = telegram.messagesTo(user("belov")).size();
        Sent answer = draftAnswer(executor, inWork, "Решено", "Колодец закрыт 03.03.2026.");
        submitDraft(user(executor), answer);

        // then the moderator sees the co-executor's materials with the answer, and their photo
        Sent review = awaitNew(user("belov"), belovSeen, m -> m.text().contains("CE-2026-700001")
                && m.hasButton("Согласовать"));
        assertThat(review.text()).contains("Материалы соисполнителя Сидоров", "закрыт крышкой");
        assertThat(telegram.messagesTo(user("belov")).subList(belovSeen, telegram.messagesTo(user("belov")).size()))
                .anyMatch(m -> m.method().equals("sendPhoto"));
    }

    @Test
    void theApiAddsCoExecutorsAndRefusesWhatCannotBe() {
        JsonNode created = register(appealRequest("CE-2026-700002", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();

        Api.Response added = addCoExecutor(id, "egorova");
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.json().at("/coExecutors/0/staffId").asText()).isEqualTo("egorova");
        telegram.awaitMessage(user("egorova"), m -> m.text().contains("Вы соисполнитель")
                && m.text().contains("CE-2026-700002"));

        // someone already in, the responsible executor, a moderator, nobody, a closed appeal
        assertThat(addCoExecutor(id, "egorova").status()).isEqualTo(409);
        assertThat(addCoExecutor(id, executor).status()).isEqualTo(409);
        assertThat(addCoExecutor(id, "belov").status()).isEqualTo(400);
        assertThat(api.post("/api/appeals/" + id + "/co-executors", "{}").status()).isEqualTo(400);
        assertThat(addCoExecutor(999_999, "egorova").status()).isEqualTo(404);
        api.post("/api/appeals/" + id + "/close", "{\"resolution\":\"DUPLICATE\",\"reason\":\"Дубликат CE-1\"}");
        assertThat(addCoExecutor(id, "gromov").status()).isEqualTo(409);
        assertThat(appeal(id).get("coExecutors")).hasSize(1);
    }

    @Test
    void anIncidentCoExecutorGetsTheCountdownAndTheOverdueAlert() {
        // given an ИМ appeal received 10:15 with a co-executor: 2 working hours (seed 004 п.17), due 12:15
        JsonNode created = register(appealRequest("CE-2026-700003", "snow").put("source", "INCIDENT"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        assertThat(addCoExecutor(id, "fedorova").status()).isEqualTo(200);
        assertThat(appeal(id).at("/coExecutors/0/dueAt").asText()).isEqualTo("2026-03-02T12:15:00+03:00");

        // when an hour is left (ИМ before-due: 1 hour, 30 minutes)
        int seen = telegram.messagesTo(user("fedorova")).size();
        clock.set(msk("2026-03-02T11:16"));

        // then the co-executor is reminded of their own deadline
        awaitNew(user("fedorova"), seen, m -> m.text().contains("CE-2026-700003")
                && m.text().contains("передай") || m.text().contains("CE-2026-700003")
                && m.text().contains("передать материалы"));

        // when the deadline passes without materials
        int executorSeen = telegram.messagesTo(user(executor)).size();
        seen = telegram.messagesTo(user("fedorova")).size();
        clock.set(msk("2026-03-02T12:16"));

        // then they and the responsible executor are told
        awaitNew(user("fedorova"), seen, m -> m.text().contains("CE-2026-700003")
                && m.text().contains("не передал материалы"));
        awaitNew(user(executor), executorSeen, m -> m.text().contains("CE-2026-700003")
                && m.text().contains("не передал материалы"));
    }

    @Test
    void anIncidentCoordinatorChoosesTheCoExecutorsFromTheirCard() {
        // seed 004 п.17.1: «решение об исполнителях принимает ведущий специалист» — given an ИМ appeal nobody could be
        // routed to, received 10:00 on Tuesday 10.03.2026, on the coordinators' card
        clock.set(msk("2026-03-10T10:00"));
        long id = register(appealRequest("CE-2026-700004", "potholes-unknown").put("source", "INCIDENT")
                .put("receivedAt", "2026-03-10T10:00:00+03:00")).get("id").asLong();
        Sent unrouted = awaitCard("sokolova", "CE-2026-700004", "Соисполнители");

        // when the coordinator presses «Соисполнители» and picks Сидоров
        int seen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("sokolova"), unrouted, "Соисполнители");
        Sent choice = awaitNew(user("sokolova"), seen, m -> m.text().contains("Соисполнители по обращению")
                && m.text().contains("CE-2026-700004"));
        int sidorovSeen = telegram.messagesTo(user("sidorov")).size();
        telegram.press(user("sokolova"), choice, "Сидоров");

        // then Сидоров gets his card with 2 working hours from receipt (seed 004 п.17.3)
        Sent card = awaitNew(user("sidorov"), sidorovSeen, m -> m.text().contains("Вы соисполнитель")
                && m.text().contains("CE-2026-700004"));
        assertThat(card.text()).contains("Ваш срок: <b>10.03.2026 12:00</b>");
        assertThat(card.hasButton("Передать материалы")).isTrue();
        JsonNode withCo = appeal(id);
        assertThat(withCo.at("/coExecutors/0/staffId").asText()).isEqualTo("sidorov");
        assertThat(withCo.get("status").asText()).isEqualTo("NEW");

        // when the coordinator then presses Сидоров among the executors on the same card
        String both = telegram.press(user("sokolova"), unrouted, "Сидоров П.И.");

        // then it is refused: the responsible executor is not one of the co-executors (seed 001 §4.6)
        assertThat(telegram.awaitAnswer(both).text()).contains("уже участвует в работе над обращением");
        assertThat(appeal(id).get("status").asText()).isEqualTo("NEW");

        // when the coordinator then gives the appeal its responsible executor from the same card
        telegram.press(user("sokolova"), unrouted, "Егорова Н.Ю.");

        // then she gets it and Сидоров stays a co-executor
        awaitCard("egorova", "CE-2026-700004", "Взять в работу");
        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("executor").asText()).isEqualTo("egorova");
        assertThat(assigned.at("/coExecutors/0/staffId").asText()).isEqualTo("sidorov");

        // and, once the appeal is in work, the coordinator's card of it offers «Соисполнители» again
        telegram.press(user("egorova"), awaitCard("egorova", "CE-2026-700004", "Взять в работу"), "Взять в работу");
        awaitStatus(id, "IN_PROGRESS");
        seen = telegram.messagesTo(user("sokolova")).size();
        telegram.userSends(user("sokolova"), "/appeal CE-2026-700004");
        Sent oversight = awaitNew(user("sokolova"), seen, m -> m.text().contains("CE-2026-700004")
                && m.hasButton("Соисполнители"));
        seen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("sokolova"), oversight, "Соисполнители");
        choice = awaitNew(user("sokolova"), seen, m -> m.text().contains("Соисполнители по обращению")
                && m.text().contains("CE-2026-700004"));
        assertThat(choice.hasButton("Сидоров")).as("already a co-executor").isFalse();
        assertThat(choice.hasButton("Егорова")).as("the responsible executor").isFalse();
        int fedorovaSeen = telegram.messagesTo(user("fedorova")).size();
        telegram.press(user("sokolova"), choice, "Фёдорова");
        awaitNew(user("fedorova"), fedorovaSeen, m -> m.text().contains("Вы соисполнитель")
                && m.text().contains("CE-2026-700004"));
        assertThat(appeal(id).get("coExecutors")).hasSize(2);
    }

    private Api.Response addCoExecutor(long id, String staffId) {
        return api.post("/api/appeals/" + id + "/co-executors", "{\"staffId\":\"" + staffId + "\"}");
    }
}
