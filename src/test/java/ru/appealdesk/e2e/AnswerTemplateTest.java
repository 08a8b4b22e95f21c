package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;

/**
 * Answer templates («вариант решения», seed 000 п.1, 3, 6; PRODUCT.md §9) in the answer dialog and through
 * {@code GET /api/templates}, and video evidence (seed 004 п.19–20): videos in answers, the 20 MB limit, and the
 * proof a fast-track answer of Инцидент Менеджмент needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnswerTemplateTest extends EndToEndTest {

    /** The first bytes of an MP4 file: a 24-byte {@code ftyp} box of brand {@code mp42}. */
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2',
            'i', 's', 'o', 'm', 0, 0, 0, 8, 'f', 'r', 'e', 'e'};
    static final byte[] MOV = {0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0, 'q', 't', ' ', ' ',
            0, 0, 0, 8, 'w', 'i', 'd', 'e'};

    @Test
    void aTemplateIsChosenKeptAndSubmittedAndTheHistoryNamesIt() {
        // given an appeal whose address has markup characters
        JsonNode appeal = register(appealRequest("TPL-2026-1", "roads").put("address", "ул. Мира <угол> & Co, 3"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        FakeTelegram.Sent prepare = accept(executor, "TPL-2026-1");

        // when the executor picks «Решено» and the first template
        FakeTelegram.Sent templates = chooseType(chat, prepare, "Решено");
        assertThat(templates.hasButton("Ямочный ремонт выполнен")).isTrue();
        assertThat(templates.hasButton("Свой текст")).isTrue();
        assertThat(templates.hasButton("Ремонт в план сезона")).as("a NOT_RESOLVED template").isFalse();
        int seen = telegram.messagesTo(chat).size();
        telegram.press(chat, templates, "Ямочный ремонт выполнен");
        FakeTelegram.Sent draft = awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование"));

        // then the draft is the template filled from the appeal, escaped for HTML (the fake server checks it)
        assertThat(draft.text()).contains("Вариант решения «Ямочный ремонт выполнен» подставлен")
                .contains("№ TPL-2026-1 от 02.03.2026").contains("по адресу ул. Мира &lt;угол&gt; &amp; Co, 3");
        submitDraft(chat, draft);
        JsonNode submitted = awaitStatus(appeal.get("id").asLong(), "ANSWER_REVIEW");
        assertThat(submitted.get("answer").get("text").asText()).startsWith("Уважаемый заявитель! По Вашему "
                + "обращению № TPL-2026-1 от 02.03.2026").contains("ул. Мира <угол> & Co, 3");
        assertThat(entry(submitted, "ANSWER_SUBMITTED").get("template").asText()).isEqualTo("roads-pothole-fixed");
    }

    @Test
    void aTemplateReplacedByOwnTextIsNotRecorded() {
        JsonNode appeal = register(appealRequest("TPL-2026-2", "roads"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        FakeTelegram.Sent templates = chooseType(chat, accept(executor, "TPL-2026-2"), "Не решено");
        int seen = telegram.messagesTo(chat).size();
        telegram.press(chat, templates, "Ремонт в план сезона");
        awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование") && m.text().contains("план дорожных"));

        // the executor's own text replaces the template's
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "Ремонт участка выполним после согласования с владельцем сетей.");
        FakeTelegram.Sent draft = awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование")
                && m.text().contains("Текст ответа обновлён"));
        assertThat(draft.text()).contains("после согласования с владельцем сетей").doesNotContain("план дорожных");
        submitDraft(chat, draft);
        JsonNode submitted = awaitStatus(appeal.get("id").asLong(), "ANSWER_REVIEW");
        assertThat(submitted.get("answer").get("text").asText()).startsWith("Ремонт участка выполним");
        assertThat(entry(submitted, "ANSWER_SUBMITTED").get("template").isNull()).isTrue();
    }

    @Test
    void aTemplateButtonOfAnotherAnswerTypeIsStale() {
        JsonNode appeal = register(appealRequest("TPL-2026-6", "roads"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        FakeTelegram.Sent prepare = accept(executor, "TPL-2026-6");
        FakeTelegram.Sent resolved = chooseType(chat, prepare, "Решено");
        // the executor changes their mind: «Не решено»
        chooseType(chat, prepare, "Не решено");
        String press = telegram.pressData(chat, resolved, resolved.button("Ямочный ремонт выполнен").data());
        assertThat(telegram.awaitAnswer(press).text()).contains("устарела");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "Своими словами.");
        assertThat(awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование")).text())
                .contains("Тип: «Не решено»").contains("Своими словами.");
    }

    @Test
    void withoutTemplatesOnlyOwnTextIsOffered() {
        JsonNode appeal = register(appealRequest("TPL-2026-3", "other"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        FakeTelegram.Sent card = chooseType(chat, accept(executor, "TPL-2026-3"), "Решено");
        assertThat(card.keyboard()).hasSize(1);
        assertThat(card.hasButton("Свой текст")).isTrue();
        assertThat(card.text()).contains("готовых вариантов решения для этой категории нет");
        int seen = telegram.messagesTo(chat).size();
        telegram.press(chat, card, "Свой текст");
        awaitNew(chat, seen, m -> m.text().contains("Пришлите текст ответа заявителю одним сообщением."));
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "Вопрос решён по телефону.");
        assertThat(awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование")).text())
                .contains("Вопрос решён по телефону.");
    }

    @Test
    void aVideoGoesWithTheAnswerToTheModeratorAndAnOversizedOneIsRefused() {
        // given a draft answer
        JsonNode appeal = register(appealRequest("TPL-2026-4", "roads"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        FakeTelegram.Sent draft = draftAnswer(executor, accept(executor, "TPL-2026-4"), "Решено",
                "Яма заделана, видео прилагается.");

        // when a 25 MB video comes, it is refused naming the limit
        int seen = telegram.messagesTo(chat).size();
        telegram.userSendsVideo(chat, "video/mp4", MP4, 25L * 1024 * 1024 + 512 * 1024);
        assertThat(awaitNew(chat, seen, m -> m.text().contains("Видео не принято")).text())
                .contains("его размер 25,5 МБ").contains("не больше 20 МБ (столько Telegram передаёт боту)");

        // and a video within the limit, and a MOV sent as a file, are attached
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsVideo(chat, "video/mp4", MP4, MP4.length);
        awaitNew(chat, seen, m -> m.text().contains("всего вложений: 1"));
        seen = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, "обход.mov", "video/quicktime", MOV);
        draft = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 2"));
        submitDraft(chat, draft);
        JsonNode submitted = awaitStatus(appeal.get("id").asLong(), "ANSWER_REVIEW");
        assertThat(submitted.get("answer").get("attachments").findValuesAsText("kind"))
                .containsExactly("VIDEO", "VIDEO");

        // then the moderator gets the videos with the answer
        long moderator = user("belov");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(moderator).stream()
                .anyMatch(m -> m.text().startsWith("[video] video-")));
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(moderator).stream().anyMatch(m -> m.text().startsWith("[document] doc-")))
                .as("the MOV sent as a file goes on as a file").isTrue();
    }

    @Test
    void aFastTrackAnswerOfIncidentManagementNeedsProof() {
        // given a «решаемое» message of Инцидент Менеджмент in work
        JsonNode appeal = register(appealRequest("TPL-2026-5", "roads").put("source", "INCIDENT")
                .put("priority", "FAST_TRACK"));
        String executor = appeal.get("executor").asText();
        long chat = user(executor);
        FakeTelegram.Sent draft = draftAnswer(executor, accept(executor, "TPL-2026-5"), "Решено",
                "Проблема не подтвердилась при выезде.");
        assertThat(draft.text()).contains("приложите фото, видео или документ");

        // when it is sent without any file, it is refused with the reason
        String press = telegram.press(chat, draft, "Отправить на согласование");
        assertThat(telegram.awaitAnswer(press).text()).contains("фото, видео или документ");
        assertThat(appeal(appeal.get("id").asLong()).get("status").asText()).isEqualTo("IN_PROGRESS");

        // then with a video it goes for approval
        int seen = telegram.messagesTo(chat).size();
        telegram.userSendsVideo(chat, "video/mp4", MP4, MP4.length);
        draft = awaitNew(chat, seen, m -> m.text().contains("всего вложений: 1"));
        submitDraft(chat, draft);
        awaitStatus(appeal.get("id").asLong(), "ANSWER_REVIEW");
    }

    @Test
    void theTemplatesAreListedForThePortals() {
        Api.Response all = api.get("/api/templates");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsText("category")).contains("roads", "transport", "lighting", "snow",
                "yards", "heating", "water", "buildings", "waste", "benefits", "education", "other");
        JsonNode roads = api.get("/api/templates?category=roads&type=RESOLVED").json();
        assertThat(roads).hasSize(1);
        assertThat(roads.get(0).get("text").asText()).contains("{number}").contains("{address}");
        assertThat(roads.get(0).get("categoryName").asText()).isEqualTo("Дороги и тротуары");
        assertThat(api.get("/api/templates?category=other&type=RESOLVED").json()).isEmpty();
        assertThat(api.get("/api/templates?category=nowhere").status()).isEqualTo(400);
        assertThat(api.get("/api/templates?type=DONE").status()).isEqualTo(400);
        assertThat(api.admin().get("/api/templates").status()).isEqualTo(200);
    }

    private static JsonNode entry(JsonNode appeal, String type) {
        JsonNode found = null;
        for (JsonNode e : appeal.get("history")) {
            if (e.get("type").asText().equals(type)) {
                found = e;
            }
        }
        assertThat(found).as(type + " in " + appeal.get("history")).isNotNull();
        return found;
    }
}
