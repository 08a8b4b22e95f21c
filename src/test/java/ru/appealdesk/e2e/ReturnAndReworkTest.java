package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/** Returns with a legal basis, reassignment, rejected returns, rework and postponement through the chat. */
class ReturnAndReworkTest extends EndToEndTest {

    private static final String LEGAL_REASON = "Вопрос не относится к компетенции управления: согласно п. 2.3 "
            + "Положения об Управлении ЖКХ содержание дворовых проездов ведёт управляющая компания.";

    @Test
    void returnWithLegalBasisAndReassignment() {
        // given a buildings appeal routed to one of its two executors
        JsonNode created = register(appealRequest("DD-2026-200001", "buildings"));
        long id = created.get("id").asLong();
        String first = created.get("executor").asText();
        String other = first.equals("petrova") ? "sidorov" : "petrova";
        Sent card = awaitCard(first, "DD-2026-200001", "Вернуть");

        // when the executor returns it with a reason without substance
        telegram.press(user(first), card, "Вернуть");
        telegram.awaitText(user(first), "Укажите причину возврата");
        telegram.userSends(user(first), "не моё");

        // then the reason is refused with an explanation and nothing changes
        telegram.awaitText(user(first), "Причина слишком короткая");
        telegram.userSends(user(first), "Это обращение не относится к нашему управлению вообще");
        telegram.awaitText(user(first), "нет ссылки на нормативный правовой акт");
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");

        // when the executor gives a reason citing the legal basis
        telegram.userSends(user(first), LEGAL_REASON);

        // then coordinators get the reason with a button per candidate executor and «Отклонить возврат»
        Sent returned = awaitCard("sokolova", "DD-2026-200001", "Отклонить возврат");
        assertThat(returned.text()).contains("п. 2.3 Положения об Управлении ЖКХ");
        assertThat(returned.hasButton(shortName(other))).isTrue();
        assertThat(returned.hasButton(shortName(first))).isFalse();
        JsonNode afterReturn = awaitStatus(id, "RETURNED");
        assertThat(afterReturn.at("/history/2/comment").asText()).contains("п. 2.3");

        // when a coordinator reassigns to the other executor
        telegram.press(user("sokolova"), returned, shortName(other));

        // then the other executor gets the card and the appeal is assigned to them
        awaitCard(other, "DD-2026-200001", "Взять в работу");
        JsonNode reassigned = awaitStatus(id, "ASSIGNED");
        assertThat(reassigned.get("executor").asText()).isEqualTo(other);
        assertThat(reassigned.at("/history/3/type").asText()).isEqualTo("REASSIGNED");
        Sent popovCopy = telegram.awaitMessage(user("popov"), m -> m.text().contains("DD-2026-200001")
                && m.text().contains("Назначено исполнителю"));
        assertThat(popovCopy.keyboard()).isEmpty();
    }

