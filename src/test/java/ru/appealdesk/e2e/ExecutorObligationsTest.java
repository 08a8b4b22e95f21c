package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Executor obligations (PRODUCT.md §10, seed 000 п.15, 16): before a Добродел answer goes for approval the bot asks
 * whether the applicant was told the result; «Нужна помощь» reaches the deputy head and the coordinators.
 */
class ExecutorObligationsTest extends EndToEndTest {

    @Test
    void aDobrodelAnswerAsksWhetherTheApplicantWasToldAndRecordsHow() {
        // given a Добродел answer drafted
        JsonNode created = register(appealRequest("EO-2026-910001", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "EO-2026-910001"), "Решено", "Яма заделана 03.03.2026.");

        // when the executor presses «Отправить на согласование»
        int seen = telegram.messagesTo(user(executor)).size();
        String press = telegram.press(user(executor), draft, "Отправить на согласование");

        // then the bot asks first, and nothing is submitted yet
        assertThat(telegram.awaitAnswer(press).text()).contains("уведомлён");
        Sent question = awaitNew(user(executor), seen, m -> m.text().contains("Заявитель уведомлён")
                && m.hasButton("Уведомлён по телефону"));
        assertThat(question.hasButton("Направлено на e-mail")).isTrue();
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");

        // when the executor says the result went by e-mail
        telegram.press(user(executor), question, "Направлено на e-mail");

        // then the answer is submitted, and the history says how the applicant was told
        JsonNode submitted = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(submitted.get("history").findValuesAsText("type")).containsSubsequence("APPLICANT_NOTIFIED",
                "ANSWER_SUBMITTED");
        assertThat(submitted.get("history").findValuesAsText("comment"))
                .contains("Информация направлена заявителю на e-mail");
    }

    @Test
    void aPosAnswerIsSubmittedWithoutTheQuestion() {
        JsonNode created = register(appealRequest("EO-2026-910002", "roads").put("source", "POS"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "EO-2026-910002"), "Решено", "Яма заделана 03.03.2026.");

        String press = telegram.press(user(executor), draft, "Отправить на согласование");

        assertThat(telegram.awaitAnswer(press).text()).contains("отправлен на согласование");
        assertThat(awaitStatus(id, "ANSWER_REVIEW").get("history").findValuesAsText("type"))
                .doesNotContain("APPLICANT_NOTIFIED");
    }

    @Test
    void helpIsAskedFromTheCardInWorkAndReachesTheDeputyHeadAndTheCoordinators() {
        // given an appeal in work
        JsonNode created = register(appealRequest("EO-2026-910003", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent inWork = accept(executor, "EO-2026-910003");

        // when a coordinator presses the executor's «Нужна помощь»
        String forged = telegram.press(user("sokolova"), inWork, "Нужна помощь");

        // then it is refused
        assertThat(telegram.awaitAnswer(forged).text()).contains("недоступно");

        // when the executor asks for help
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user(executor), inWork, "Нужна помощь");
        awaitNew(user(executor), seen, m -> m.text().contains("Опишите, с чем нужна помощь"));
        int orlovSeen = telegram.messagesTo(user("orlov")).size();
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.userSends(user(executor), "Участок дороги на балансе области, ЦИОГВ не отвечает.");

        // then the deputy head of the department and the coordinators get it, with the appeal
        Sent toDeputy = awaitNew(user("orlov"), orlovSeen, m -> m.text().contains("EO-2026-910003")
                && m.text().contains("просит помощи"));
        assertThat(toDeputy.text()).contains("ЦИОГВ не отвечает");
        awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("EO-2026-910003")
                && m.text().contains("просит помощи"));
        telegram.awaitText(user(executor), "Запрос помощи отправлен");

        // and the request is in the history, while the executor's card still works
        assertThat(appeal(id).get("history").findValuesAsText("type")).contains("HELP_REQUESTED");
        Sent draft = draftAnswer(executor, inWork, "Решено", "Дорога передана на ремонт области.");
        assertThat(draft).isNotNull();
    }
}
