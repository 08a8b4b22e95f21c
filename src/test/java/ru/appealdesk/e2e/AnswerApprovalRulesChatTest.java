package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.support.FakePortal.JPEG;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.ConfigVariant;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.FakeTelegram.Sent;

/**
 * The rules around the answer's approval through the chat (PRODUCT.md §13.2): {@code answer-evidence: required}
 * (Добродел here, seed 000 п.6, 001 §4.6), {@code sign-by: DEPUTY_HEAD} (roads and education here, seed 000 п.6) and
 * the curator's return of an approved answer (seed 003 §2). The sample leaves the first two off.
 */
class AnswerApprovalRulesChatTest extends EndToEndTest {

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> ConfigVariant.of("bot-config")
                .replace("regulations.yml", "  DOBRODEL:\n", "  DOBRODEL:\n    answer-evidence: required\n")
                .replace("staff.yml", "  - id: roads\n", "  - id: roads\n    sign-by: DEPUTY_HEAD\n")
                .replace("staff.yml", "  - id: education\n", "  - id: education\n    sign-by: DEPUTY_HEAD\n")
                .write("answer-approval-rules"));
    }

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void aResolvedAnswerWithoutEvidenceIsRefusedNamingWhatToAttachAndGoesWithAPhoto() {
        // given a Добродел answer «Решено» drafted with text only
        JsonNode created = register(appealRequest("EV-2026-330001", "heating"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long chat = user(executor);
        Sent draft = draftAnswer(executor, accept(executor, "EV-2026-330001"), "Решено",
                "Подача горячей воды восстановлена.");

        // when the executor submits it
        int seen = telegram.messagesTo(chat).size();
        FakeTelegram.CallbackAnswer refused = telegram.awaitAnswer(
                telegram.press(chat, draft, "Отправить на согласование"));

        // then it is refused naming a photo or a document, the chat says what to do, and nothing changes
        assertThat(refused.alert()).isTrue();
        assertThat(refused.text()).contains("фото или документ");
        awaitNew(chat, seen, m -> m.text().contains("Приложите к ответу хотя бы одно фото или документ"));
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");

        // when a photo is attached and the answer submitted again
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsPhoto(chat, JPEG);
        Sent withPhoto = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 1"));
        submitDraft(chat, withPhoto);

        // then it goes for approval with the photo
        JsonNode submitted = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(submitted.at("/answer/attachments").size()).isEqualTo(1);
    }

    @Test
    void theDeputyHeadSignsAfterTheWholeChainIsRemindedOfItAndTheAnswerGoesToPlacement() {
        // given an education answer (chain of three, signed by Лебедева) submitted on a Monday morning
        clock.set(msk("2026-03-16T10:00"));
        JsonNode created = register(appealRequest("SG-2026-330002", "education").put("source", "OTHER")
                .put("receivedAt", "2026-03-16T10:00:00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "SG-2026-330002"), "Решено",
                "Ремонт ограждения школы № 2 выполнен 16.03.2026."));

        // when the three of the chain approve in turn
        approveStage("smirnova", "SG-2026-330002", "Согласовать (1 из 4)", "kuznetsova");
        approveStage("kuznetsova", "SG-2026-330002", "Согласовать (2 из 4)", "belov");
        int lebedevaSeen = telegram.messagesTo(user("lebedeva")).size();
        telegram.press(user("belov"), awaitCard("belov", "SG-2026-330002", "Согласовать (3 из 4)"),
                "Согласовать (3 из 4)");

        // then the deputy head gets the answer to sign: «Подписать», «На доработку», nothing else
        Sent toSign = awaitNew(user("lebedeva"), lebedevaSeen, m -> m.text().contains("SG-2026-330002")
                && m.hasButton("Подписать"));
        assertThat(toSign.text()).contains("Ответ на подпись", "Ремонт ограждения школы № 2");
        assertThat(toSign.keyboard().stream().flatMap(List::stream).map(b -> b.text()).toList())
                .containsExactly("✍️ Подписать", "🔁 На доработку");
        assertThat(appeal(id).get("status").asText()).isEqualTo("ANSWER_REVIEW");

        // and the step is hers: the reminder after 30 working minutes reaches her
        lebedevaSeen = telegram.messagesTo(user("lebedeva")).size();
        clock.set(msk("2026-03-16T10:31"));
        awaitNew(user("lebedeva"), lebedevaSeen, m -> m.text().contains("SG-2026-330002")
                && m.text().contains("Напоминание"));

        // and after a day without her signature it escalates above her, to the head
        int glavaSeen = telegram.messagesTo(user("glava")).size();
        clock.set(msk("2026-03-17T10:01"));
        Sent escalation = awaitNew(user("glava"), glavaSeen, m -> m.text().contains("SG-2026-330002")
                && m.text().contains("Эскалац"));
        assertThat(escalation.text()).contains("Лебедева");

        // when a moderator of the chain forges «Подписать»
        String forged = telegram.pressData(user("smirnova"), toSign, toSign.button("Подписать").data());

        // then it is refused
        assertThat(telegram.awaitAnswer(forged).text()).contains("недоступно");

        // when the deputy head signs
        int coordinatorSeen = telegram.messagesTo(user("sokolova")).size();
        telegram.press(user("lebedeva"), toSign, "Подписать");

        // then the answer is approved, recorded as signed, and the coordinators get it to place
        JsonNode approved = awaitStatus(id, "APPROVED");
        JsonNode last = approved.get("history").get(approved.get("history").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("ANSWER_APPROVED");
        assertThat(last.get("actor").asText()).isEqualTo("lebedeva");
        assertThat(last.get("comment").asText()).isEqualTo("Ответ подписан заместителем главы");
        assertThat(approved.get("history").findValuesAsText("type")).containsSubsequence("CHAIN_APPROVED",
                "CHAIN_APPROVED", "CHAIN_APPROVED", "ANSWER_APPROVED");
        awaitNew(user("sokolova"), coordinatorSeen, m -> m.text().contains("SG-2026-330002")
                && m.hasButton("Размещено"));
        telegram.awaitMessage(user("lebedeva"), m -> m.messageId() == toSign.messageId()
                && m.text().contains("Подписано (Лебедева") && m.keyboard().isEmpty());
    }

    @Test
    void theDeputyHeadSendsTheAnswerBackAndTheNextAnswerStartsTheApprovalOver() {
        // given a roads answer approved by its approver (stage 1 of 2) and waiting for Орлов's signature
        JsonNode created = register(appealRequest("SG-2026-330003", "roads").put("source", "OTHER"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "SG-2026-330003"), "Решено",
                "Яма заделана."));
        approveStage("belov", "SG-2026-330003", "Согласовать (1 из 2)", "orlov");
        Sent toSign = awaitCard("orlov", "SG-2026-330003", "Подписать");

        // when he presses «На доработку» and writes why
        int seen = telegram.messagesTo(user("orlov")).size();
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.press(user("orlov"), toSign, "На доработку");
        awaitNew(user("orlov"), seen, m -> m.text().contains("что нужно доработать"));
        telegram.userSends(user("orlov"), "Не подпишу: укажите дату и подрядчика.");

        // then the executor has it back with his reason
        JsonNode rework = awaitStatus(id, "REWORK");
        JsonNode last = rework.get("history").get(rework.get("history").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("SENT_TO_REWORK");
        assertThat(last.get("actor").asText()).isEqualTo("orlov");
        Sent again = awaitNew(user(executor), executorSeen, m -> m.text().contains("SG-2026-330003")
                && m.hasButton("Подготовить ответ"));
        assertThat(again.text()).contains("укажите дату и подрядчика");

        // when the executor resubmits, the approver approves first again
        int belovSeen = telegram.messagesTo(user("belov")).size();
        submitDraft(user(executor), draftAnswer(executor, again, "Решено",
                "Яма заделана 16.03.2026 подрядчиком ООО «Дорстрой»."));
        awaitNew(user("belov"), belovSeen, m -> m.text().contains("SG-2026-330003")
                && m.hasButton("Согласовать (1 из 2)"));
    }

    @Test
    void theCuratorSendsAnApprovedAnswerBackForRework() {
        // given an approved housing answer (no signature there)
        JsonNode created = register(appealRequest("CU-2026-330004", "heating").put("source", "OTHER"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "CU-2026-330004"), "Решено",
                "Сделано."));
        telegram.press(user("kuznetsova"), awaitCard("kuznetsova", "CU-2026-330004", "Согласовать"), "Согласовать");
        awaitStatus(id, "APPROVED");

        // when the curator (Смирнова) opens it
        long curator = user("smirnova");
        int seen = telegram.messagesTo(curator).size();
        telegram.userSends(curator, "/appeal CU-2026-330004");

        // then her card offers the return for quality, not the placement
        Sent card = awaitNew(curator, seen, m -> m.text().contains("CU-2026-330004")
                && m.hasButton("Вернуть на доработку"));
        assertThat(card.hasButton("Размещено")).isFalse();

        // when a moderator who is no curator forges her button
        String forged = telegram.pressData(user("belov"), card, card.button("Вернуть на доработку").data());

        // then it is refused
        assertThat(telegram.awaitAnswer(forged).text()).contains("недоступно");

        // when the curator returns it with her reason
        int executorSeen = telegram.messagesTo(user(executor)).size();
        telegram.press(curator, card, "Вернуть на доработку");
        telegram.awaitText(curator, "нельзя разместить");
        telegram.userSends(curator, "Ответ формальный: не сказано, что и когда сделано");

        // then the executor has it back, the coordinators' cards close, the history names the curator
        Sent rework = awaitNew(user(executor), executorSeen, m -> m.text().contains("CU-2026-330004")
                && m.hasButton("Подготовить ответ"));
        assertThat(rework.text()).contains("Ответ формальный", "Смирнова");
        JsonNode returned = awaitStatus(id, "REWORK");
        JsonNode last = returned.get("history").get(returned.get("history").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("QUALITY_RETURN");
        assertThat(last.get("actor").asText()).isEqualTo("smirnova");
        telegram.awaitMessage(user("sokolova"), m -> m.text().contains("CU-2026-330004")
                && m.text().contains("Возвращено на доработку (Смирнова") && m.keyboard().isEmpty());
    }

    /** {@code approver} presses the stage's button; the next one ({@code next}) gets the card. */
    private void approveStage(String approver, String number, String label, String next) {
        int nextSeen = telegram.messagesTo(user(next)).size();
        telegram.press(user(approver), awaitCard(approver, number, label), label);
        awaitNew(user(next), nextSeen, m -> m.text().contains(number)
                && (m.hasButton("Согласовать") || m.hasButton("Подписать")));
    }
}
