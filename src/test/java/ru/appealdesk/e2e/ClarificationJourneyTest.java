package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.support.Api;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

/**
 * A clarification (PRODUCT.md §13.2, seed 004 п.6.3, 13, 14): the executor drafts «Запрос уточнения», it is approved
 * and placed like an answer, the appeal awaits the applicant with its clock stopped, and the reply (the portal's, or
 * a coordinator's «Ответ получен» / «Ответа нет») brings it back to the executor with every term moved on by the
 * working time it waited; without a reply the coordinators may close it after {@code clarification-wait}.
 */
class ClarificationJourneyTest extends EndToEndTest {

    private static final WorkingTime WORKING_TIME =
            new WorkingTime(Directory.load(Path.of("bot-config")).organization());

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    /**
     * An ИМ roads appeal received at {@code local} whose «Запрос уточнения» was approved (Белов) and placed
     * (Соколова) at once: the appeal awaits the applicant. Returns it as the API shows it.
     */
    private JsonNode placedClarification(String number, String local, String question) {
        clock.set(msk(local));
        JsonNode created = register(appealRequest(number, "roads").put("source", "INCIDENT")
                .put("receivedAt", local + ":00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, number), "Запрос уточнения", question));
        telegram.press(user("belov"), awaitCard("belov", number, "Согласовать"), "Согласовать");
        awaitStatus(id, "APPROVED");
        telegram.press(user("sokolova"), awaitCard("sokolova", number, "Размещено"), "Размещено");
        return awaitStatus(id, "AWAITING_APPLICANT");
    }

    private static Instant at(JsonNode appeal, String field) {
        return java.time.OffsetDateTime.parse(appeal.get(field).asText()).toInstant();
    }

    @Test
    void theApplicantsReplyThroughTheApiBringsTheAppealBackWithTermsMovedByThePausedWorkingTime() {
        // given a clarification placed on Monday 16.03.2026 at 10:00
        JsonNode waiting = placedClarification("IM-2026-930001", "2026-03-16T10:00",
                "Уточните, пожалуйста, номер подъезда.");
        long id = waiting.get("id").asLong();
        String executor = waiting.get("executor").asText();
        Instant due = at(waiting, "dueAt");
        Instant answerDue = at(waiting, "answerDueAt");
        assertThat(waiting.get("history")).anyMatch(h -> h.get("type").asText().equals("PUBLISHED")
                && h.get("to").asText().equals("AWAITING_APPLICANT") && h.get("actor").asText().equals("sokolova"));
        // the coordinators get the card of the wait, the executor is told
        Sent card = awaitCard("sokolova", "IM-2026-930001", "Ответ получен");
        assertThat(card.hasButton("Ответа нет")).isTrue();
        assertThat(card.text()).contains("Уточните, пожалуйста, номер подъезда.");
        telegram.awaitMessage(user(executor), m -> m.text().contains("Запрос уточнения по обращению № IM-2026-930001"));

        // when a day passes (the 6-hour term would have run out): nobody is told the appeal is overdue
        clock.set(msk("2026-03-17T10:00"));
        awaitOutboxDrained();
        assertThat(appeal(id).get("overdue").asBoolean()).isFalse();
        for (String person : List.of(executor, "sokolova")) {
            assertThat(telegram.linesMentioning(user(person), "IM-2026-930001")).as(person)
                    .noneMatch(l -> l.contains("🔥") || l.contains("⛔") || l.contains("⏳"));
        }

        // and the portal's hostile calls change nothing: an empty text, an unknown appeal
        Api.Response empty = api.post("/api/appeals/" + id + "/clarification", "{\"text\": \"  \"}");
        assertThat(empty.status()).as(empty.raw()).isEqualTo(400);
        assertThat(empty.raw()).contains("text");
        assertThat(api.post("/api/appeals/99999999/clarification", "{\"text\": \"Подъезд 2\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/appeals/" + id + "/clarification", "{\"photos\": [\"not a url\"]}").status())
                .isEqualTo(400);
        assertThat(appeal(id).get("status").asText()).isEqualTo("AWAITING_APPLICANT");

        // the dashboard shows the status and filters by it; the API's overdue filter leaves it out
        String cookie = new DashboardClient(api).signIn(user("sokolova"), clock.instant());
        Api.Response page = new DashboardClient(api).get("/app/api/appeals?q=IM-2026-93&status=AWAITING_APPLICANT",
                cookie);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.json().get("items")).anyMatch(i -> i.get("number").asText().equals("IM-2026-930001")
                && i.get("statusLabel").asText().equals("Ожидает ответа заявителя на уточнение"));
        assertThat(new DashboardClient(api).get("/app/api/appeals?q=IM-2026-930001&overdue=true", cookie).json()
                .get("total").asLong()).isZero();
        int executorSeen = telegram.messagesTo(user(executor)).size();

        // when the applicant replies through the portal
        Api.Response reply = api.post("/api/appeals/" + id + "/clarification",
                "{\"text\": \"Подъезд 2, у мусорных баков.\", \"photos\": []}");

        // then the appeal is the executor's again, its terms moved on by exactly the working time it waited
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        JsonNode back = reply.json();
        assertThat(back.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(back.get("executor").asText()).isEqualTo(executor);
        Duration paused = WORKING_TIME.workingBetween(msk("2026-03-16T10:00"), msk("2026-03-17T10:00"));
        assertThat(paused).isEqualTo(Duration.ofMinutes(8 * 60 + 12)); // 10:00-18:00 less lunch, then 09:00-10:00
        assertThat(at(back, "dueAt")).isEqualTo(WORKING_TIME.plusWorkingTime(due, paused));
        assertThat(at(back, "answerDueAt")).isEqualTo(WORKING_TIME.plusWorkingTime(answerDue, paused));
        assertThat(WORKING_TIME.workingBetween(answerDue, at(back, "answerDueAt"))).isEqualTo(paused);
        // the history keeps the paused interval
        JsonNode received = back.get("history").get(back.get("history").size() - 1);
        assertThat(received.get("type").asText()).isEqualTo("CLARIFICATION_RECEIVED");
        assertThat(received.get("from").asText()).isEqualTo("AWAITING_APPLICANT");
        assertThat(received.get("comment").asText()).contains("Подъезд 2, у мусорных баков.", "8:12");

        // and the executor's card shows the reply
        Sent executorCard = awaitNew(user(executor), executorSeen,
                m -> m.text().contains("Подъезд 2, у мусорных баков.") && m.hasButton("Подготовить ответ"));
        assertThat(executorCard.text()).contains("IM-2026-930001");
        // the coordinators' card of the wait is closed
        telegram.awaitMessage(user("sokolova"), m -> m.messageId() == card.messageId() && !m.hasButton("Ответ получен"));

        // and a second reply is a conflict that says why
        Api.Response again = api.post("/api/appeals/" + id + "/clarification", "{\"text\": \"Ещё раз\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw()).contains("awaits no reply to a clarification");

        // the discipline report counts the placed clarification
        JsonNode report = api.get("/api/reports/discipline?from=2026-03-16&to=2026-03-17").json();
        assertThat(report.get("total").get("clarifications").asLong()).isPositive();

        // and the overdue alert is planned again on the moved term: it comes when that passes
        clock.set(at(back, "answerDueAt").plusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.linesMentioning(user(executor), "IM-2026-930001")
                .stream().anyMatch(l -> l.contains("🔥")));
    }

    @Test
    void withoutAReplyTheCoordinatorsAreToldAfterTheWaitAndCloseItAsNoClarification() {
        // given a clarification placed on Monday 16.03.2026 at 11:00 (clarification-wait: 3 days by default)
        JsonNode waiting = placedClarification("IM-2026-930002", "2026-03-16T11:00",
                "Пришлите, пожалуйста, фото места.");
        long id = waiting.get("id").asLong();

        // when the wait has not passed yet, nobody may close it and nobody is told
        clock.set(msk("2026-03-19T17:00"));
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user("sokolova"))).noneMatch(m -> m.text().contains("IM-2026-930002")
                && m.hasButton("Закрыть: нет уточнения"));

        // when it has (Thursday 19.03 at the end of the working day; the alert waits for working time)
        clock.set(msk("2026-03-20T09:05"));

        // then the coordinators get the card with the closing
        Sent alert = awaitCard("sokolova", "IM-2026-930002", "Закрыть: нет уточнения");
        assertThat(alert.text()).contains("не ответил");
        telegram.press(user("sokolova"), alert, "Закрыть: нет уточнения");

        // and the appeal is closed without answer as NO_CLARIFICATION, the paused interval kept
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("NO_CLARIFICATION");
        assertThat(closed.get("history")).anyMatch(h -> h.get("type").asText().equals("CLOSED_NO_CLARIFICATION")
                && h.get("actor").asText().equals("sokolova"));
    }

    @Test
    void aCoordinatorEntersTheReplyOrThatThereIsNoneInTheChat() {
        // given two clarifications placed on Tuesday 17.03.2026
        JsonNode first = placedClarification("IM-2026-930003", "2026-03-17T10:00", "Уточните адрес.");
        JsonNode second = placedClarification("IM-2026-930004", "2026-03-17T10:00", "Уточните время.");
        String executor = first.get("executor").asText();
        clock.set(msk("2026-03-17T15:00"));
        long coordinator = user("sokolova");

        // when the coordinator presses «Ответ получен» and types the reply
        int seen = telegram.messagesTo(coordinator).size();
        telegram.press(coordinator, awaitCard("sokolova", "IM-2026-930003", "Ответ получен"), "Ответ получен");
        awaitNew(coordinator, seen, m -> m.text().contains("напишите одним сообщением ответ заявителя"));
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(coordinator, "Заявитель: ул. Солнцева, 7.");

        // then the appeal is back with the executor, whose card shows the reply
        JsonNode back = awaitStatus(first.get("id").asLong(), "IN_PROGRESS");
        assertThat(back.get("history")).anyMatch(h -> h.get("type").asText().equals("CLARIFICATION_RECEIVED")
                && h.get("actor").asText().equals("sokolova"));
        awaitNew(user(executor), executorSeen, m -> m.text().contains("Заявитель: ул. Солнцева, 7.")
                && m.hasButton("Подготовить ответ"));

        // when the coordinator presses «Ответа нет» on the other
        String secondExecutor = second.get("executor").asText();
        int secondSeen = telegram.messagesTo(user(secondExecutor)).size();
        telegram.press(coordinator, awaitCard("sokolova", "IM-2026-930004", "Ответа нет"), "Ответа нет");

        // then it goes back to its executor too, saying no reply came
        JsonNode none = awaitStatus(second.get("id").asLong(), "IN_PROGRESS");
        assertThat(none.get("history")).anyMatch(h -> h.get("type").asText().equals("CLARIFICATION_MISSING"));
        awaitNew(user(secondExecutor), secondSeen, m -> m.text().contains("IM-2026-930004")
                && m.text().contains("не ответил на уточнение") && m.hasButton("Подготовить ответ"));
        // a coordinator may not close it as NO_CLARIFICATION any more: the appeal is in work
        await().atMost(Duration.ofSeconds(5)).until(() -> appeal(second.get("id").asLong()).get("resolution").isNull());
        assertThat(List.of("IN_PROGRESS")).contains(appeal(second.get("id").asLong()).get("status").asText());
    }

    @Test
    void theReportLeavesTheApplicantsWaitOutOfTheTimeToAnswer() {
        // given a clarification placed on Monday 07.06.2027 at 10:00 and answered by the portal on Tuesday at 10:00
        JsonNode waiting = placedClarification("IM-2027-930005", "2027-06-07T10:00", "Уточните адрес.");
        long id = waiting.get("id").asLong();
        String executor = waiting.get("executor").asText();
        clock.set(msk("2027-06-08T10:00"));
        int seen = telegram.messagesTo(user(executor)).size();
        assertThat(api.post("/api/appeals/" + id + "/clarification", "{\"text\": \"Дом 9.\"}").status())
                .isEqualTo(200);
        Sent again = awaitNew(user(executor), seen, m -> m.text().contains("IM-2027-930005")
                && m.hasButton("Подготовить ответ"));
        // and the executor's earlier card of the appeal has no live button left
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user(executor))).filteredOn(m -> m.text().contains("IM-2027-930005")
                && m.hasButton("Подготовить ответ")).extracting(Sent::messageId).containsExactly(again.messageId());

        // when the executor answers and the answer is placed at 11:00
        clock.set(msk("2027-06-08T11:00"));
        submitDraft(user(executor), draftAnswer(executor, again, "Решено", "Яма у дома 9 заделана."));
        telegram.press(user("belov"), awaitCard("belov", "IM-2027-930005", "Согласовать"), "Согласовать");
        awaitStatus(id, "APPROVED");
        telegram.press(user("sokolova"), awaitCard("sokolova", "IM-2027-930005", "Размещено"), "Размещено");
        awaitStatus(id, "CLOSED");

        // then the time to answer is the working time from receipt to placement less the wait: 9 h 12 min - 8 h 12 min
        JsonNode total = api.get("/api/reports/discipline?from=2027-06-07&to=2027-06-08").json().get("total");
        assertThat(total.get("onTime").asLong()).isEqualTo(1);
        assertThat(total.get("clarifications").asLong()).isEqualTo(1);
        assertThat(total.get("medianHours").asDouble()).isEqualTo(1.0);
    }
}
