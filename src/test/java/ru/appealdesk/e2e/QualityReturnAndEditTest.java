package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's quality return of an approved answer and the moderator's «Изменить текст» (PRODUCT.md §9,
 * seed 003: Координатор, Куратор, Руководитель).
 */
class QualityReturnAndEditTest extends EndToEndTest {

    @Test
    void theModeratorCorrectsTheTextAndTheCoordinatorSendsTheApprovedAnswerBack() {
        // given an answer under review by the roads approver
        JsonNode created = register(appealRequest("QR-2026-520001", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "QR-2026-520001"), "Решено", "Яма заделна.");
        int belovSeen = telegram.messagesTo(user("belov")).size();
        submitDraft(user(executor), draft);
        Sent review = awaitNew(user("belov"), belovSeen, m -> m.text().contains("QR-2026-520001")
                && m.hasButton("Изменить текст"));

        // when the executor forges «Изменить текст»
        String forged = telegram.pressData(user(executor), review, review.button("Изменить текст").data());

        // then it is refused
        assertThat(telegram.awaitAnswer(forged).text()).contains("недоступно");

        // when the approver corrects the text
        belovSeen = telegram.messagesTo(user("belov")).size();
        telegram.press(user("belov"), review, "Изменить текст");
        telegram.awaitText(user("belov"), "Пришлите исправленный текст ответа");
        telegram.userSends(user("belov"), "Яма заделана 05.03.2026 силами подрядчика.");

        // then the answer carries the new text, the history keeps the old one, and a new card shows the new text
        Sent corrected = awaitNew(user("belov"), belovSeen, m -> m.text().contains("QR-2026-520001")
                && m.hasButton("Согласовать"));
        assertThat(corrected.text()).contains("Яма заделана 05.03.2026 силами подрядчика.")
                .doesNotContain("Яма заделна.");
        JsonNode edited = appeal(id);
        assertThat(edited.get("status").asText()).isEqualTo("ANSWER_REVIEW");
        assertThat(edited.at("/answer/text").asText()).isEqualTo("Яма заделана 05.03.2026 силами подрядчика.");
        JsonNode last = edited.get("history").get(edited.get("history").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("ANSWER_EDITED");
        assertThat(last.get("comment").asText()).isEqualTo("Прежний текст: Яма заделна.");
        telegram.awaitMessage(user("belov"), m -> m.messageId() == review.messageId()
                && m.text().contains("Текст ответа изменён (Белов") && m.keyboard().isEmpty());
        telegram.awaitText(user(executor), "изменил(а) текст вашего ответа");

        // when the approver approves and a coordinator finds the answer not fit to place
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("belov"), corrected, "Согласовать");
        Sent approved = awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("QR-2026-520001")
                && m.hasButton("Вернуть на доработку"));
        assertThat(approved.text()).contains("Яма заделана 05.03.2026 силами подрядчика.");
        telegram.press(user("sokolova"), approved, "Вернуть на доработку");
        telegram.awaitText(user("sokolova"), "нельзя разместить");
        telegram.userSends(user("sokolova"), "ок");

        // then a reason without substance is refused
        telegram.awaitText(user("sokolova"), "Комментарий слишком короткий");
        assertThat(appeal(id).get("status").asText()).isEqualTo("APPROVED");

        // when the coordinator explains
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user("sokolova"), "Нет фото результата работ, портал такой ответ не примет");

        // then the executor gets the rework card with the reason, and the other coordinator's card is closed
        Sent rework = awaitNew(user(executor), executorSeen, m -> m.text().contains("QR-2026-520001")
                && m.hasButton("Подготовить ответ"));
        assertThat(rework.text()).contains("Нет фото результата работ", "Соколова");
        JsonNode returned = awaitStatus(id, "REWORK");
        JsonNode quality = returned.get("history").get(returned.get("history").size() - 1);
        assertThat(quality.get("type").asText()).isEqualTo("QUALITY_RETURN");
        assertThat(quality.get("actor").asText()).isEqualTo("sokolova");
        telegram.awaitMessage(user("popov"), m -> m.text().contains("QR-2026-520001")
                && m.text().contains("Возвращено на доработку (Соколова") && m.keyboard().isEmpty());
    }

    @Test
    void anExecutorCannotSendTheApprovedAnswerBack() {
        // given an approved answer
        JsonNode created = register(appealRequest("QR-2026-520002", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "QR-2026-520002"), "Решено", "Сделано.");
        int belovSeen = telegram.messagesTo(user("belov")).size();
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        submitDraft(user(executor), draft);
        telegram.press(user("belov"), awaitNew(user("belov"), belovSeen, m -> m.text().contains("QR-2026-520002")
                && m.hasButton("Согласовать")), "Согласовать");
        Sent approved = awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("QR-2026-520002")
                && m.hasButton("Вернуть на доработку"));

        // when the executor and the moderator forge the coordinator's button
        String byExecutor = telegram.pressData(user(executor), approved,
                approved.button("Вернуть на доработку").data());
        String byModerator = telegram.pressData(user("belov"), approved,
                approved.button("Вернуть на доработку").data());

        // then both are refused and the answer stays approved
        assertThat(telegram.awaitAnswer(byExecutor).text()).contains("недоступно");
        assertThat(telegram.awaitAnswer(byModerator).text()).contains("недоступно");
        assertThat(appeal(id).get("status").asText()).isEqualTo("APPROVED");
    }
}
