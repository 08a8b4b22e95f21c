package ru.appealdesk.e2e;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The answer dialog as a person taps through it on a phone: the buttons are always under the latest message, the
 * earlier messages lose theirs, an album is confirmed once, files can be removed, and a refusal says what to do.
 */
class AnswerDialogTest extends EndToEndTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLiveButtonsAreAlwaysUnderTheLatestMessage() {
        // given an appeal with an applicant's photo, accepted, with the answer text typed
        var request = appealRequest("AD-2026-1", "roads");
        request.putArray("photos").add(portal.serve("/ad/1.jpg", ru.appealdesk.support.FakePortal.JPEG));
        JsonNode created = register(request);
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long chat = user(executor);
        Sent draft = draftAnswer(executor, accept(executor, "AD-2026-1"), "Решено", "Яма заделана, фото прилагаю.");
        Sent types = telegram.messagesTo(chat).stream().filter(m -> m.text().contains("AD-2026-1")
                && m.text().contains("выберите тип ответа")).reduce((a, b) -> b).orElseThrow();
        await("the type buttons are gone once a type is chosen").atMost(Duration.ofSeconds(10))
                .until(() -> latest(chat, types).keyboard().isEmpty());

        // when the executor submits without a photo
        String press = telegram.press(chat, draft, "Отправить на согласование");

        // then the alert and a chat message say what to do next
        assertThat(telegram.awaitAnswer(press).text()).contains("Пришлите фото в чат");
        int seen = telegram.messagesTo(chat).size() - 1;
        awaitNew(chat, seen, m -> m.text().contains("Нужна фотофиксация") && m.text().contains("Пришлите его"));

        // when a photo is sent: its confirmation carries the buttons, the draft message loses them
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsPhoto(chat, JPEG);
        Sent first = awaitNew(chat, seen, m -> m.text().contains("Файл добавлен"));
        assertThat(first.text()).contains("AD-2026-1", "всего вложений: 1");
        assertThat(first.hasButton("Отправить на согласование")).isTrue();
        assertThat(first.hasButton("Убрать вложения (1)")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !latest(chat, draft).hasButton("Отправить"));

        // when an album of three photos follows: one confirmation for all of them
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsAlbum(chat, JPEG, JPEG, JPEG);
        Sent album = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 4"));
        awaitOutboxDrained();
        int from = seen;
        List<Sent> confirmations = telegram.messagesTo(chat).subList(from, telegram.messagesTo(chat).size())
                .stream().filter(m -> m.text().contains("Файл добавлен")).toList();
        assertThat(confirmations).hasSize(1);
        assertThat(album.hasButton("Убрать вложения (4)")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !latest(chat, first).hasButton("Отправить"));

        // when the files are removed, the draft keeps its text and the buttons move again
        seen = telegram.messagesTo(chat).size();
        telegram.press(chat, album, "Убрать вложения");
        Sent removed = awaitNew(chat, seen, m -> m.text().contains("Вложения убраны"));
        assertThat(removed.hasButton("Отправить на согласование")).isTrue();
        assertThat(removed.hasButton("Убрать вложения")).isFalse();

        // and one more photo, submitted from the latest message, reaches the approver with that one photo
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsPhoto(chat, JPEG);
        Sent last = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 1"));
        submitDraft(chat, last);
        JsonNode review = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(review.at("/answer/attachments")).hasSize(1);
        assertThat(review.at("/answer/text").asText()).isEqualTo("Яма заделана, фото прилагаю.");

        // then no message of the dialog still has live buttons
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(chat).stream()
                .filter(m -> m.text().contains("AD-2026-1")).noneMatch(m -> m.hasButton("Отправить")
                        || m.hasButton("Убрать") || m.hasButton("Решено")));
    }

    private Sent latest(long chat, Sent message) {
        return telegram.messagesTo(chat).stream().filter(m -> m.messageId() == message.messageId()).findFirst()
                .orElseThrow();
    }
}
