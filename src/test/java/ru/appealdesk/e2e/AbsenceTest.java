package ru.appealdesk.e2e;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Absences and substitutes (PRODUCT.md §10, seed 002 п.4): routing skips the absent, their open appeals move to the
 * substitute when the absence begins, what is meant for them goes to the substitute marked «за …», /back restores
 * routing. The absences are in June, far from the other tests' dates, and removed after each test.
 */
class AbsenceTest extends EndToEndTest {

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @AfterEach
    void nobodyStaysAway() {
        for (String staff : new String[] {"petrova", "sidorov", "belov"}) {
            api.admin().get("/api/staff/" + staff + "/absences").json().forEach(a ->
                    api.admin().delete("/api/staff/" + staff + "/absences/" + a.get("id").asLong()));
        }
    }

    @Test
    void anExecutorGoingAwayHandsThreeAppealsToTheSubstituteAndRoutingSkipsThemUntilBack() {
        // given three appeals with one executor of «Содержание МКД» (a repeat goes to the earlier executor)
        clock.set(msk("2026-05-25T10:00"));
        JsonNode first = register(appealRequest("AB-2026-800001", "buildings")
                .put("receivedAt", "2026-05-25T10:00:00+03:00"));
        String absent = first.get("executor").asText();
        String substitute = absent.equals("petrova") ? "sidorov" : "petrova";
        long[] ids = {first.get("id").asLong(),
                register(appealRequest("AB-2026-800002", "buildings").put("repeatOf", "AB-2026-800001")
                        .put("receivedAt", "2026-05-25T10:00:00+03:00")).get("id").asLong(),
                register(appealRequest("AB-2026-800003", "buildings").put("repeatOf", "AB-2026-800001")
                        .put("receivedAt", "2026-05-25T10:00:00+03:00")).get("id").asLong()};
        Sent oldCard = accept(absent, "AB-2026-800002");
        assertThat(appeal(ids[2]).get("executor").asText()).isEqualTo(absent);

        // when the executor says they will be away, with dates in the wrong order first
        int seen = telegram.messagesTo(user(absent)).size();
        telegram.userSends(user(absent), "/away 05.06.2026 01.06.2026");
        awaitNew(user(absent), seen, m -> m.text().contains("не может закончиться раньше"));
        assertThat(api.admin().get("/api/staff/" + absent + "/absences").json()).isEmpty();
        seen = telegram.messagesTo(user(absent)).size();
        telegram.userSends(user(absent), "/away 01.06.2026 05.06.2026");

        // then it is recorded with the substitute named, and nothing moves before it begins
        awaitNew(user(absent), seen, m -> m.text().contains("Отсутствие отмечено") && m.text().contains("замещает"));
        assertThat(appeal(ids[0]).get("executor").asText()).isEqualTo(absent);

        // when the absence begins (Monday 01.06.2026)
        int substituteSeen = telegram.messagesTo(user(substitute)).size();
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        clock.set(msk("2026-06-01T09:00:30"));

        // then all three appeals are the substitute's at the same step of work, and the coordinators are told
        for (long id : ids) {
            JsonNode moved = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> appeal(id), a -> a.get("executor").asText().equals(substitute));
            JsonNode last = moved.get("history").get(moved.get("history").size() - 1);
            assertThat(last.get("type").asText()).isEqualTo("SUBSTITUTED");
        }
        assertThat(appeal(ids[1]).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(appeal(ids[0]).get("status").asText()).isEqualTo("ASSIGNED");
        awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("отсутствует с 01.06.2026 по 05.06.2026")
                && m.text().contains("Передано обращений: 3"));
        awaitNew(user(substitute), substituteSeen, m -> m.text().contains("Вы замещаете"));
        Sent taken = awaitNew(user(substitute), substituteSeen, m -> m.text().contains("AB-2026-800002")
                && m.hasButton("Подготовить ответ"));
        Sent toAccept = awaitNew(user(substitute), substituteSeen, m -> m.text().contains("AB-2026-800001")
                && m.hasButton("Взять в работу"));

        // and the substitute acts on them, while the absent executor's card is stale
        telegram.press(user(substitute), toAccept, "Взять в работу");
        awaitStatus(ids[0], "IN_PROGRESS");
        String stale = telegram.press(user(absent), oldCard, "Подготовить ответ");
        assertThat(telegram.awaitAnswer(stale).text()).matches("(?s).*(устарел|недоступн).*");
        assertThat(taken.hasButton("Подготовить ответ")).isTrue();

        // when a new appeal of the category comes in, routing skips the absent executor
        assertThat(register(appealRequest("AB-2026-800004", "buildings")
                .put("receivedAt", "2026-06-01T09:00:00+03:00")).get("executor").asText()).isEqualTo(substitute);

        // when the executor is back
        seen = telegram.messagesTo(user(absent)).size();
        telegram.userSends(user(absent), "/back");
        awaitNew(user(absent), seen, m -> m.text().contains("С возвращением"));

