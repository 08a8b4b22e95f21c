package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval chains (001 §4.6) and delegated approval (003 Руководитель), PRODUCT.md §10: the education department's
 * answers go to Смирнова, Кузнецова and Белов in turn; «На доработку» from any of them restarts the chain; «Иное»
 * skips its department's chain; an approver may hand the review to another moderator.
 */
class ApprovalChainTest extends EndToEndTest {

    @Test
    void aThreeStepChainIsWalkedInOrderAndARemarkAtStepTwoRestartsIt() {
        // given an education answer submitted
        JsonNode created = register(appealRequest("AC-2026-900001", "education"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent inWork = accept(executor, "AC-2026-900001");
        submit(executor, inWork, "Ремонт кровли детского сада № 3 выполнен 05.03.2026.");

        // then the first of the chain has it, saying so
        Sent first = awaitCard("smirnova", "AC-2026-900001", "Согласовать (1 из 3)");
        int kuznetsovaSeen = telegram.messagesTo(user("kuznetsova")).size();
        telegram.press(user("smirnova"), first, "Согласовать (1 из 3)");

        // when the first approves, the second gets it; the third pressing it out of turn is refused
        Sent second = awaitNew(user("kuznetsova"), kuznetsovaSeen, m -> m.text().contains("AC-2026-900001")
                && m.hasButton("Согласовать (2 из 3)"));
        String outOfTurn = telegram.press(user("belov"), second, "Согласовать (2 из 3)");
        assertThat(telegram.awaitAnswer(outOfTurn).text()).contains("недоступно");
        assertThat(appeal(id).get("status").asText()).isEqualTo("ANSWER_REVIEW");

        // when the second sends it back for rework
        int seen = telegram.messagesTo(user("kuznetsova")).size();
        telegram.press(user("kuznetsova"), second, "На доработку");
        awaitNew(user("kuznetsova"), seen, m -> m.text().contains("что нужно доработать"));
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user("kuznetsova"), "Приложите акт приёмки работ.");
        awaitStatus(id, "REWORK");

        // then after resubmission the chain starts again from the first
        int smirnovaSeen = telegram.messagesTo(user("smirnova")).size();
        Sent rework = awaitNew(user(executor), executorSeen, m -> m.text().contains("AC-2026-900001")
                && m.hasButton("Подготовить ответ"));
        submit(executor, rework, "Ремонт кровли выполнен 05.03.2026, акт приёмки № 12 подписан.");
        Sent again = awaitNew(user("smirnova"), smirnovaSeen, m -> m.text().contains("AC-2026-900001")
                && m.hasButton("Согласовать (1 из 3)"));
        kuznetsovaSeen = telegram.messagesTo(user("kuznetsova")).size();
        telegram.press(user("smirnova"), again, "Согласовать (1 из 3)");
        int belovSeen = telegram.messagesTo(user("belov")).size();
        telegram.press(user("kuznetsova"), awaitNew(user("kuznetsova"), kuznetsovaSeen,
                m -> m.text().contains("AC-2026-900001") && m.hasButton("Согласовать (2 из 3)")),
                "Согласовать (2 из 3)");
        telegram.press(user("belov"), awaitNew(user("belov"), belovSeen, m -> m.text().contains("AC-2026-900001")
                && m.hasButton("Согласовать (3 из 3)")), "Согласовать (3 из 3)");

        // and only the last approval approves the answer
        JsonNode approved = awaitStatus(id, "APPROVED");
        assertThat(approved.get("history").findValuesAsText("type")).containsSubsequence("CHAIN_APPROVED",
                "SENT_TO_REWORK", "ANSWER_SUBMITTED", "CHAIN_APPROVED", "CHAIN_APPROVED", "ANSWER_APPROVED");
    }

    @Test
    void anApproverHandsTheReviewToAnotherModeratorAndTheOldCardIsStale() {
        // given a roads answer with Белов
        JsonNode created = register(appealRequest("AC-2026-900002", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submit(executor, accept(executor, "AC-2026-900002"), "Яма заделана 04.03.2026.");
        Sent card = awaitCard("belov", "AC-2026-900002", "Передать согласование");

        // when he hands it to Попов
        int seen = telegram.messagesTo(user("belov")).size();
        telegram.press(user("belov"), card, "Передать согласование");
        Sent choice = awaitNew(user("belov"), seen, m -> m.text().contains("Кому передать согласование"));
        assertThat(choice.hasButton("Белов")).isFalse();
        int popovSeen = telegram.messagesTo(user("popov")).size();
        telegram.press(user("belov"), choice, "Попов");

        // then the card moves to Попов, Белов's card no longer works, and Попов's approval counts
        Sent moved = awaitNew(user("popov"), popovSeen, m -> m.text().contains("AC-2026-900002")
                && m.hasButton("Согласовать"));
        String stale = telegram.press(user("belov"), card, "Согласовать");
        assertThat(telegram.awaitAnswer(stale).text()).matches("(?s).*(устарел|недоступн).*");
        assertThat(appeal(id).get("status").asText()).isEqualTo("ANSWER_REVIEW");
        telegram.press(user("popov"), moved, "Согласовать");
        JsonNode approved = awaitStatus(id, "APPROVED");
        assertThat(approved.get("history").findValuesAsText("type")).contains("APPROVAL_DELEGATED");
    }

    @Test
    void theOtherCategorySkipsItsDepartmentsChain() {
        JsonNode created = register(appealRequest("AC-2026-900003", "other"));
        String executor = created.get("executor").asText();
        submit(executor, accept(executor, "AC-2026-900003"), "Вопрос рассмотрен, разъяснения даны.");

        // the office department has a chain, but «Иное» goes to the moderators with a plain «Согласовать»
        Sent card = awaitCard("kuznetsova", "AC-2026-900003", "Согласовать");
        assertThat(card.keyboard().get(0).get(0).text()).isEqualTo("✅ Согласовать");
    }

    private void submit(String executor, Sent prepareCard, String text) {
        Sent draft = draftAnswer(executor, prepareCard, "Решено", text);
        submitDraft(user(executor), draft);
    }
}
