package ru.appealdesk.e2e.profiles;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Мамадыш (seed 003, {@code bot-config/profiles/mamadysh}): ПОС in 30 days, the fast track in 3, 5, 7 or 10 by topic
 * (§3), the answer agreed by the Управляющий делами and approved by the Руководитель (§2), «Отложено» at most once
 * (§3), a redirect sent for approval (§2, Координатор), the department's head told of new appeals each working day
 * (§2), a formal answer sent back by the curator (§2).
 */
class MamadyshJourneyTest extends EndToEndTest {

    @org.springframework.beans.factory.annotation.Autowired
    ru.appealdesk.reports.NewAppealsDigests digests;

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> "bot-config/profiles/mamadysh");
    }

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void aPostponementIsAgreedThenApprovedAndOfferedOnlyOnce() {
        // given a fast-track heating appeal (§3: 3 days for socially acute topics), received on Monday 16 March
        clock.set(msk("2026-03-16T09:00"));
        JsonNode created = register(appealRequest("MM-2026-000001", "heating").put("source", "POS")
                .put("priority", "FAST_TRACK").put("receivedAt", "2026-03-16T09:00:00+03:00"));
        assertThat(created.get("dueAt").asText()).isEqualTo("2026-03-19T17:00:00+03:00");
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();

        // when the executor postpones it (§2: the date and an interim answer)
        draftAnswer(executor, accept(executor, "MM-2026-000001"), "Отложено", null);
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "10.04.2026");
        awaitNew(user(executor), seen, m -> m.text().contains("Решение откладывается до 10.04.2026"));
        seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "Замена участка теплотрассы запланирована до 10.04.2026.");
        submitDraft(user(executor), awaitNew(user(executor), seen, m -> m.hasButton("Отправить на согласование")));

        // then the Управляющий делами agrees and the Руководитель approves (§2), and the coordinators place it
        int glavaSeen = telegram.messagesTo(user("glava")).size();
        telegram.press(user("smirnova"), awaitCard("smirnova", "MM-2026-000001", "Согласовать (1 из 2)"),
                "Согласовать (1 из 2)");
        telegram.press(user("glava"), awaitNew(user("glava"), glavaSeen, m -> m.text().contains("MM-2026-000001")
                && m.hasButton("Согласовать (2 из 2)")), "Согласовать (2 из 2)");
        seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user("sokolova"), awaitCard("sokolova", "MM-2026-000001", "Размещено"), "Размещено");
        awaitStatus(id, "POSTPONED");

        // when the executor prepares the final answer
        Sent finalCard = awaitNew(user(executor), seen, m -> m.hasButton("Подготовить итоговый ответ"));
        seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user(executor), finalCard, "Подготовить итоговый ответ");

        // then «Отложено» is not offered again (§3: «не более 1 раза»)
        Sent types = awaitNew(user(executor), seen, m -> m.hasButton("Решено"));
        assertThat(types.hasButton("Отложено")).isFalse();
    }

    @Test
    void aRedirectWaitsForTheRukovoditelsApproval() {
        // given a ПОС appeal nobody could be routed to
        JsonNode created = register(appealRequest("MM-2026-000002", "unknown-topic").put("source", "POS"));
        long id = created.get("id").asLong();

        // when a coordinator decides to redirect it to another organisation
        telegram.press(user("sokolova"), awaitCard("sokolova", "MM-2026-000002", "Перенаправить"), "Перенаправить");
        telegram.awaitText(user("sokolova"), "в какую организацию перенаправить обращение № MM-2026-000002");
        telegram.userSends(user("sokolova"), "В ГКУ «Главтатдортранс»: региональная дорога, ст. 8 59-ФЗ");

        // then it waits for approval (§2, Координатор: «отправить на согласование/утверждение решение о
        // перенаправлении»), and the Руководитель approves it
        awaitStatus(id, "REDIRECT_REVIEW");
        telegram.press(user("glava"), awaitCard("glava", "MM-2026-000002", "Согласовать"), "Согласовать");
        assertThat(awaitStatus(id, "CLOSED").get("resolution").asText()).isEqualTo("REDIRECTED");
    }

    @Test
    void theHeadOfADepartmentLearnsOfYesterdaysAppealsAtTheStartOfTheWorkingDay() {
        // given appeals the infrastructure department received on Wednesday, and one of education's
        clock.set(msk("2026-04-15T10:00"));
        register(appealRequest("MM-2026-000010", "roads").put("source", "POS").put("address", "ул. Ленина, 1")
                .put("receivedAt", "2026-04-15T10:00:00+03:00"));
        register(appealRequest("MM-2026-000011", "heating").put("source", "POS").put("address", "ул. Ленина, 2")
                .put("receivedAt", "2026-04-15T11:00:00+03:00"));
        register(appealRequest("MM-2026-000012", "schools").put("source", "POS").put("address", "ул. Ленина, 3")
                .put("receivedAt", "2026-04-15T12:00:00+03:00"));
        int headSeen = telegram.messagesTo(user("petrova")).size();

        // when Thursday's working day begins at 08:00 (§2: «доводит информацию до сведения руководителя в течение
        // одного рабочего дня»)
        clock.set(msk("2026-04-16T08:00"));
        assertThat(digests.runDue()).isPositive();

        // then the department's head gets its list, and education's head gets hers
        Sent digest = awaitNew(user("petrova"), headSeen, m -> m.text().contains("Новые обращения"));
        assertThat(digest.text()).contains("MM-2026-000010", "MM-2026-000011").doesNotContain("MM-2026-000012");
        telegram.awaitMessage(user("fedorova"), m -> m.text().contains("Новые обращения")
                && m.text().contains("MM-2026-000012"));
    }

    @Test
    void theCuratorSendsAFormalAnswerBackBeforeItIsPlaced() {
        // given an approved answer of the infrastructure department
        JsonNode created = register(appealRequest("MM-2026-000020", "roads").put("source", "POS"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "MM-2026-000020"), "Решено",
                "Сделано."));
        int glavaSeen = telegram.messagesTo(user("glava")).size();
        telegram.press(user("smirnova"), awaitCard("smirnova", "MM-2026-000020", "Согласовать (1 из 2)"),
                "Согласовать (1 из 2)");
        telegram.press(user("glava"), awaitNew(user("glava"), glavaSeen, m -> m.text().contains("MM-2026-000020")
                && m.hasButton("Согласовать (2 из 2)")), "Согласовать (2 из 2)");
        awaitStatus(id, "APPROVED");

        // when the curator (the deputy head of the general department) finds it formal (§2, Куратор: «возвращает на
        // повторное рассмотрение …, если ответ исполнителя носит формальный характер»)
        long curator = user("popov");
        int seen = telegram.messagesTo(curator).size();
        telegram.userSends(curator, "/appeal MM-2026-000020");
        Sent card = awaitNew(curator, seen, m -> m.text().contains("MM-2026-000020")
                && m.hasButton("Вернуть на доработку"));
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.press(curator, card, "Вернуть на доработку");
        telegram.awaitText(curator, "нельзя разместить");
        telegram.userSends(curator, "Ответ формальный: не указано, что сделано и когда");

        // then the executor has it back with the reason
        awaitNew(user(executor), executorSeen, m -> m.text().contains("MM-2026-000020")
                && m.hasButton("Подготовить ответ") && m.text().contains("Ответ формальный"));
        assertThat(awaitStatus(id, "REWORK").get("history")).anyMatch(h -> h.get("type").asText()
                .equals("QUALITY_RETURN") && h.get("actor").asText().equals("popov"));
    }
}
