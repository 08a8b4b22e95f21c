package ru.appealdesk.e2e;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001 §4.6: «Совокупный объем информации не может превышать 50 Мб» — the files of one answer together are at
 * most 50 MB; the file that would pass the total is refused with a clear message and the draft stays as it was.
 */
class AnswerFilesTotalTest extends EndToEndTest {

    private static final int MB = 1024 * 1024;

    /** A PDF (by its content) of exactly {@code megabytes} MB. */
    private static byte[] pdf(int megabytes, byte fill) {
        byte[] content = new byte[megabytes * MB];
        Arrays.fill(content, fill);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
        return content;
    }

    @Test
    void filesUpToFiftyMegabytesAreAcceptedAndTheOneThatWouldPassTheTotalIsRefused() {
        // given an answer being drafted (the Bot API's 20 MB is the largest single file here)
        JsonNode created = register(appealRequest("FT-2026-1", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long chat = user(executor);
        draftAnswer(executor, accept(executor, "FT-2026-1"), "Решено", "Яма заделана, акт прилагаю.");

        // when 20 + 20 MB are sent, then 11 MB (the total would be 51 MB)
        int seen = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, "act-1.pdf", "application/pdf", pdf(20, (byte) 1));
        awaitNew(chat, seen, m -> m.text().contains("всего вложений: 1"));
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, "act-2.pdf", "application/pdf", pdf(20, (byte) 2));
        awaitNew(chat, seen, m -> m.text().contains("всего вложений: 2"));
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, "act-3.pdf", "application/pdf", pdf(11, (byte) 3));

        // then the 11 MB file is refused, though alone it is within the 20 MB per file
        Sent over = awaitNew(chat, seen, m -> m.text().contains("Файл не принят"));
        assertThat(over.text()).contains("размер файла — не более 20 МБ, всех вложений ответа — не более 50 МБ");

        // when the same 11 MB come declared as 1 MB (a client may say less than it sends)
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, "act-3.pdf", "application/pdf", pdf(11, (byte) 3), MB);

        // then the download stops at the total and the file is refused the same way
        over = awaitNew(chat, seen, m -> m.text().contains("Файл не принят"));
        assertThat(over.text()).contains("всех вложений ответа — не более 50 МБ");

        // when 10 MB are sent instead: exactly the 50 MB total
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, "act-3.pdf", "application/pdf", pdf(10, (byte) 3));

        // then all three are accepted
        Sent three = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 3"));
        assertThat(three.text()).contains("FT-2026-1");

        // when one more small file is sent (the total would pass 50 MB)
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, "photo.pdf", "application/pdf", "%PDF-1.7\nsmall".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));

        // then it is refused with the limits named, and the draft keeps its three files
        Sent refusal = awaitNew(chat, seen, m -> m.text().contains("Файл не принят"));
        assertThat(refusal.text()).contains("всех вложений ответа — не более 50 МБ");
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(chat).subList(seen, telegram.messagesTo(chat).size()))
                .noneMatch(m -> m.text().contains("всего вложений: 4"));

        // and what is submitted is the three files
        Sent latest = telegram.messagesTo(chat).stream().filter(m -> m.hasButton("Отправить на согласование"))
                .reduce((a, b) -> b).orElseThrow();
        submitDraft(chat, latest);
        JsonNode review = awaitStatus(id, "ANSWER_REVIEW");
        assertThat(review.at("/answer/attachments")).hasSize(3);
    }
}
