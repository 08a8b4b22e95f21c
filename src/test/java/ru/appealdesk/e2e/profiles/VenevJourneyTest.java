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
 * Венёв (seed 002, {@code bot-config/profiles/venev}): ПОС in 30 calendar days or 10 for the fast track (п.7), the
 * coordinator distributes (п.5), the executor prepares and places (п.4, 6), the unit's head approves (п.8), a
 * postponed appeal goes back to an executor when no more than 75 % of its time is left (п.10), a surge of appeals
 * about one street is reported at once (п.11).
 */
class VenevJourneyTest extends EndToEndTest {

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> "bot-config/profiles/venev");
    }

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void aFastTrackAppealGetsTenDaysOrItsCategorysAndTheExecutorPlacesTheApprovedAnswer() {
        // given ПОС appeals received on Monday 16 March: one in the ordinary way, two on the fast track
        clock.set(msk("2026-03-16T10:00"));
        JsonNode ordinary = register(appealRequest("VN-2026-000001", "roads").put("source", "POS")
                .put("receivedAt", "2026-03-16T10:00:00+03:00"));
        JsonNode fast = register(appealRequest("VN-2026-000002", "roads").put("source", "POS")
                .put("priority", "FAST_TRACK").put("receivedAt", "2026-03-16T10:00:00+03:00"));
        JsonNode heating = register(appealRequest("VN-2026-000003", "heating").put("source", "POS")
                .put("priority", "FAST_TRACK").put("receivedAt", "2026-03-16T10:00:00+03:00"));

        // then their terms are 30 calendar days, 10, and the heating category's 5 (п.7)
        assertThat(ordinary.get("dueAt").asText()).isEqualTo("2026-04-15T18:00:00+03:00");
        assertThat(fast.get("dueAt").asText()).isEqualTo("2026-03-26T18:00:00+03:00");
        assertThat(heating.get("dueAt").asText()).isEqualTo("2026-03-23T18:00:00+03:00");

        // when the executor answers the fast one and the head of the unit approves (п.6, 8)
        long id = fast.get("id").asLong();
        String executor = fast.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "VN-2026-000002"), "Решено",
                "Ямочный ремонт на ул. Красноармейской выполнен 17.03.2026."));
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user("belov"), awaitCard("belov", "VN-2026-000002", "Согласовать"), "Согласовать");

        // then the executor places it (п.4: «подготовку и размещение ответов»)
        Sent toPlace = awaitNew(user(executor), seen, m -> m.text().contains("VN-2026-000002")
                && m.hasButton("Размещено"));
        telegram.press(user(executor), toPlace, "Размещено");
        assertThat(awaitStatus(id, "CLOSED").get("history")).anyMatch(h -> h.get("type").asText()
                .equals("PUBLISHED") && h.get("actor").asText().equals(executor));
    }

    @Test
    void aPostponedAppealGoesBackToAnExecutorWhenAQuarterOfItsTimeIsUsed() {
        // given a ПОС appeal postponed past its own 30 days to a Friday (ending at 17:00 in Венёв) — allowed, that is
        // what postponement is for (п.10)
        clock.set(msk("2026-04-06T10:00"));
        JsonNode created = register(appealRequest("VN-2026-000004", "waste").put("source", "POS")
                .put("receivedAt", "2026-04-06T10:00:00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        draftAnswer(executor, accept(executor, "VN-2026-000004"), "Отложено", null);
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "29.05.2026");
        awaitNew(user(executor), seen, m -> m.text().contains("Решение откладывается до 29.05.2026"));
        seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "Контейнерная площадка будет перенесена до 29.05.2026 по плану работ.");
        submitDraft(user(executor), awaitNew(user(executor), seen, m -> m.hasButton("Отправить на согласование")));
        seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user("kuznetsova"), awaitCard("kuznetsova", "VN-2026-000004", "Согласовать"), "Согласовать");
        telegram.press(user(executor), awaitNew(user(executor), seen, m -> m.text().contains("VN-2026-000004")
                && m.hasButton("Размещено")), "Размещено");
        assertThat(awaitStatus(id, "POSTPONED").get("dueAt").asText()).isEqualTo("2026-05-29T17:00:00+03:00");

        // when a week passes, more than 75 % of the period is still left: nothing
        int coordinatorSeen = telegram.messagesTo(user("sokolova")).size();
        clock.set(msk("2026-04-13T10:00"));
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user("sokolova")).subList(coordinatorSeen,
                telegram.messagesTo(user("sokolova")).size())).noneMatch(m -> m.text().contains("VN-2026-000004"));

        // when a quarter of it is used, the coordinator is asked to assign an executor (п.10)
        clock.set(msk("2026-04-22T10:00"));
        Sent reassign = awaitNew(user("sokolova"), coordinatorSeen, m -> m.text().contains("VN-2026-000004")
                && m.text().contains("назначьте исполнителя"));
        assertThat(reassign.text()).contains("Осталось не более 75 %");
    }

    @Test
    void fiveAppealsAboutOneStreetInADayAreASurgeTheHeadReportsAtOnce() {
        // given four ПОС appeals about waste collection on Советская street this morning, one about another street
        clock.set(msk("2026-04-14T11:00"));
        String[] addresses = {"г. Венёв, ул. Советская, 3", "Советская ул., д. 7", "улица Советская 12",
                "г. Венев, ул. Советская, д. 3, кв. 5"};
        for (int i = 0; i < addresses.length; i++) {
            register(appealRequest("VN-2026-10000" + i, "waste").put("source", "POS").put("address", addresses[i])
                    .put("receivedAt", String.format("2026-04-14T%02d:00:00+03:00", 7 + i)));
        }
        long elsewhere = register(appealRequest("VN-2026-100009", "waste").put("source", "POS")
                .put("address", "г. Венёв, ул. Бундурина, 2")
                .put("receivedAt", "2026-04-14T10:30:00+03:00")).get("id").asLong();
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user("kuznetsova"))).noneMatch(m -> m.text()
                .contains("Повышенная социальная активность"));

        // when a fifth about the street comes within the day (п.11: «повышенная социальная активность»)
        long fifth = register(appealRequest("VN-2026-100005", "waste").put("source", "POS")
                .put("address", "ул.Советская,д.20").put("receivedAt", "2026-04-14T10:55:00+03:00"))
                .get("id").asLong();

        // then the head of the committee, the deputy head and the coordinators are told at once, with the five
        for (String person : new String[] {"kuznetsova", "orlov", "sokolova", "popov"}) {
            Sent told = telegram.awaitMessage(user(person), m -> m.text().contains("Повышенная социальная активность"));
            assertThat(told.text()).contains("VN-2026-100000", "VN-2026-100003", "VN-2026-100005")
                    .doesNotContain("VN-2026-100009");
        }
        // and the five are one cluster; the other street's is not in it
        assertThat(appeal(fifth).get("cluster").isNull()).isFalse();
        assertThat(appeal(elsewhere).get("cluster").isNull()).isTrue();
    }
}
