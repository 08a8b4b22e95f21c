package ru.appealdesk.e2e.profiles;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Красноуфимск (seed 004, {@code bot-config/profiles/krasnoufimsk}): «Инцидент Менеджмент» in Yekaterinburg working
 * time (п.9): 6 working hours, 3 for «повышенной важности» (п.12); a return within 30 minutes with written reasons,
 * no act asked (п.11); the lead specialist of ГО и ЧС routes (п.10), approves (п.14) and places (п.16, 23); a surge
 * of messages about one address goes to the Глава at once (п.25); a clarification asked of the applicant stops the
 * clock until the reply (п.6.3, 13).
 */
class KrasnoufimskJourneyTest extends EndToEndTest {

    private static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> "bot-config/profiles/krasnoufimsk");
    }

    static Instant ekb(String local) {
        return LocalDateTime.parse(local).atZone(YEKATERINBURG).toInstant();
    }

    @Test
    void termsRunInYekaterinburgWorkingTimeAcrossLunchAndNight() {
        // given messages found on Monday 16 March at 09:00 and on Thursday 19 March at 16:30, Yekaterinburg time
        clock.set(ekb("2026-03-16T09:00"));
        JsonNode morning = register(appealRequest("KR-2026-000001", "roads").put("source", "INCIDENT")
                .put("receivedAt", "2026-03-16T09:00:00+05:00"));
        JsonNode urgent = register(appealRequest("KR-2026-000002", "roads").put("source", "INCIDENT")
                .put("priority", "HIGH").put("receivedAt", "2026-03-16T09:00:00+05:00"));
        clock.set(ekb("2026-03-19T16:30"));
        JsonNode evening = register(appealRequest("KR-2026-000003", "roads").put("source", "INCIDENT")
                .put("receivedAt", "2026-03-19T16:30:00+05:00"));

        // then the draft's six working hours end at 16:00 (the lunch hour 12–13 does not count), three at 12:00, and
        // the evening one's run on into Friday — 30 minutes on Thursday, then 08:00–12:00 and 13:00–14:30 (п.9, 12);
        // the approval's 30 minutes (п.14) and the placement's 30 (п.16) follow, so the answer is due an hour later
        assertThat(morning.get("dueAt").asText()).isEqualTo("2026-03-16T17:00:00+05:00");
        assertThat(instant(morning, "answerDueAt")).isEqualTo(ekb("2026-03-16T17:00"));
        assertThat(instant(urgent, "answerDueAt")).isEqualTo(ekb("2026-03-16T14:00"));
        assertThat(instant(evening, "answerDueAt")).isEqualTo(ekb("2026-03-20T15:30"));
    }

    private static Instant instant(JsonNode appeal, String field) {
        return java.time.OffsetDateTime.parse(appeal.get(field).asText()).toInstant();
    }

    @Test
    void aReturnNeedsWrittenReasonsOnlyAndTheLeadSpecialistApprovesAndPlaces() {
        // given a message about a road, given to the roads executor at 10:00
        clock.set(ekb("2026-03-17T10:00"));
        JsonNode created = register(appealRequest("KR-2026-000004", "roads").put("source", "INCIDENT")
                .put("text", "На ул. Транспортной в Сарсах яма у школы, объезжать негде.")
                .put("receivedAt", "2026-03-17T10:00:00+05:00"));
        long id = created.get("id").asLong();
        assertThat(created.get("executor").asText()).isEqualTo("morozov");

        // when the executor returns it within 30 minutes with written reasons and no act (п.11)
        clock.set(ekb("2026-03-17T10:20"));
        telegram.press(user("morozov"), awaitCard("morozov", "KR-2026-000004", "Вернуть"), "Вернуть");
        telegram.awaitText(user("morozov"), "почему вопрос не относится к вашей компетенции");
        telegram.userSends(user("morozov"), "Улица в Сарсах обслуживается территориальной администрацией, "
                + "не отделом транспорта.");

        // then the lead specialist has it back and gives it to the territorial administration (п.10)
        awaitStatus(id, "RETURNED");
        telegram.press(user("sokolova"), awaitCard("sokolova", "KR-2026-000004", "Зуев П.С."), "Зуев П.С.");
        assertThat(awaitStatus(id, "ASSIGNED").get("executor").asText()).isEqualTo("zaitsev");

        // when the executor answers, the lead specialist approves (п.14) and places it (п.16)
        submitDraft(user("zaitsev"), draftAnswer("zaitsev", accept("zaitsev", "KR-2026-000004"), "Решено",
                "Яма на ул. Транспортной засыпана щебнем 17.03.2026, ямочный ремонт — в мае."));
        telegram.press(user("sokolova"), awaitCard("sokolova", "KR-2026-000004", "Согласовать"), "Согласовать");
        Sent place = awaitCard("sokolova", "KR-2026-000004", "Размещено");
        telegram.press(user("sokolova"), place, "Размещено");
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("history")).anyMatch(h -> h.get("type").asText().equals("PUBLISHED")
                && h.get("actor").asText().equals("sokolova"));
    }

    @Test
    void threeMessagesAboutOneAddressAreASurgeForTheHead() {
        // given two messages about the same house this morning
        clock.set(ekb("2026-03-18T10:00"));
        for (int i = 1; i <= 2; i++) {
            register(appealRequest("KR-2026-00010" + i, "gkh").put("source", "INCIDENT")
                    .put("address", i == 1 ? "г. Красноуфимск, ул. Пролетарская, д. 52" : "Пролетарская ул., 52")
                    .put("receivedAt", String.format("2026-03-18T%02d:00:00+05:00", 7 + i)));
        }

        // when a third comes (п.25: «о повышенной социальной активности … незамедлительно … Главе»)
        register(appealRequest("KR-2026-000103", "gkh").put("source", "INCIDENT")
                .put("address", "улица Пролетарская 52").put("receivedAt", "2026-03-18T10:00:00+05:00"));

        // then the Глава, the deputy head and the lead specialists are told at once, listing the three
        for (String person : new String[] {"glava", "orlov", "sokolova"}) {
            Sent told = telegram.awaitMessage(user(person), m -> m.text().contains("Повышенная социальная активность"));
            assertThat(told.text()).contains("KR-2026-000101", "KR-2026-000102", "KR-2026-000103");
        }
    }

    @Test
    void aClarificationStopsTheClockUntilTheApplicantReplies() {
        // given a message found on Tuesday 24 March at 09:00; its answer is due at 17:00 (6 h draft, 30 + 30 min)
        clock.set(ekb("2026-03-24T09:00"));
        JsonNode created = register(appealRequest("KR-2026-000201", "gkh").put("source", "INCIDENT")
                .put("text", "Во дворе опять течёт труба, когда починят?")
                .put("receivedAt", "2026-03-24T09:00:00+05:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        assertThat(instant(created, "answerDueAt")).isEqualTo(ekb("2026-03-24T17:00"));

        // when the executor asks the applicant which house (п.13: «запрос (уточнение)»), the lead specialist
        // approves it (п.14) and places it at 09:30
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "KR-2026-000201"), "Запрос уточнения",
                "Уточните, пожалуйста, адрес дома, где течёт труба."));
        telegram.press(user("sokolova"), awaitCard("sokolova", "KR-2026-000201", "Согласовать"), "Согласовать");
        clock.set(ekb("2026-03-24T09:30"));
        telegram.press(user("sokolova"), awaitCard("sokolova", "KR-2026-000201", "Размещено"), "Размещено");

        // then the appeal awaits the applicant, its clock stopped
        awaitStatus(id, "AWAITING_APPLICANT");

        // when the applicant replies the next morning at 10:30, after nine working hours of waiting (09:30–12:00 and
        // 13:00–17:00 on Tuesday, 08:00–10:30 on Wednesday)
        clock.set(ekb("2026-03-25T10:30"));
        Api.Response reply = api.post("/api/appeals/" + id + "/clarification",
                "{\"text\": \"ул. Мизерова, 91, второй подъезд\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);

        // then it is the executor's again with the reply, and its term moved on by the nine working hours it waited
        JsonNode back = awaitStatus(id, "IN_PROGRESS");
        // (Tuesday 17:00 plus nine working hours: Wednesday's eight, then Thursday 08:00–09:00)
        assertThat(instant(back, "answerDueAt")).isEqualTo(ekb("2026-03-26T09:00"));
        telegram.awaitMessage(user(executor), m -> m.text().contains("KR-2026-000201")
                && m.text().contains("ул. Мизерова, 91"));
    }
}