    @Test
    void rejectedReturnLeavesTheAppealWithTheSameExecutorInProgress() {
        JsonNode created = register(appealRequest("DD-2026-200002", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent card = awaitCard(executor, "DD-2026-200002", "Вернуть");
        telegram.press(user(executor), card, "Вернуть");
        telegram.awaitText(user(executor), "Укажите причину возврата");
        telegram.userSends(user(executor), LEGAL_REASON);
        Sent returned = awaitCard("popov", "DD-2026-200002", "Отклонить возврат");

        telegram.press(user("popov"), returned, "Отклонить возврат");

        JsonNode inProgress = awaitStatus(id, "IN_PROGRESS");
        assertThat(inProgress.get("executor").asText()).isEqualTo(executor);
        Sent told = telegram.awaitMessage(user(executor), m -> m.text().contains("отклонил возврат"));
        assertThat(told.hasButton("Подготовить ответ")).isTrue();
    }

    @Test
    void moderatorSendsTheAnswerForReworkWithAReason() {
        // given an answer under review
        JsonNode created = register(appealRequest("DD-2026-200003", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "DD-2026-200003"), "Не решено", "Ремонт в мае.");
        submitDraft(user(executor), draft);
        Sent review = awaitCard("belov", "DD-2026-200003", "На доработку");

        // when the moderator returns it with a reason
        telegram.press(user("belov"), review, "На доработку");
        telegram.awaitText(user("belov"), "что нужно доработать");
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user("belov"), "Укажите точную дату ремонта и подрядчика.");

        // then the executor gets the reason and can prepare the answer again
        Sent rework = awaitNew(user(executor), seen, m -> m.hasButton("Подготовить ответ")
                && m.text().contains("DD-2026-200003"));
        assertThat(rework.text()).contains("Укажите точную дату ремонта и подрядчика.");
        assertThat(awaitStatus(id, "REWORK").at("/history/5/comment").asText())
                .isEqualTo("Укажите точную дату ремонта и подрядчика.");
        Sent second = draftAnswer(executor, rework, "Решено", "Ремонт выполнен 10.03.2026 подрядчиком ООО «Дорстрой».");
        submitDraft(user(executor), second);
        JsonNode again = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(again.at("/answer/text").asText()).contains("ООО «Дорстрой»");
    }

    @Test
    void aPostponedAnswerNeedsAValidDateAndLeavesTheAppealOpenForItsFinalAnswer() {
        JsonNode created = register(appealRequest("DD-2026-200004", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        draftAnswer(executor, accept(executor, "DD-2026-200004"), "Отложено", null);

        telegram.userSends(user(executor), "15 апреля");
        telegram.awaitText(user(executor), "Дата должна быть в формате ДД.ММ.ГГГГ");
        telegram.userSends(user(executor), "31.02.2026");
        telegram.awaitMessage(user(executor), m -> m.text().contains("формате ДД.ММ.ГГГГ")
                && telegram.messagesTo(user(executor)).stream().filter(x -> x.text().contains("формате ДД.ММ.ГГГГ"))
                .count() >= 2);
        telegram.userSends(user(executor), "15.04.2026");
        telegram.awaitText(user(executor), "не позднее 01.04.2026");
        telegram.userSends(user(executor), "20.03.2026");
        telegram.awaitText(user(executor), "Решение откладывается до 20.03.2026");
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "Ремонт запланирован на 20.03.2026 после схода снега.");
        Sent draft = awaitNew(user(executor), seen, m -> m.hasButton("Отправить на согласование"));
        submitDraft(user(executor), draft);

        Sent review = awaitCard("belov", "DD-2026-200004", "Согласовать");
        assertThat(review.text()).contains("Отложено", "отложено до 20.03.2026");
        JsonNode answered = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(answered.at("/answer/type").asText()).isEqualTo("POSTPONED");
        assertThat(answered.at("/answer/postponedUntil").asText()).isEqualTo("2026-03-20");

        // when the «Отложено» answer is approved and placed on the portal (PRODUCT.md §9)
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("belov"), review, "Согласовать");
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.press(user("sokolova"), awaitNew(user("sokolova"), sokolovaSeen,
                m -> m.text().contains("DD-2026-200004") && m.hasButton("Размещено")), "Размещено");

        // then the appeal is not closed: it waits for the final answer, with terms of the postponed date (Friday
        // 20 March ends at 16:45; Добродел's «двое суток» before it, calendar time: 18 March, 16:45 — seed 000
        // п.10, 12, PRODUCT.md §13.2)
        JsonNode postponed = awaitStatus(id, "POSTPONED");
        assertThat(postponed.get("resolution").isNull()).isTrue();
        assertThat(postponed.get("dueAt").asText()).isEqualTo("2026-03-20T16:45:00+03:00");
        assertThat(postponed.get("answerDueAt").asText()).isEqualTo("2026-03-18T16:45:00+03:00");
        Sent finalCard = awaitNew(user(executor), executorSeen, m -> m.hasButton("Подготовить итоговый ответ"));

        // when the executor prepares the final answer
        executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.press(user(executor), finalCard, "Подготовить итоговый ответ");

        // then «Отложено» is offered only as a repeated postponement (for the director of МЦУР to agree first:
        // PostponedAnswerTest), and the final answer closes the appeal when placed
        Sent types = awaitNew(user(executor), executorSeen, m -> m.hasButton("Решено"));
        assertThat(types.keyboard().stream().flatMap(java.util.List::stream).filter(b -> b.text().contains("Отложено")))
                .extracting(FakeTelegram.Btn::text).containsExactly("⏳ Отложено повторно");
        assertThat(types.hasButton("Отклонено")).isTrue();
        telegram.press(user(executor), types, "Решено");
        telegram.awaitText(user(executor), "Пришлите текст ответа");
        executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "Ремонт выполнен 19.03.2026.");
        Sent draft2 = awaitNew(user(executor), executorSeen, m -> m.hasButton("Отправить на согласование"));
        int belovSeen = telegram.messagesTo(user("belov")).size();
        submitDraft(user(executor), draft2);
        sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("belov"), awaitNew(user("belov"), belovSeen, m -> m.text().contains("DD-2026-200004")
                && m.hasButton("Согласовать")), "Согласовать");
        telegram.press(user("sokolova"), awaitNew(user("sokolova"), sokolovaSeen,
                m -> m.text().contains("DD-2026-200004") && m.hasButton("Размещено")), "Размещено");
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("PUBLISHED");
        assertThat(closed.at("/answer/type").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void answerWithoutPhotosIsRefusedWhenTheApplicantSentPhotos() {
        // given an appeal with two applicant photos
        var request = appealRequest("DD-2026-200005", "roads");
        request.putArray("photos").add(portal.serve("/p/1.jpg", ru.appealdesk.support.FakePortal.JPEG))
                .add(portal.serve("/p/2.jpg", ru.appealdesk.support.FakePortal.JPEG));
        JsonNode created = register(request);
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        assertThat(telegram.awaitMessage(user(executor), m -> m.method().equals("sendPhoto")
                && m.text().equals("[photo] attach://appeal-" + id + "-photo-2.jpg"))).isNotNull();
        Sent draft = draftAnswer(executor, accept(executor, "DD-2026-200005"), "Решено", "Сделано.");
        assertThat(draft.text()).contains("Заявитель приложил фото (2)");

        // when the executor submits without photos
        String press = telegram.press(user(executor), draft, "Отправить на согласование");

        // then the press is refused with an alert and the appeal stays in progress
        var answer = telegram.awaitAnswer(press);
        assertThat(answer.alert()).isTrue();
        assertThat(answer.text()).contains("ответ должен содержать фото");
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");

        // when a photo is added, the draft (now under the newest message) can be submitted
        telegram.userSendsPhoto(user(executor), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9});
        submitDraft(user(executor), telegram.awaitMessage(user(executor), m -> m.text().contains("Файл добавлен")
                && m.text().contains("DD-2026-200005") && m.hasButton("Отправить на согласование")));
        awaitStatus(id, "ANSWER_REVIEW");
    }

