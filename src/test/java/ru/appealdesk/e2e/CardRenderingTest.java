package ru.appealdesk.e2e;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/** Applicant text reaches Telegram escaped for HTML and split at the limits, never cut. */
class CardRenderingTest extends EndToEndTest {

    @Test
    void markupCharactersInApplicantTextAreEscaped() {
        String hostile = "<b>Срочно</b> & <script>alert(1)</script> *звёздочки* _подчёркивания_ `код` [ссылка](http://x) "
                + "a < b > c && \"кавычки\" &amp;";
        JsonNode created = register(appealRequest("DD-2026-500001", "roads").put("text", hostile)
                .put("address", "ул. <Ленина> & Co"));
        String executor = created.get("executor").asText();

        Sent card = awaitCard(executor, "DD-2026-500001", "Взять в работу");

        assertThat(card.text()).contains("&lt;b&gt;Срочно&lt;/b&gt; &amp; &lt;script&gt;", "*звёздочки* _подчёркивания_",
                "&amp;amp;", "ул. &lt;Ленина&gt; &amp; Co");
    }

    @Test
    void aSixThousandCharacterAppealIsSplitIntoSeveralMessagesWithNothingLost() {
        StringBuilder text = new StringBuilder();
        int sentence = 0;
        while (text.length() < 6000) {
            text.append("Предложение номер ").append(++sentence).append(" о ремонте двора & подъезда. ");
        }
        String body = text.toString().strip();
        JsonNode created = register(appealRequest("DD-2026-500002", "roads").put("text", body));
        String executor = created.get("executor").asText();

        Sent last = awaitCard(executor, "DD-2026-500002", "Взять в работу");

        List<Sent> parts = telegram.messagesTo(user(executor)).stream()
                .filter(m -> m.method().equals("sendMessage") && m.messageId() <= last.messageId())
                .filter(m -> m.messageId() > firstPartId(executor)).toList();
        assertThat(parts.size()).isGreaterThanOrEqualTo(2);
        assertThat(parts).allMatch(m -> m.text().length() <= 4096);
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(m -> m.keyboard().isEmpty());
        assertThat(parts.subList(1, parts.size())).allMatch(m -> m.text().startsWith("Обращение № DD-2026-500002 (продолжение)")
                || m.text().startsWith("<i>Обращение № DD-2026-500002 (продолжение)</i>"));
        String joined = parts.stream().map(Sent::text)
                .map(t -> t.replace("<i>Обращение № DD-2026-500002 (продолжение)</i>\n\n", ""))
                .collect(Collectors.joining()).replace("&amp;", "&");
        assertThat(joined).contains(body);
    }

    private long firstPartId(String executor) {
        return telegram.messagesTo(user(executor)).stream()
                .filter(m -> m.text().contains("Новое обращение для вас") && m.text().contains("DD-2026-500002"))
                .mapToLong(Sent::messageId).min().orElseThrow() - 1;
    }
}
