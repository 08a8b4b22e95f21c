package ru.appealdesk.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Postponed answers (PRODUCT.md §9): the latest date per source ({@code postpone-max}), the ПОС 75 % card that has the
 * coordinators assign the executor (seed 002 п.10), a second postponement agreed first by the director of МЦУР
 * (seed 000 п.14), and no third.
 */
class PostponedAnswerTest extends EndToEndTest {

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void aPosAppealPostponedTwiceIsReassignedAtTheQuarterAndAgreedByTheDirectorTheSecondTime() {
        // given a ПОС appeal in work (received Monday 02.03.2026 10:15; no postpone-max: postponed at most a year
        // later, to 02.03.2027, past its own 30-day term — seed 002 п.10)
        JsonNode created = register(appealRequest("PP-2026-600001", "roads").put("source", "POS"));
        long id = created.get("id").asLong();
        String first = created.get("executor").asText();
        String second = first.equals("morozov") ? "volkova" : "morozov";
        draftAnswer(first, accept(first, "PP-2026-600001"), "Отложено", null);
        telegram.awaitText(user(first), "не позднее 02.03.2027");

        // when the executor names a date past the source's limit, then one within it
        int seen = telegram.messagesTo(user(first)).size();
        telegram.userSends(user(first), "03.03.2027");

        // then the first is refused with the limit, and nothing changes
        awaitNew(user(first), seen, m -> m.text().contains("не позднее 02.03.2027")
                && m.text().contains("Дата должна быть"));
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");
        postponeTo(first, "20.03.2026", "Ремонт запланирован на 20.03.2026 после схода снега.");
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("belov"), awaitCard("belov", "PP-2026-600001", "Согласовать"), "Согласовать");
        int firstSeen = telegram.messagesTo(user(first)).size();
        telegram.press(user("sokolova"), awaitNew(user("sokolova"), sokolovaSeen,
                m -> m.text().contains("PP-2026-600001") && m.hasButton("Размещено")), "Размещено");
        JsonNode postponed = awaitStatus(id, "POSTPONED");
        assertThat(postponed.get("postponeCount").asInt()).isEqualTo(1);
        assertThat(postponed.get("dueAt").asText()).isEqualTo("2026-03-20T16:45:00+03:00");
        Sent firstFinalCard = awaitNew(user(first), firstSeen, m -> m.hasButton("Подготовить итоговый ответ"));

        // when 75 % of the postponed period is still left (placed Mon 02.03 10:00, due Fri 20.03 16:45: 6,603
        // working minutes; a quarter of them ends on Thursday 05.03 at 12:54:45)
        sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        clock.set(msk("2026-03-05T12:50"));
        settle();

        // then nothing yet
        assertThat(telegram.messagesTo(user("sokolova")).subList(sokolovaSeen,
                telegram.messagesTo(user("sokolova")).size())).noneMatch(m -> m.text().contains("PP-2026-600001"));

        // when the quarter has passed
        clock.set(msk("2026-03-05T12:55"));

