package ru.appealdesk.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/** The appeal's whole life through Telegram: intake, accept, answer with photos, approval, publication. */
class AppealLifecycleTest extends EndToEndTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};

    @Test
    void happyPathFromIntakeToClosed() {
        // given an appeal with an applicant photo, routed to a roads executor
        ObjectNode request = appealRequest("DD-2026-100001", "roads");
        String photo = portal.serve("/photo/1.jpg", ru.appealdesk.support.FakePortal.JPEG);
        request.putArray("photos").add(photo);
        JsonNode created = register(request);
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        assertThat(executor).isIn("morozov", "volkova");
        assertThat(created.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(created.get("dueAt").asText()).isEqualTo("2026-03-13T16:45:00+03:00");
        // answer placed «за 2 (двое) суток» before dueAt, calendar time (seed 000 п.10, 12; PRODUCT.md §13.2)
        assertThat(created.get("answerDueAt").asText()).isEqualTo("2026-03-11T16:45:00+03:00");

        // then the executor gets the applicant's photo and the card with both buttons, deadline and contacts
        telegram.awaitMessage(user(executor), m -> m.text().equals("[photo] attach://appeal-" + id + "-photo-1.jpg"));
        Sent card = awaitCard(executor, "DD-2026-100001", "Взять в работу");
        assertThat(card.hasButton("Вернуть")).isTrue();
        assertThat(card.text()).contains("11.03.2026 16:45", "Дороги и тротуары", "г. Руза, ул. Солнцева, 5",
                "+79990001122", "a@b.ru", "осталось 9 д");

        // when the executor accepts
        telegram.press(user(executor), card, "Взять в работу");

        // then the card is edited and a new card offers to prepare the answer
        telegram.awaitMessage(user(executor), m -> m.messageId() == card.messageId() && m.text().contains("Принято"));
        Sent accepted = awaitCard(executor, "DD-2026-100001", "Подготовить ответ");
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");

        // when the executor prepares an answer «Решено» with text and a photo
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.press(user(executor), accepted, "Подготовить ответ");
        Sent types = awaitNew(user(executor), seen, m -> m.hasButton("Решено") && m.hasButton("Отложено"));
        assertThat(types.hasButton("Не решено")).isTrue();
        assertThat(types.hasButton("Отклонено")).isTrue();
        telegram.press(user(executor), types, "Решено");
        telegram.awaitText(user(executor), "Пришлите текст ответа");
        seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "Яма заделана 05.03.2026, фото прилагается.");
        awaitNew(user(executor), seen, m -> m.hasButton("Отправить на согласование"));
        // the draft's buttons move to the newest message of the dialog
        seen = telegram.messagesTo(user(executor)).size();
        telegram.userSendsPhoto(user(executor), JPEG);
        Sent draft = awaitNew(user(executor), seen, m -> m.text().contains("Файл добавлен"));
        submitDraft(user(executor), draft);

        // then the department's approver gets the answer with its photo and the buttons
        Sent review = awaitCard("belov", "DD-2026-100001", "Согласовать");
        assertThat(review.hasButton("На доработку")).isTrue();
        assertThat(review.text()).contains("Яма заделана 05.03.2026", "Решено", "+79990001122");
        assertThat(telegram.messagesTo(user("belov"))).anyMatch(m -> m.method().equals("sendPhoto"));
        assertThat(awaitStatus(id, "ANSWER_REVIEW").at("/answer/attachments/0/kind").asText()).isEqualTo("PHOTO");

        // when the moderator approves
        telegram.press(user("belov"), review, "Согласовать");

        // then both coordinators get the final text and «Размещено»; the executor is told
        Sent approvedPopov = awaitCard("popov", "DD-2026-100001", "Размещено");
        Sent approvedSokolova = awaitCard("sokolova", "DD-2026-100001", "Размещено");
        assertThat(approvedPopov.text()).contains("Яма заделана 05.03.2026").doesNotContain("+79990001122");
        telegram.awaitText(user(executor), "согласован");

        // when one coordinator confirms publication
        telegram.press(user("popov"), approvedPopov, "Размещено");

        // then the appeal is closed and the other coordinator's copy says who acted
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("PUBLISHED");
        telegram.awaitMessage(user("sokolova"), m -> m.messageId() == approvedSokolova.messageId()
                && m.text().contains("Размещено на портале (Попов А.Е.)") && m.keyboard().isEmpty());
        telegram.awaitText(user(executor), "Обращение закрыто");
        List<String> types2 = new ArrayList<>();
        closed.get("history").forEach(h -> types2.add(h.get("type").asText()));
        // Добродел: the executor said how the applicant was told before submitting (seed 000 п.15)
        assertThat(types2).containsExactly("REGISTERED", "ASSIGNED", "ACCEPTED", "APPLICANT_NOTIFIED",
                "ANSWER_SUBMITTED", "ANSWER_APPROVED", "PUBLISHED");
        assertThat(closed.at("/history/6/actor").asText()).isEqualTo("popov");
        assertThat(closed.at("/answer/type").asText()).isEqualTo("RESOLVED");
    }
}
