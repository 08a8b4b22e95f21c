package ru.appealdesk.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakePortal;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.DashboardClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Applicants' photos (issue 22, finding 7): the service fetches each once from a listed portal host, keeps it, and
 * uploads it to Telegram and serves it to the dashboard itself; neither Telegram nor a staff browser ever gets the
 * portal's link, so the portal learns nothing of who looks at it when.
 */
class ApplicantPhotoTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPhotoIsFetchedOnceAndUploadedToTheExecutorAndServedByTheDashboard() throws Exception {
        // given an appeal with a photo on the portal
        String link = portal.serve("/ap/1.jpg", FakePortal.JPEG);
        var request = appealRequest("AP-2026-1", "roads");
        request.putArray("photos").add(link);
        JsonNode created = register(request);
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();

        // then the executor gets the photo uploaded, never the portal's link
        FakeTelegram.Sent photo = telegram.awaitMessage(user(executor),
                m -> m.text().equals("[photo] attach://appeal-" + id + "-photo-1.jpg"));
        assertThat(photo.method()).isEqualTo("sendPhoto");
        assertThat(awaitCard(executor, "AP-2026-1", "Взять в работу").text()).contains("Фото заявителя: 1");
        assertThat(telegram.messagesTo(user(executor))).noneMatch(m -> m.text().contains(portal.origin()));

        // and /appeal sends the stored photo again without asking the portal
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "/appeal AP-2026-1");
        awaitNew(user(executor), seen, m -> m.text().equals("[photo] attach://appeal-" + id + "-photo-1.jpg"));
        assertThat(portal.hits("/ap/1.jpg")).isEqualTo(1);

        // the REST resource keeps the portal's own link
        assertThat(appeal(id).get("photos").get(0).asText()).isEqualTo(link);

        // the dashboard's page shows the service's own path, which serves the photo, under img-src 'self'
        DashboardClient dashboard = new DashboardClient(api);
        String session = dashboard.signIn(user(executor), clock.instant());
        Api.Response page = dashboard.get("/app/api/appeals/" + id, session);
        String path = page.json().get("photos").get(0).asText();
        assertThat(path).startsWith("/app/api/appeals/" + id + "/files/");
        HttpResponse<byte[]> image = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.base() + path)).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(FakePortal.JPEG);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(portal.hits("/ap/1.jpg")).isEqualTo(1);
        Api.Response app = dashboard.get("/app/", session);
        assertThat(app.status()).isEqualTo(200);
        String policy = app.header("Content-Security-Policy");
        assertThat(policy).contains("img-src 'self' data:;").doesNotContain("https:;");
    }

    @Test
    void aLinkOnAHostNotListedIsRefusedAtRegistrationAndNeverFetched() {
        for (String link : new String[] {"https://elsewhere.example/1.jpg",
                "https://127.0.0.1:" + portal.port() + "/ap/2.jpg", "http://localhost:" + portal.port() + "/ap/2.jpg",
                "http://user:secret@127.0.0.1:" + portal.port() + "/ap/2.jpg"}) {
            var request = appealRequest("AP-2026-2", "roads");
            request.putArray("photos").add(portal.url("/ap/ok.jpg")).add(link);
            Api.Response refused = api.post("/api/appeals", request.toString());
            assertThat(refused.status()).as(link).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).as(link).contains("photos[1]");
        }
        assertThat(jdbc.queryForObject("select count(*) from appeal where external_id = 'AP-2026-2'", Long.class))
                .isZero();
        assertThat(portal.hits("/ap/2.jpg") + portal.hits("/ap/ok.jpg")).isZero();
    }

    @Test
    void aPhotoThatIsNoImageIsGivenUpAndNeitherSentNorShown() {
        String link = portal.serve("/ap/3.jpg", "<html>phishing</html>".getBytes());
        var request = appealRequest("AP-2026-3", "roads");
        request.putArray("photos").add(link);
        JsonNode created = register(request);
        long id = created.get("id").asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select state || ' ' || error from "
                + "applicant_photo where appeal_id = ?", String.class, id),
                s -> s.equals("FAILED not a JPEG or PNG image"));
        assertThat(jdbc.queryForObject("select count(*) from applicant_photo where appeal_id = ? and file_id is not "
                + "null", Long.class, id)).isZero();
        DashboardClient dashboard = new DashboardClient(api);
        assertThat(dashboard.get("/app/api/appeals/" + id, dashboard.signIn(user("sokolova"), clock.instant())).json()
                .get("photos")).isEmpty();
        assertThat(portal.hits("/ap/3.jpg")).isEqualTo(1);
    }
}