        // then each coordinator is asked to assign the executor, the previous one first
        Sent reassign = awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("PP-2026-600001")
                && m.text().contains("Отложенное обращение: назначьте исполнителя"));
        assertThat(reassign.text()).contains("Осталось не более 75 %", "Прежний ответ");
        assertThat(reassign.keyboard().get(0).get(0).text()).contains(shortName(first));
        assertThat(reassign.hasButton(shortName(second))).isTrue();
        telegram.awaitMessage(user("popov"), m -> m.text().contains("PP-2026-600001")
                && m.text().contains("назначьте исполнителя"));

        // when a coordinator gives it to the other executor
        int secondSeen = telegram.messagesTo(user(second)).size();
        telegram.press(user("sokolova"), reassign, shortName(second));

        // then it stays postponed with them, the previous executor is told, and their card no longer works
        Sent secondFinalCard = awaitNew(user(second), secondSeen, m -> m.text().contains("PP-2026-600001")
                && m.hasButton("Подготовить итоговый ответ"));
        telegram.awaitText(user(first), "передано другому исполнителю");
        JsonNode reassigned = awaitStatus(id, "POSTPONED");
        assertThat(reassigned.get("executor").asText()).isEqualTo(second);
        assertThat(reassigned.at("/history").get(reassigned.get("history").size() - 1).get("type").asText())
                .isEqualTo("REASSIGNED");
        String stale = telegram.press(user(first), firstFinalCard, "Подготовить итоговый ответ");
        assertThat(telegram.awaitAnswer(stale).text()).matches("(?s).*(устарел|недоступн).*");
        assertThat(appeal(id).get("executor").asText()).isEqualTo(second);

        // when the new executor postpones a second time (postpone-limit: 2, seed 000 п.14), past the source's own
        // term of 01.04.2026
        secondSeen = telegram.messagesTo(user(second)).size();
        telegram.press(user(second), secondFinalCard, "Подготовить итоговый ответ");
        Sent types = awaitNew(user(second), secondSeen, m -> m.hasButton("Отклонено"));
        assertThat(types.hasButton("Отложено повторно")).isTrue();
        secondSeen = telegram.messagesTo(user(second)).size();
        telegram.press(user(second), types, "Отложено повторно");

        // then the director of МЦУР is named as the first approver
        Sent prompt = awaitNew(user(second), secondSeen, m -> m.text().contains("ДД.ММ.ГГГГ"));
        assertThat(prompt.text()).contains("не позднее 02.03.2027", "Попов", "директор МКУ «МЦУР»");
        int popovSeen = telegram.messagesTo(user("popov")).size();
        int belovSeen = telegram.messagesTo(user("belov")).size();
        postponeTo(second, "15.04.2026", "Подрядчик перенёс работы на 15.04.2026 из-за погоды.");

        // and the answer goes to him first, then to the department's approver
        Sent director = awaitNew(user("popov"), popovSeen, m -> m.text().contains("PP-2026-600001")
                && m.hasButton("Согласовать"));
        assertThat(director.text()).contains("Повторная отсрочка решения");
        assertThat(appeal(id).get("answer").get("postponedUntil").asText()).isEqualTo("2026-04-15");
        assertThat(telegram.messagesTo(user("belov")).subList(belovSeen, telegram.messagesTo(user("belov")).size()))
                .noneMatch(m -> m.text().contains("PP-2026-600001") && m.hasButton("Согласовать"));
        telegram.press(user("popov"), director, "Согласовать");
        telegram.press(user("belov"), awaitNew(user("belov"), belovSeen, m -> m.text().contains("PP-2026-600001")
                && m.hasButton("Согласовать")), "Согласовать");
        sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        secondSeen = telegram.messagesTo(user(second)).size();
        telegram.press(user("sokolova"), awaitNew(user("sokolova"), sokolovaSeen,
                m -> m.text().contains("PP-2026-600001") && m.hasButton("Размещено")), "Размещено");
        JsonNode twice = await().atMost(Duration.ofSeconds(20)).until(() -> appeal(id),
                a -> a.get("postponeCount").asInt() == 2);
        assertThat(twice.get("status").asText()).isEqualTo("POSTPONED");
        assertThat(twice.get("dueAt").asText()).isEqualTo("2026-04-15T18:00:00+03:00");

        // then no third «Отложено» is offered, and the old type card is stale
        Sent last = awaitNew(user(second), secondSeen, m -> m.hasButton("Подготовить итоговый ответ"));
        assertThat(last.text()).contains("Решение откладывалось (2 из 2)");
        secondSeen = telegram.messagesTo(user(second)).size();
        telegram.press(user(second), last, "Подготовить итоговый ответ");
        Sent finalTypes = awaitNew(user(second), secondSeen, m -> m.hasButton("Отклонено"));
        assertThat(finalTypes.keyboard().stream().flatMap(java.util.List::stream))
                .noneMatch(b -> b.text().contains("Отложено"));
        String old = telegram.press(user(second), types, "Отложено повторно");
        assertThat(telegram.awaitAnswer(old).text()).matches("(?s).*(устарел|недоступн).*");
        assertThat(appeal(id).get("postponeCount").asInt()).isEqualTo(2);
    }

    @Test
    void anIncidentAppealIsPostponedAtMostEightDaysAfterItCameIn() {
        // given an ИМ appeal received Monday 02.03.2026 10:15 (seed 004 п.12: the final answer within 8 days)
        JsonNode created = register(appealRequest("PP-2026-600002", "snow").put("source", "INCIDENT"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();

        // when the executor postpones it
        draftAnswer(executor, accept(executor, "PP-2026-600002"), "Отложено", null);

        // then the limit is 10.03.2026 and a later date is refused
        telegram.awaitText(user(executor), "не позднее 10.03.2026");
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "11.03.2026");
        awaitNew(user(executor), seen, m -> m.text().contains("Дата должна быть")
                && m.text().contains("не позднее 10.03.2026"));
        postponeTo(executor, "10.03.2026", "Уборка снега во дворе запланирована на 10.03.2026.");
        assertThat(awaitStatus(id, "ANSWER_REVIEW").at("/answer/postponedUntil").asText()).isEqualTo("2026-03-10");
    }

    /** The date, the text and «Отправить на согласование» of an «Отложено» answer. */
    private void postponeTo(String executor, String date, String text) {
        long chat = user(executor);
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, date);
        awaitNew(chat, seen, m -> m.text().contains("Решение откладывается до " + date));
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, text);
        Sent draft = awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование"));
        submitDraft(chat, draft);
    }

    private static String shortName(String staffId) {
        return staffId.equals("morozov") ? "Морозов" : "Волкова";
    }

    /** Everything due has fired (the tick ran when the clock moved) and what it sent has arrived. */
    private void settle() {
        awaitOutboxDrained();
    }
}
