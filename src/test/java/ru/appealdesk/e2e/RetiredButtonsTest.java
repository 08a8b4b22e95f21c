package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.FakeTelegram.Sent;

/**
 * The answer dialog's buttons live on its latest message only, and a person on a phone still taps the older ones
 * (the edit that removes them may not have arrived, or the person scrolled up): such a tap does nothing but say
 * where the live buttons are. A second «Подготовить ответ» does not throw a draft away; /cancel takes the
 * cancelled dialog's buttons with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetiredButtonsTest extends EndToEndTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9};

    @Test
    void anOldTemplateButtonDoesNotOverwriteTheExecutorsOwnText() {
        // given a template chosen, then replaced by the executor's own text
        JsonNode appeal = register(appealRequest("RTB-2026-1", "roads"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        Sent templates = chooseType(chat, accept(executor, "RTB-2026-1"), "Решено");
        int seen = telegram.messagesTo(chat).size();
        telegram.press(chat, templates, "Ямочный ремонт выполнен");
        awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование"));
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "Яма заделана 03.03.2026 бригадой МБУ «Благоустройство».");
        Sent own = awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование"));

        // when the template button of the old card is tapped again
        FakeTelegram.CallbackAnswer answer = telegram.awaitAnswer(telegram.press(chat, templates,
                "Ямочный ремонт выполнен"));

        // then it is refused, and the own text is what goes for approval
        assertThat(answer.alert()).isTrue();
        assertThat(answer.text()).contains("Карточка устарела").contains("в последнем сообщении");
        submitDraft(chat, own);
        JsonNode submitted = awaitStatus(appeal.get("id").asLong(), "ANSWER_REVIEW");
        assertThat(submitted.at("/answer/text").asText()).startsWith("Яма заделана 03.03.2026");
    }

    @Test
    void anOldRemoveFilesButtonDoesNotRemoveFilesAddedSince() {
        // given a draft with one photo, then a second one
        JsonNode appeal = register(appealRequest("RTB-2026-2", "roads"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        draftAnswer(executor, accept(executor, "RTB-2026-2"), "Решено", "Яма заделана.");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSendsPhoto(chat, JPEG);
        Sent one = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 1"));
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsPhoto(chat, JPEG);
        Sent two = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 2"));

        // when «Убрать вложения (1)» of the older message is tapped
        FakeTelegram.CallbackAnswer answer = telegram.awaitAnswer(telegram.press(chat, one, "Убрать вложения"));

        // then nothing is removed: both photos go with the answer
        assertThat(answer.alert()).isTrue();
        assertThat(answer.text()).contains("Карточка устарела");
        submitDraft(chat, two);
        JsonNode submitted = awaitStatus(appeal.get("id").asLong(), "ANSWER_REVIEW");
        assertThat(submitted.at("/answer/attachments").size()).isEqualTo(2);
    }

    @Test
    void aSecondPrepareKeepsTheDraftAndCancelRetiresItsButtons() {
        // given a draft with text and a photo
        JsonNode appeal = register(appealRequest("RTB-2026-3", "roads"));
        long id = appeal.get("id").asLong();
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        Sent prepare = accept(executor, "RTB-2026-3");
        draftAnswer(executor, prepare, "Решено", "Яма заделана.");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSendsPhoto(chat, JPEG);
        Sent draft = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 1"));

        // when «Подготовить ответ» is tapped again (a slip of the finger)
        seen = telegram.messagesTo(chat).size();
        telegram.press(chat, prepare, "Подготовить ответ");

        // then the bot says the draft is kept and how to start over; no type card comes
        Sent kept = awaitNew(chat, seen, m -> m.text().contains("уже готовится"));
        assertThat(kept.text()).contains("/cancel");
        assertThat(telegram.messagesTo(chat).subList(seen, telegram.messagesTo(chat).size()))
                .noneMatch(m -> m.hasButton("Отклонено"));

        // when the executor cancels after all
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/cancel");
        awaitNew(chat, seen, m -> m.text().contains("Ввод отменён"));

        // then the draft's buttons are refused as retired, and nothing was submitted
        FakeTelegram.CallbackAnswer submit = telegram.awaitAnswer(telegram.press(chat, draft,
                "Отправить на согласование"));
        assertThat(submit.alert()).isTrue();
        assertThat(submit.text()).contains("Карточка устарела").contains("в последнем сообщении");
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");

        // and «Подготовить ответ» starts a fresh answer without the cancelled photo
        Sent fresh = draftAnswer(executor, prepare, "Не решено", "Ремонт в апреле.");
        assertThat(fresh.hasButton("Убрать вложения")).isFalse();
    }
}
