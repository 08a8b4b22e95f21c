package ru.appealdesk.e2e;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.appealdesk.support.Browser;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakePortal;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.FakeTelegram.Sent;
import ru.appealdesk.support.MiniApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code appealdesk.chat.personal-data: minimal} (PRODUCT.md §15): an appeal's whole journey through the chats —
 * card, return, reassignment, reminders, accept, answer with a photo, approval, «Размещено», the applicant's
 * disagreement, {@code /appeal}, {@code /my}, a report — and not one request the Bot API received carries the
 * applicant's name, phone, e-mail, the appeal's text, the applicant's comment or photo; the cards open the appeal's
 * page of the dashboard («Открыть обращение», a Mini App), where a viewer finds the rest.
 */
@TestPropertySource(properties = "appealdesk.chat.personal-data=minimal")
class PersonalDataMinimalTest extends EndToEndTest {

    private static final String NUMBER = "PD-2026-1";
    private static final String NAME = "Заявителева Аглая Пантелеевна";
    private static final String PHONE = "+79161234567";
    private static final String EMAIL = "aglaya.zayaviteleva@example.org";
    private static final String TEXT = "Провал асфальта у подъезда 7, в яму провалилась детская коляска";
    private static final String COMMENT = "Заявителева снова пишет: провал у подъезда так и не заделан";
    private static final String PHOTO_MARK = "APPLICANT-PHOTO-MARK-7F3A";
    /** What no request may hold, whole or in part (the phone also without its +7, as a formatter might write it). */
    private static final List<String> PERSONAL = List.of(NAME, "Заявителева", "Аглая", "Пантелеевна", PHONE,
            "9161234567", EMAIL, "aglaya.zayaviteleva", TEXT, "Провал асфальта", "детская коляска", COMMENT,
            "так и не заделан", PHOTO_MARK);
    private static final String LEGAL_REASON = "Вопрос не относится к компетенции исполнителя: согласно п. 2.3 "
            + "Положения об Управлении ЖКХ участок закреплён за другим исполнителем.";
    private static final String ANSWER = "Асфальт у подъезда восстановлен 03.03.2026, фото прилагается.";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noRequestTheMessengerReceivesCarriesTheApplicantsPersonalDataAndTheCardsOpenTheAppealsPage() throws Exception {
        // given an appeal with a distinctive applicant, text and photo; its photo fetched and stored
        long id = registerAppeal(NUMBER, "roads");
        String page = PUBLIC_URL + "/app/?appeal=" + id;
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select state from applicant_photo "
                + "where appeal_id = ?", String.class, id), "STORED"::equals);
        String first = appeal(id).get("executor").asText();
        String other = first.equals("morozov") ? "volkova" : "morozov";

        // then the executor's card has the number, category, address and terms, «Открыть обращение», and nothing
        // of the applicant's
        Sent card = awaitCard(first, NUMBER, "Взять в работу");
        assertThat(card.text()).contains("Дороги и тротуары", "г. Руза, ул. Солнцева, 5", "Срок ответа:",
                "Фото заявителя: 1 (в панели)", "в чат не передаются");
        assertOpensThePage(card, page);

        // when the executor returns it with a legal basis, and a coordinator gives it to the other executor
        telegram.press(user(first), card, "Вернуть");
        telegram.awaitText(user(first), "Укажите причину возврата");
        telegram.userSends(user(first), LEGAL_REASON);
        Sent returned = awaitCard("sokolova", NUMBER, "Отклонить возврат");
        assertThat(returned.text()).contains("п. 2.3 Положения");
        assertOpensThePage(returned, page);
        telegram.press(user("sokolova"), returned, shortName(other));
        Sent assigned = awaitCard(other, NUMBER, "Взять в работу");
        assertOpensThePage(assigned, page);

        // and nobody acts for a while: the executor is reminded, then the coordinators are alerted
        clock.set(START.plus(Duration.ofMinutes(31)));
        telegram.awaitMessage(user(other), m -> m.text().contains(NUMBER) && m.text().contains("⏰"));
        clock.set(msk("2026-03-02T14:49"));
        telegram.awaitMessage(user("popov"), m -> m.text().contains(NUMBER) && m.text().contains("⚠️"));
        awaitOutboxDrained();

        // when the executor accepts and answers with a photo
        Sent accepted = accept(other, NUMBER);
        assertOpensThePage(accepted, page);
        Sent draft = draftAnswer(other, accepted, "Решено", ANSWER);
        int seen = telegram.messagesTo(user(other)).size();
        telegram.userSendsPhoto(user(other), FakePortal.JPEG);
        draft = awaitNew(user(other), seen, m -> m.text().contains("Файл добавлен"));
        submitDraft(user(other), draft);

        // then the approver's card has the answer (what staff typed), not the appeal's text
        Sent review = awaitCard("belov", NUMBER, "Согласовать");
        assertThat(review.text()).contains(ANSWER);
        assertOpensThePage(review, page);
        telegram.press(user("belov"), review, "Согласовать");

        // when a coordinator places it on the portal, and the applicant disagrees (with another photo)
        Sent approved = awaitCard("popov", NUMBER, "Размещено");
        assertThat(approved.text()).contains(ANSWER);
        assertOpensThePage(approved, page);
        telegram.press(user("popov"), approved, "Размещено");
        awaitStatus(id, "CLOSED");
        ObjectNode reopen = JSON.createObjectNode().put("comment", COMMENT);
        reopen.putArray("photos").add(portal.serve("/pd/2.jpg", photo()));
        assertThat(api.post("/api/appeals/" + id + "/reopen", reopen.toString()).status()).isEqualTo(200);
        Sent reopened = telegram.awaitMessage(user(other), m -> m.text().contains(NUMBER)
                && m.text().contains("не согласен") && m.hasButton("Подготовить ответ"));
        assertOpensThePage(reopened, page);

        // and people look the appeal up, and a curator asks for a report
        seen = telegram.messagesTo(user("sokolova")).size();
        telegram.userSends(user("sokolova"), "/appeal " + NUMBER);
        assertOpensThePage(awaitNew(user("sokolova"), seen, m -> m.text().contains(NUMBER)
                && m.text().contains("в работе у исполнителя")), page);
        seen = telegram.messagesTo(user(other)).size();
        telegram.userSends(user(other), "/appeal " + NUMBER);
        assertOpensThePage(awaitNew(user(other), seen, m -> m.text().contains(NUMBER)
                && m.hasButton("Подготовить ответ")), page);
        telegram.userSends(user(other), "/my");
        telegram.awaitMessage(user(other), m -> m.text().contains("Ваши открытые обращения")
                && m.text().contains(NUMBER));
        seen = telegram.messagesTo(user("smirnova")).size();
        telegram.userSends(user("smirnova"), "/report неделя");
        awaitNew(user("smirnova"), seen, m -> m.method().equals("sendDocument"));
        awaitOutboxDrained();

        // then not one request to the Bot API holds the applicant's personal data: texts, edits, captions, button
        // labels, callback answers, file names, and the bytes of every upload (a workbook's sheets unpacked)
        List<FakeTelegram.Request> requests = telegram.requests();
        assertThat(requests).extracting(FakeTelegram.Request::method)
                .contains("sendMessage", "editMessageText", "answerCallbackQuery", "sendPhoto", "sendDocument");
        List<String> leaks = new ArrayList<>();
        for (FakeTelegram.Request r : requests) {
            for (String text : readable(r)) {
                PERSONAL.stream().filter(text::contains).forEach(p -> leaks.add(r.method() + " carries «" + p + "»: "
                        + text.substring(0, Math.min(text.length(), 300))));
            }
        }
        assertThat(leaks).as("requests to the messenger that carry the applicant's personal data").isEmpty();
        // and no card showed the contacts, so no card read them
        assertThat(jdbc.queryForObject("select count(*) from audit_event where appeal_id = ? and action = "
                + "'CARD_WITH_CONTACTS'", Long.class, id)).isZero();
        // while the appeal itself keeps all of it, for the dashboard and the portals
        JsonNode kept = appeal(id);
        assertThat(kept.get("text").asText()).isEqualTo(TEXT);
        assertThat(kept.at("/applicant/name").asText()).isEqualTo(NAME);
    }

    @Test
    void theButtonOpensTheAppealsPageInTheMiniAppWithWhatTheChatLeftOut() {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        // given an appeal nobody is assigned to: the coordinators' card, without the photo
        long id = registerAppeal("PD-2026-2", "no-such-category");
        Sent card = awaitCard("sokolova", "PD-2026-2", "Открыть обращение");
        assertThat(card.text()).contains("выберите исполнителя").doesNotContain(TEXT).doesNotContain("Заявителева");
        String page = card.button("Открыть обращение").webApp();
        assertThat(page).isEqualTo(PUBLIC_URL + "/app/?appeal=" + id);
        WebDriver browser = Browser.open(1280, 900).orElseThrow();
        try {
            // when Telegram opens the Mini App at the button's address, with its initData in the fragment
            String initData = MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant());
            browser.get("http://localhost:" + port + page.substring(PUBLIC_URL.length()) + "#tgWebAppData="
                    + URLEncoder.encode(initData, StandardCharsets.UTF_8) + "&tgWebAppVersion=8.0");

            // then the page signs the coordinator in and shows that appeal, with the text the chat left out
            Browser.waitFor(browser).until(d -> "appeal".equals(d.findElement(By.tagName("body"))
                    .getAttribute("data-ready")));
            assertThat(browser.findElement(By.id("appeal-number")).getText()).contains("PD-2026-2");
            assertThat(browser.findElement(By.id("appeal")).getText()).contains(TEXT);
            assertThat(browser.getCurrentUrl()).endsWith("/app/#/appeal/" + id);
        } finally {
            browser.quit();
        }
    }

    /** Registers an appeal of the distinctive applicant, with their text and photo. */
    private long registerAppeal(String number, String category) {
        ObjectNode request = appealRequest(number, category).put("text", TEXT);
        request.putObject("applicant").put("name", NAME).put("phone", PHONE).put("email", EMAIL);
        request.putArray("photos").add(portal.serve("/pd/" + number + ".jpg", photo()));
        return register(request).get("id").asLong();
    }

    /** A JPEG the service takes as one, marked so that its bytes can be looked for in uploads. */
    private static byte[] photo() {
        byte[] mark = PHOTO_MARK.getBytes(StandardCharsets.US_ASCII);
        byte[] photo = Arrays.copyOf(FakePortal.JPEG, FakePortal.JPEG.length + mark.length);
        System.arraycopy(mark, 0, photo, FakePortal.JPEG.length, mark.length);
        return photo;
    }

    private static void assertOpensThePage(Sent card, String page) {
        assertThat(card.button("Открыть обращение").webApp()).as(card.text()).isEqualTo(page);
        assertThat(card.button("Открыть обращение").data()).isNull();
    }

    /** Everything of a request a person could read: its parameters as they arrived, its body, and zipped files. */
    private static List<String> readable(FakeTelegram.Request r) throws IOException {
        List<String> texts = new ArrayList<>(List.of(r.paramsText(), new String(r.body(), StandardCharsets.UTF_8)));
        unzipped(r.body()).ifPresent(texts::add);
        return texts;
    }

    /** The entries of a zip (an XLSX) inside an upload, as text; empty when the request carries none. */
    private static Optional<String> unzipped(byte[] body) throws IOException {
        int start = indexOf(body, new byte[] {'P', 'K', 3, 4}, 0);
        int directoryEnd = indexOf(body, new byte[] {'P', 'K', 5, 6}, Math.max(start, 0));
        if (start < 0 || directoryEnd < 0) {
            return Optional.empty();
        }
        int end = directoryEnd + 22 + (body[directoryEnd + 20] & 0xff) + ((body[directoryEnd + 21] & 0xff) << 8);
        Path file = Files.createTempFile("upload", ".zip");
        StringBuilder all = new StringBuilder();
        try {
            Files.write(file, Arrays.copyOfRange(body, start, end));
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        } finally {
            Files.delete(file);
        }
        assertThat(all).as("the workbook was unpacked").contains("<worksheet");
        return Optional.of(all.toString());
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Instant msk(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant();
    }

    private static String shortName(String staffId) {
        return staffId.equals("morozov") ? "Морозов Д.А." : "Волкова Е.А.";
    }
}