        // then routing counts them again: the least loaded of the two
        assertThat(register(appealRequest("AB-2026-800005", "buildings")
                .put("receivedAt", "2026-06-01T09:00:00+03:00")).get("executor").asText()).isEqualTo(absent);
    }

    @Test
    void anAbsentModeratorsReviewGoesToTheSubstituteMarkedForThemWhoMayApprove() {
        // given Белов (roads approver) away this week; Кузнецова stands in
        clock.set(msk("2026-06-15T10:00"));
        int kuznetsovaSeen = telegram.messagesTo(user("kuznetsova")).size();
        Api.Response added = api.admin().post("/api/staff/belov/absences",
                "{\"from\":\"2026-06-15\",\"to\":\"2026-06-19\"}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        awaitNew(user("kuznetsova"), kuznetsovaSeen, m -> m.text().contains("Вы замещаете Белов"));

        // when a roads answer is submitted
        JsonNode created = register(appealRequest("AB-2026-800010", "roads")
                .put("receivedAt", "2026-06-15T10:00:00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        kuznetsovaSeen = telegram.messagesTo(user("kuznetsova")).size();
        Sent draft = draftAnswer(executor, accept(executor, "AB-2026-800010"), "Решено", "Яма заделана 15.06.2026.");
        submitDraft(user(executor), draft);

        // then the review card reaches the substitute, marked as for Белов, and her approval counts
        Sent review = awaitNew(user("kuznetsova"), kuznetsovaSeen, m -> m.text().contains("AB-2026-800010")
                && m.hasButton("Согласовать"));
        assertThat(review.text()).contains("за Белов");

        // and so does the reminder meant for him after 30 working minutes
        kuznetsovaSeen = telegram.messagesTo(user("kuznetsova")).size();
        clock.set(msk("2026-06-15T10:31"));
        Sent reminder = awaitNew(user("kuznetsova"), kuznetsovaSeen, m -> m.text().contains("AB-2026-800010")
                && m.text().contains("Напоминание"));
        assertThat(reminder.text()).contains("за Белов");
        telegram.press(user("kuznetsova"), review, "Согласовать");
        awaitStatus(id, "APPROVED");
    }

    @Test
    void anAppealComingBackToAnAbsentExecutorGoesToTheSubstitute() {
        // given an answer under review whose executor goes away today
        clock.set(msk("2026-06-08T10:00"));
        JsonNode created = register(appealRequest("AB-2026-800020", "buildings")
                .put("receivedAt", "2026-06-08T10:00:00+03:00"));
        long id = created.get("id").asLong();
        String absent = created.get("executor").asText();
        String substitute = absent.equals("petrova") ? "sidorov" : "petrova";
        Sent draft = draftAnswer(absent, accept(absent, "AB-2026-800020"), "Решено", "Подъезд убран 08.06.2026.");
        submitDraft(user(absent), draft);
        Sent review = awaitCard("kuznetsova", "AB-2026-800020", "На доработку");
        assertThat(api.admin().post("/api/staff/" + absent + "/absences",
                "{\"from\":\"2026-06-08\",\"to\":\"2026-06-10\"}").status()).isEqualTo(201);
        assertThat(appeal(id).get("executor").asText()).isEqualTo(absent);

        // when the approver sends it back for rework
        int substituteSeen = telegram.messagesTo(user(substitute)).size();
        int seen = telegram.messagesTo(user("kuznetsova")).size();
        telegram.press(user("kuznetsova"), review, "На доработку");
        awaitNew(user("kuznetsova"), seen, m -> m.text().contains("что нужно доработать"));
        telegram.userSends(user("kuznetsova"), "Приложите фото подъезда после уборки.");

        // then the rework goes on to the substitute, who can act on it
        JsonNode moved = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> appeal(id), x -> x.get("executor").asText().equals(substitute));
        assertThat(moved.get("status").asText()).isEqualTo("REWORK");
        assertThat(moved.get("history").findValuesAsText("type")).containsSubsequence("SENT_TO_REWORK",
                "SUBSTITUTED");
        Sent card = awaitNew(user(substitute), substituteSeen, m -> m.text().contains("AB-2026-800020")
                && m.text().contains("Вы замещаете") && m.hasButton("Подготовить ответ"));
        assertThat(draftAnswer(substitute, card, "Решено", "Подъезд убран, фото прилагаются.")).isNotNull();
    }

    @Test
    void theAbsencesApiRefusesWhatCannotBe() {
        clock.set(msk("2026-06-22T10:00"));
        Api admin = api.admin();
        assertThat(admin.post("/api/staff/sidorov/absences", "{\"from\":\"2026-06-26\",\"to\":\"2026-06-24\"}")
                .status()).isEqualTo(400);
        assertThat(admin.post("/api/staff/sidorov/absences", "{\"from\":\"2026-06-01\",\"to\":\"2026-06-05\"}")
                .status()).isEqualTo(400);
        assertThat(admin.post("/api/staff/nobody/absences", "{\"from\":\"2026-06-24\",\"to\":\"2026-06-26\"}")
                .status()).isEqualTo(404);
        assertThat(admin.post("/api/staff/sidorov/absences", "{\"from\":\"2026-06-24\"}").status()).isEqualTo(400);
        Api.Response planned = admin.post("/api/staff/sidorov/absences",
                "{\"from\":\"2026-06-24\",\"to\":\"2026-06-26\"}");
        assertThat(planned.status()).isEqualTo(201);
        assertThat(admin.post("/api/staff/sidorov/absences", "{\"from\":\"2026-06-26\",\"to\":\"2026-06-30\"}")
                .status()).isEqualTo(409);
        assertThat(admin.get("/api/staff/sidorov/absences").json()).hasSize(1);
        assertThat(api.post("/api/staff/sidorov/absences", "{\"from\":\"2026-06-24\",\"to\":\"2026-06-26\"}")
                .status()).isEqualTo(403);
        long absenceId = planned.json().get("id").asLong();
        assertThat(admin.delete("/api/staff/sidorov/absences/" + absenceId).status()).isEqualTo(200);
        assertThat(admin.get("/api/staff/sidorov/absences").json()).isEmpty();
        assertThat(admin.delete("/api/staff/sidorov/absences/" + absenceId).status()).isEqualTo(404);
    }
}