    @Test
    void documentsOfAllowedFormatsAreAttachedAndOthersRefused() {
        JsonNode created = register(appealRequest("DD-2026-200006", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        draftAnswer(executor, accept(executor, "DD-2026-200006"), "Отклонено",
                "Вопрос решается в порядке 59-ФЗ, акт прилагается.");

        telegram.userSendsDocument(user(executor), "virus.exe", "application/octet-stream", new byte[] {1, 2});
        telegram.awaitText(user(executor), "Файл «virus.exe» не принят");
        telegram.userSendsDocument(user(executor), "scan.tiff", "image/tiff", new byte[] {1}, 30L * 1024 * 1024);
        telegram.awaitText(user(executor), "размер файла — не более 20 МБ");
        telegram.userSendsDocument(user(executor), "акт обследования.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        telegram.awaitText(user(executor), "всего вложений: 1");
        // the content decides, not the name: a text file named .jpg is refused, a PNG named .pdf is a photo
        telegram.userSendsDocument(user(executor), "фото.jpg", "image/jpeg",
                "это не картинка".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        telegram.awaitText(user(executor), "Файл «фото.jpg» не принят: по содержимому");
        telegram.userSendsDocument(user(executor), "схема.pdf", "application/pdf",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});
        submitDraft(user(executor), telegram.awaitMessage(user(executor), m -> m.text().contains("DD-2026-200006")
                && m.text().contains("всего вложений: 2")));

        awaitCard("belov", "DD-2026-200006", "Согласовать");
        // both arrived in Telegram as documents, so they are shown as an album of documents
        assertThat(telegram.messagesTo(user("belov"))).filteredOn(m -> m.method().equals("sendMediaGroup")
                && m.text().startsWith("[document]")).hasSizeGreaterThanOrEqualTo(2);
        JsonNode review = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(review.at("/answer/attachments/0/kind").asText()).isEqualTo("DOCUMENT");
        assertThat(review.at("/answer/attachments/1/kind").asText()).isEqualTo("PHOTO");
        assertThat(review.at("/answer/type").asText()).isEqualTo("REJECTED");
    }

    private static String shortName(String staffId) {
        return switch (staffId) {
            case "petrova" -> "Петрова А.С.";
            case "sidorov" -> "Сидоров П.И.";
            case "morozov" -> "Морозов Д.А.";
            default -> "Волкова Е.А.";
        };
    }
}
