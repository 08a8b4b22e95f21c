package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of PRODUCT.md §13.2 per source, through the chat: {@code postpone-limit: 1} offers «Отложено» once
 * (seed 003 §3); {@code return-needs-legal-basis: false} takes written reasons only (ИМ, seed 004 п.11), and where an
 * act is required a reason that only looks like one («может стать») is refused (seed 000 п.4).
 */
class PostponeLimitAndReturnBasisTest extends EndToEndTest {

    @Test
    void anAppealOfASourceWithPostponeLimitOneIsPostponedOnlyOnce() {
        // given an appeal of the other sources (postpone-limit 1, no postpone-max) postponed once
        JsonNode created = register(appealRequest("PL-2026-700001", "roads").put("source", "OTHER"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long chat = user(executor);
        draftAnswer(executor, accept(executor, "PL-2026-700001"), "Отложено", null);
        Sent prompt = telegram.awaitMessage(chat, m -> m.text().contains("ДД.ММ.ГГГГ"));
        assertThat(prompt.text()).contains("не позднее 02.03.2027").doesNotContain("директор");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "20.04.2026");
        awaitNew(chat, seen, m -> m.text().contains("Решение откладывается до 20.04.2026"));
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "Ремонт запланирован на 20.04.2026 после схода снега.");
        submitDraft(chat, awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование")));
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("belov"), awaitCard("belov", "PL-2026-700001", "Согласовать"), "Согласовать");
        seen = telegram.messagesTo(chat).size();
        telegram.press(user("sokolova"), awaitNew(user("sokolova"), sokolovaSeen,
                m -> m.text().contains("PL-2026-700001") && m.hasButton("Размещено")), "Размещено");
        JsonNode postponed = awaitStatus(id, "POSTPONED");
        assertThat(postponed.get("postponeCount").asInt()).isEqualTo(1);

        // when the executor prepares the final answer
        Sent finalCard = awaitNew(chat, seen, m -> m.hasButton("Подготовить итоговый ответ"));
        assertThat(finalCard.text()).contains("Решение откладывалось (1 из 1)");
        seen = telegram.messagesTo(chat).size();
        telegram.press(chat, finalCard, "Подготовить итоговый ответ");

        // then «Отложено» is not offered again
        Sent types = awaitNew(chat, seen, m -> m.hasButton("Отклонено"));
        assertThat(types.hasButton("Решено")).isTrue();
        assertThat(types.keyboard().stream().flatMap(java.util.List::stream))
                .noneMatch(b -> b.text().contains("Отложено"));
    }

    @Test
    void anIncidentAppealIsReturnedWithWrittenReasonsAndNoActCited() {
        // given an ИМ appeal (return-needs-legal-basis: false)
        JsonNode created = register(appealRequest("PL-2026-700002", "snow").put("source", "INCIDENT"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "PL-2026-700002", "Вернуть");

        // when the executor returns it with reasons that cite no act
        telegram.press(user(executor), card, "Вернуть");
        Sent question = telegram.awaitMessage(user(executor), m -> m.text().contains("Укажите причину возврата")
                && m.text().contains("PL-2026-700002"));
        assertThat(question.text()).doesNotContain("НПА");
        telegram.userSends(user(executor), "Двор обслуживает управляющая компания, уборка снега на ней.");

        // then the appeal is returned to the coordinators with the reasons
        Sent returned = awaitCard("sokolova", "PL-2026-700002", "Отклонить возврат");
        assertThat(returned.text()).contains("Двор обслуживает управляющая компания");
        assertThat(awaitStatus(id, "RETURNED").get("status").asText()).isEqualTo("RETURNED");
    }

    @Test
    void aDobrodelReturnWhoseReasonOnlyLooksLikeACitationIsRefused() {
        // given a Добродел appeal (return-needs-legal-basis: true by default)
        JsonNode created = register(appealRequest("PL-2026-700003", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "PL-2026-700003", "Вернуть");
        telegram.press(user(executor), card, "Вернуть");
        telegram.awaitMessage(user(executor), m -> m.text().contains("PL-2026-700003") && m.text().contains("НПА"));

        // when the reason only contains «стать» (the old substring check let it through)
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "Это может стать задачей другого управления, не нашей");

        // then it is refused and nothing changes
        awaitNew(user(executor), seen, m -> m.text().contains("нет ссылки на нормативный правовой акт"));
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");

        // when it cites a part of an article of a law by number
        telegram.userSends(user(executor), "Согласно ч. 1 ст. 14 131-ФЗ дороги поселения ведёт поселение.");

        // then it is returned
        awaitCard("sokolova", "PL-2026-700003", "Отклонить возврат");
        awaitStatus(id, "RETURNED");
    }
}
