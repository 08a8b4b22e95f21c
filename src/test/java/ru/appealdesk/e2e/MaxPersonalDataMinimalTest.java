package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeMax;
import ru.appealdesk.support.FakePortal;
import ru.appealdesk.support.MaxPhone;
import ru.appealdesk.support.Phone;
import ru.appealdesk.support.Phone.Msg;

/**
 * {@code appealdesk.chat.personal-data: minimal} in MAX (PRODUCT.md §15): the cards carry no applicant's data, and
 * «Открыть обращение» — MAX has no Mini App — is a press that brings a fresh one-time login link landing on the
 * appeal's page; not one request MAX received, uploads included, holds the applicant's name, phone, e-mail, text or
 * photo.
 */
@TestPropertySource(properties = "appealdesk.chat.personal-data=minimal")
class MaxPersonalDataMinimalTest extends EndToEndTest {

    static final FakeMax MAX = new FakeMax();
    private static final Phone PHONE_IN_MAX = new MaxPhone(MAX);
    private static final String NAME = "Заявителева Аглая Пантелеевна";
    private static final String PHONE = "+79161234567";
    private static final String EMAIL = "aglaya.zayaviteleva@example.org";
    private static final String TEXT = "Провал асфальта у подъезда 7, в яму провалилась детская коляска";
    private static final String PHOTO_MARK = "APPLICANT-PHOTO-MARK-MAX-9C1D";
    private static final List<String> PERSONAL = List.of(NAME, "Заявителева", "Аглая", PHONE, "9161234567", EMAIL,
            "aglaya.zayaviteleva", TEXT, "Провал асфальта", "детская коляска", PHOTO_MARK);

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void max(DynamicPropertyRegistry registry) {
        MAX.register(registry);
    }

    @Override
    protected Phone phone() {
        return PHONE_IN_MAX;
    }

    @Test
    void noRequestToMaxCarriesTheApplicantsDataAndThePageOpensByAFreshLink() {
        // given an appeal with a distinctive applicant, text and photo (fetched and stored)
        ObjectNode request = appealRequest("PDM-2026-1", "roads").put("text", TEXT);
        request.putObject("applicant").put("name", NAME).put("phone", PHONE).put("email", EMAIL);
        request.putArray("photos").add(portal.serve("/pdm/1.jpg", photo()));
        long id = register(request).get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select state from applicant_photo "
                + "where appeal_id = ?", String.class, id), "STORED"::equals);
        String executor = appeal(id).get("executor").asText();

        // then the executor's card in MAX has the number, category, address and «Открыть обращение», nothing else
        Msg card = phone().awaitMessage(user(executor), m -> m.hasButton("Взять в работу")
                && m.text().contains("PDM-2026-1"));
        assertThat(card.text()).contains("Дороги и тротуары", "г. Руза, ул. Солнцева, 5", "в чат не передаются");
        assertThat(card.button("Открыть обращение").data()).startsWith("pg:" + id + ":");

        // when the executor presses «Открыть обращение»
        int seen = phone().messagesTo(user(executor)).size();
        String press = phone().press(user(executor), card, "Открыть обращение");

        // then a fresh one-time login link comes, and it lands on the appeal's page
        assertThat(phone().awaitAnswer(press)).isEqualTo("Ссылка на обращение отправлена");
        Msg link = await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Msg> all = phone().messagesTo(user(executor));
            return all.subList(Math.min(seen, all.size()), all.size()).stream()
                    .filter(m -> m.hasButton("Открыть обращение")).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
        String url = link.button("Открыть обращение").url();
        assertThat(url).startsWith(PUBLIC_URL + "/login?token=").endsWith("&appeal=" + id);
        assertThat(signIn(url.substring(PUBLIC_URL.length()))).isEqualTo("/app/?appeal=" + id);

        // when the executor accepts and the appeal's reminders run
        phone().press(user(executor), card, "Взять в работу");
        phone().awaitMessage(user(executor), m -> m.hasButton("Подготовить ответ") && m.text().contains("PDM-2026-1"));
        awaitOutboxDrained();

        // then not one request to MAX holds the applicant's data: texts, buttons, answers, nor any uploaded bytes
        List<String> leaks = new ArrayList<>();
        for (FakeMax.Call call : MAX.calls()) {
            String readable = call.query() + " " + call.body();
            PERSONAL.stream().filter(readable::contains).forEach(p -> leaks.add(call.method() + " " + call.path()
                    + " carries «" + p + "»"));
        }
        for (FakeMax.Upload upload : MAX.uploads()) {
            String bytes = upload.content() == null ? "" : new String(upload.content(), StandardCharsets.UTF_8);
            PERSONAL.stream().filter(bytes::contains).forEach(p -> leaks.add("upload " + upload.name() + " carries «"
                    + p + "»"));
        }
        assertThat(MAX.calls()).isNotEmpty();
        assertThat(leaks).as("requests to MAX that carry the applicant's personal data").isEmpty();
        assertThat(MAX.violations()).isEmpty();
    }

    /** Opens the login link's page and presses «Войти»: where the service sends the browser. */
    private String signIn(String pathAndQuery) {
        Api.Response page = api.send(HttpRequest.newBuilder(URI.create(api.base() + pathAndQuery)).GET());
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        Matcher csrf = DashboardClient.CSRF_FIELD.matcher(page.raw());
        assertThat(csrf.find()).isTrue();
        String token = URLDecoder.decode(pathAndQuery.replaceFirst(".*token=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        String appeal = pathAndQuery.replaceFirst(".*appeal=([0-9]+).*", "$1");
        assertThat(page.raw()).contains("name=\"appeal\" value=\"" + appeal + "\"");
        Api.Response login = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                .header("Cookie", DashboardClient.cookie(page, "XSRF-TOKEN"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&appeal=" + appeal + "&_csrf="
                        + csrf.group(1))));
        assertThat(login.status()).as(login.raw()).isEqualTo(303);
        return login.headers().firstValue("Location").orElseThrow();
    }

    private static byte[] photo() {
        byte[] mark = PHOTO_MARK.getBytes(StandardCharsets.US_ASCII);
        byte[] photo = Arrays.copyOf(FakePortal.JPEG, FakePortal.JPEG.length + mark.length);
        System.arraycopy(mark, 0, photo, FakePortal.JPEG.length, mark.length);
        return photo;
    }

    @AfterAll
    static void stop() {
        MAX.close();
    }
}
