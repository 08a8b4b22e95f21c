package ru.appealdesk.e2e.profiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.support.FakePortal.JPEG;
import static org.awaitility.Awaitility.await;

/**
 * Мытищи (seed 001, {@code bot-config/profiles/mytishchi}): «Добродел» in 8 working days (§3), routed to an executor
 * within two working days of registration (§4.4), the draft approved by the body's head and then by ЦИОГВ, one after
 * the other (§4.6), «Иное» by the body's head alone, answers with the scans or photos that prove them (§4.6), difficult
 * cases decided by the head of Управление делами (§3).
 */
class MytishchiJourneyTest extends EndToEndTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> "bot-config/profiles/mytishchi");
    }

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    private static final byte[] PDF = "%PDF-1.4 акт приёмки".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private List<String> alerts(String staff, String number, String phrase) {
        return telegram.linesMentioning(user(staff), number).stream().filter(b -> b.contains(phrase)).toList();
    }

    @Test
    void anAppealNobodyWasRoutedToRemindsTheDobrodelUnitAfterTwoWorkingDays() {
        // given a «Добродел» appeal of no known category registered on Monday 16 March at 10:00
        clock.set(msk("2026-03-16T10:00"));
        JsonNode created = register(appealRequest("MY-2026-000001", "potholes-unknown")
                .put("receivedAt", "2026-03-16T10:00:00+03:00"));
        long id = created.get("id").asLong();
        assertThat(created.get("dueAt").asText()).isEqualTo("2026-03-26T18:00:00+03:00");   // 8 working days, §3
        Sent card = awaitCard("sokolova", "MY-2026-000001", "Павлова И.Г.");

        // then nobody is reminded during the two working days (§4.4); they end on Wednesday at 18:00, after which a
        // reminder waits for the next working morning
        clock.set(msk("2026-03-18T17:59"));
        awaitOutboxDrained();
        assertThat(alerts("sokolova", "MY-2026-000001", "⏰")).isEmpty();
        clock.set(msk("2026-03-18T18:00:30"));
        awaitOutboxDrained();
        assertThat(alerts("sokolova", "MY-2026-000001", "⏰")).isEmpty();
        clock.set(msk("2026-03-19T09:00:30"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !alerts("sokolova", "MY-2026-000001", "⏰").isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> !alerts("popov", "MY-2026-000001", "⏰").isEmpty());

        // when the unit routes it
        telegram.press(user("sokolova"), card, "Павлова И.Г.");

        // then the executor has it
        assertThat(awaitStatus(id, "ASSIGNED").get("executor").asText()).isEqualTo("petrova");
        awaitCard("petrova", "MY-2026-000001", "Взять в работу");
    }

    @Test
    void theDraftIsApprovedByTheBodysHeadThenByCiogvAndOtherByTheHeadAlone() {
        // given a heating appeal answered by its executor
        JsonNode created = register(appealRequest("MY-2026-000002", "heating"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        draftAnswer(executor, accept(executor, "MY-2026-000002"), "Решено",
                "Подача отопления восстановлена 03.03.2026, акт приложен.");
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSendsDocument(user(executor), "akt.pdf", "application/pdf", PDF);   // §4.6: скан-образ акта
        submitDraft(user(executor), awaitNew(user(executor), seen, m -> m.text().contains("всего вложений: 1")));

        // then the head of Управление ЖКХ approves first, then ЦИОГВ's curator (§4.6)
        int belovSeen = telegram.messagesTo(user("belov")).size();
        telegram.press(user("kuznetsova"), awaitCard("kuznetsova", "MY-2026-000002", "Согласовать (1 из 2)"),
                "Согласовать (1 из 2)");
        telegram.press(user("belov"), awaitNew(user("belov"), belovSeen, m -> m.text().contains("MY-2026-000002")
                && m.hasButton("Согласовать (2 из 2)")), "Согласовать (2 из 2)");
        JsonNode approved = awaitStatus(id, "APPROVED");
        assertThat(approved.get("history").findValuesAsText("type")).containsSubsequence("CHAIN_APPROVED",
                "ANSWER_APPROVED");

        // given an «Иное» appeal of Управление делами answered
        JsonNode other = register(appealRequest("MY-2026-000003", "other"));
        String otherExecutor = other.get("executor").asText();
        draftAnswer(otherExecutor, accept(otherExecutor, "MY-2026-000003"), "Решено",
                "Разъяснение направлено заявителю 03.03.2026.");
        seen = telegram.messagesTo(user(otherExecutor)).size();
        telegram.userSendsPhoto(user(otherExecutor), JPEG);
        submitDraft(user(otherExecutor), awaitNew(user(otherExecutor), seen,
                m -> m.text().contains("всего вложений: 1")));

        // then its head alone approves it, without ЦИОГВ
        telegram.press(user("smirnova"), awaitCard("smirnova", "MY-2026-000003", "Согласовать"), "Согласовать");
        awaitStatus(other.get("id").asLong(), "APPROVED");
        assertThat(telegram.messagesTo(user("belov"))).noneMatch(m -> m.text().contains("MY-2026-000003"));

        // and the «Добродел» unit places both
        Sent place = awaitCard("sokolova", "MY-2026-000002", "Размещено");
        assertThat(pendingTimers(id)).isPositive();
        telegram.press(user("sokolova"), place, "Размещено");
        awaitStatus(id, "CLOSED");

        // and nothing of the closed appeal is left to fire: its terms and countdowns went with it
        assertThat(pendingTimers(id)).isZero();
    }

    @Test
    void aDifficultAppealGoesToTheHeadOfUpravlenieDelamiWhoRoutesIt() {
        // given an appeal nobody could be routed to
        JsonNode created = register(appealRequest("MY-2026-000004", "unclear-topic"));
        long id = created.get("id").asLong();

        // when the «Добродел» unit finds it difficult and hands it on (§3: «в затруднительных случаях … начальнику
        // Управления делами»)
        telegram.press(user("sokolova"), awaitCard("sokolova", "MY-2026-000004", "На решение руководителю"),
                "На решение руководителю");

        // then the head of Управление делами decides: she has the routing card and gives it to an executor
        awaitStatus(id, "CASE_DECISION");
        telegram.press(user("smirnova"), awaitCard("smirnova", "MY-2026-000004", "Ефимова А.Б."), "Ефимова А.Б.");
        JsonNode routed = awaitStatus(id, "ASSIGNED");
        assertThat(routed.get("executor").asText()).isEqualTo("egorova");
        assertThat(routed.get("history")).anyMatch(h -> h.get("type").asText().equals("TO_CASE_DECIDER"));
    }
}
