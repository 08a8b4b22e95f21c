package ru.appealdesk.e2e.profiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.support.FakePortal.JPEG;

/**
 * Руза (seed 000, {@code bot-config/profiles/ruza}): «Добродел», «ПОС» and «ЕЦУР» as the order of the Head says — a
 * return within a day with the act it rests on (п.4), acceptance by itself after a day (п.5), an answer with photos
 * or documents (п.6), the applicant told before approval (п.15), the supervising deputy head signing (п.6), the
 * executor placing the answer two days before the term (п.10, 12), ЕЦУР taken by 15:00 (п.7).
 */
class RuzaJourneyTest extends EndToEndTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> "bot-config/profiles/ruza");
    }

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    @Test
    void aDobrodelAppealIsReturnedOnlyWithAnActAcceptedByItselfAfterADayAndPlacedByItsExecutor() {
        // given two «Добродел» roads appeals received on a Monday morning
        clock.set(msk("2026-03-16T10:00"));
        JsonNode kept = register(appealRequest("RZ-2026-000001", "roads")
                .put("receivedAt", "2026-03-16T10:00:00+03:00"));
        JsonNode wrong = register(appealRequest("RZ-2026-000002", "roads")
                .put("receivedAt", "2026-03-16T10:00:00+03:00"));
        long id = kept.get("id").asLong();
        String executor = kept.get("executor").asText();
        String other = wrong.get("executor").asText();

        // then the answer must be placed two calendar days («двое суток», п.10, 12) before the term
        assertThat(OffsetDateTime.parse(kept.get("answerDueAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(kept.get("dueAt").asText()).toInstant().minus(Duration.ofDays(2)));

        // when the other executor returns theirs without the act it rests on (п.4)
        Sent card = awaitCard(other, "RZ-2026-000002", "Вернуть");
        telegram.press(user(other), card, "Вернуть");
        telegram.awaitText(user(other), "со ссылкой на нормативный правовой акт");
        telegram.userSends(user(other), "Это не наш вопрос, пусть разбирается управляющая компания дома.");

        // then it is refused, and with the act it is returned to the coordinators (МКУ «МЦУР»)
        telegram.awaitText(user(other), "нет ссылки на нормативный правовой акт");
        assertThat(appeal(wrong.get("id").asLong()).get("status").asText()).isEqualTo("ASSIGNED");
        telegram.userSends(user(other), "Вопрос вне компетенции: согласно п. 2.3 Положения об Управлении транспорта "
                + "содержание дворовых проездов ведёт управляющая компания.");
        awaitStatus(wrong.get("id").asLong(), "RETURNED");
        awaitCard("sokolova", "RZ-2026-000002", "Отклонить возврат");

        // when a day passes and the first is not returned, it is accepted by itself (п.5)
        clock.set(msk("2026-03-17T10:00:30"));
        JsonNode accepted = awaitStatus(id, "IN_PROGRESS");
        assertThat(accepted.get("history")).anyMatch(h -> h.get("type").asText().equals("AUTO_ACCEPTED"));
        Sent prepare = telegram.awaitMessage(user(executor), m -> m.text().contains("RZ-2026-000001")
                && m.hasButton("Подготовить ответ"));

        // when the executor answers without the photos the answer must carry (п.6)
        Sent draft = draftAnswer(executor, prepare, "Решено",
                "Ямочный ремонт выполнен 17.03.2026, фотофиксация прилагается.");
        String refused = telegram.press(user(executor), draft, "Отправить на согласование");

        // then it is refused, naming what to attach; with a photo it goes, the applicant told first (п.15)
        assertThat(telegram.awaitAnswer(refused).text()).contains("фото или документ");
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSendsPhoto(user(executor), JPEG);
        submitDraft(user(executor), awaitNew(user(executor), seen, m -> m.text().contains("всего вложений: 1")));
        JsonNode submitted = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(submitted.get("history")).anyMatch(h -> h.get("type").asText().equals("APPLICANT_NOTIFIED"));

        // when the department's approver agrees, the supervising deputy head signs it (п.6)
        telegram.press(user("belov"), awaitCard("belov", "RZ-2026-000001", "Согласовать (1 из 2)"),
                "Согласовать (1 из 2)");
        Sent toSign = awaitCard("orlov", "RZ-2026-000001", "Подписать");
        assertThat(appeal(id).get("status").asText()).isEqualTo("ANSWER_REVIEW");
        seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user("orlov"), toSign, "Подписать");

        // then the executor places it (п.10, 12) and the appeal is closed by them
        Sent toPlace = awaitNew(user(executor), seen, m -> m.text().contains("RZ-2026-000001")
                && m.hasButton("Размещено"));
        telegram.press(user(executor), toPlace, "Размещено");
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("history")).anyMatch(h -> h.get("type").asText().equals("PUBLISHED")
                && h.get("actor").asText().equals(executor));
    }

    @Test
    void anEcurAppealNotTakenBy15IsGivenOutByTheCoordinators() {
        // given a ЕЦУР appeal offered to an executor in the morning
        clock.set(msk("2026-03-18T09:30"));
        JsonNode created = register(appealRequest("RZ-2026-000003", "water").put("source", "ECUR")
                .put("receivedAt", "2026-03-18T09:30:00+03:00"));
        long id = created.get("id").asLong();
        awaitCard(created.get("executor").asText(), "RZ-2026-000003", "Взять в работу");

        // when 15:00 passes without it being taken (п.7: «строго до 15.00»)
        clock.set(msk("2026-03-18T15:00:30"));

        // then МКУ «МЦУР» gives it out: it is back with the coordinators, who assign an executor
        JsonNode released = awaitStatus(id, "NEW");
        assertThat(released.get("history")).anyMatch(h -> h.get("type").asText().equals("CLAIM_EXPIRED"));
        telegram.press(user("sokolova"), awaitCard("sokolova", "RZ-2026-000003", "Сидоров П.И."), "Сидоров П.И.");
        assertThat(awaitStatus(id, "ASSIGNED").get("executor").asText()).isEqualTo("sidorov");
    }
}
