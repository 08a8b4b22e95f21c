package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

/**
 * {@code placed-by: EXECUTOR} (PRODUCT.md §13.2; Добродел in the sample, seed 000 п.10, 12): after approval the
 * executor gets «Размещено» and the placement reminders, the coordinators keep their card; the executor's press
 * closes the appeal and the coordinators' copies.
 */
class PlacedByExecutorTest extends EndToEndTest {

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    List<String> alerts(String staff, String number, String phrase) {
        return telegram.linesMentioning(user(staff), number).stream().filter(b -> b.contains(phrase)).toList();
    }

    @Test
    void theExecutorIsRemindedToPlaceTheApprovedAnswerAndPlacesIt() {
        // given a Добродел appeal whose answer the executor submitted, on a Monday morning
        clock.set(msk("2026-03-16T10:00"));
        JsonNode created = register(appealRequest("PB-2026-250001", "roads")
                .put("receivedAt", "2026-03-16T10:00:00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long chat = user(executor);
        Sent draft = draftAnswer(executor, accept(executor, "PB-2026-250001"), "Решено",
                "Яма заделана 16.03.2026, фото приложено.");
        submitDraft(chat, draft);
        int executorSeen = telegram.messagesTo(chat).size();
        int coordinatorSeen = telegram.messagesTo(user("sokolova")).size();

        // when the moderator approves it
        telegram.press(user("belov"), awaitCard("belov", "PB-2026-250001", "Согласовать"), "Согласовать");
        awaitStatus(id, "APPROVED");

        // then the executor gets the text to place with «Размещено» (no return for quality), the coordinator keeps
        // their card with both
        Sent toPlace = awaitNew(chat, executorSeen,
                m -> m.text().contains("PB-2026-250001") && m.hasButton("Размещено"));
        assertThat(toPlace.text()).contains("Яма заделана 16.03.2026");
        assertThat(toPlace.keyboard().stream().flatMap(List::stream)).hasSize(1);
        Sent coordinatorCard = awaitNew(user("sokolova"), coordinatorSeen,
                m -> m.text().contains("PB-2026-250001") && m.hasButton("Размещено"));

        // when 30 working minutes pass without placement, the executor is reminded (the ladder's first level)
        clock.set(msk("2026-03-16T10:31"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !alerts(executor, "PB-2026-250001", "⏰").isEmpty());

        // when the executor presses «Размещено»
        telegram.press(chat, toPlace, "Размещено");

        // then the appeal is closed as published by the executor, and the coordinator's copy is closed too
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("history")).anyMatch(h -> h.get("type").asText().equals("PUBLISHED")
                && h.get("actor").asText().equals(executor));
        telegram.awaitMessage(user("sokolova"), m -> m.messageId() == coordinatorCard.messageId()
                && !m.hasButton("Размещено"));
        telegram.awaitMessage(chat, m -> m.messageId() == toPlace.messageId() && !m.hasButton("Размещено"));
    }

    @Test
    void whereCoordinatorsPlaceTheExecutorGetsNoPlacementCard() {
        // given an appeal of the other sources (placed-by COORDINATOR by default), submitted and approved
        JsonNode created = register(appealRequest("PB-2026-250002", "roads").put("source", "OTHER"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long chat = user(executor);
        submitDraft(chat, draftAnswer(executor, accept(executor, "PB-2026-250002"), "Решено",
                "Яма заделана, проверено на месте."));
        int coordinatorSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("belov"), awaitCard("belov", "PB-2026-250002", "Согласовать"), "Согласовать");

        // then only the coordinators get «Размещено»
        awaitNew(user("sokolova"), coordinatorSeen,
                m -> m.text().contains("PB-2026-250002") && m.hasButton("Размещено"));
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(chat)).noneMatch(m -> m.text().contains("PB-2026-250002")
                && m.hasButton("Размещено"));
        assertThat(appeal(id).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void theExecutorPlacesAnApprovedPostponedAnswerToo() {
        // given a Добродел appeal postponed by its executor and approved (PUBLISH_POSTPONED, the same «Размещено»)
        JsonNode created = register(appealRequest("PB-2026-250003", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long chat = user(executor);
        draftAnswer(executor, accept(executor, "PB-2026-250003"), "Отложено", null);
        telegram.awaitMessage(chat, m -> m.text().contains("ДД.ММ.ГГГГ"));
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "20.03.2026");
        awaitNew(chat, seen, m -> m.text().contains("Решение откладывается до 20.03.2026"));
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "Ремонт запланирован на 20.03.2026 после схода снега.");
        submitDraft(chat, awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование")));
        seen = telegram.messagesTo(chat).size();
        telegram.press(user("belov"), awaitCard("belov", "PB-2026-250003", "Согласовать"), "Согласовать");

        // when the executor presses «Размещено» on their card
        Sent toPlace = awaitNew(chat, seen, m -> m.text().contains("PB-2026-250003") && m.hasButton("Размещено"));
        telegram.press(chat, toPlace, "Размещено");

        // then the postponement is placed by the executor
        JsonNode postponed = awaitStatus(id, "POSTPONED");
        assertThat(postponed.get("history")).anyMatch(h -> h.get("type").asText().equals("PUBLISHED")
                && h.get("actor").asText().equals(executor));
    }
}
