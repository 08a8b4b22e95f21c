package ru.appealdesk.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each portal's connector has its own token (PRODUCT.md §15, {@code Api.CONNECTORS}): it sees and changes only appeals
 * of its sources and within its scopes; another source's appeal answers 404, as one that does not exist.
 */
class ConnectorTokensTest extends EndToEndTest {

    private static final String APPLICANT = "Тайнова Мария Сергеевна";

    @Test
    void anIntakeConnectorRegistersAndReadsOnlyWhatItRegistered() {
        Api dobrodel = api.as(Api.DOBRODEL_INTAKE);

        // when the Добродел connector registers a Добродел appeal and tries a ПОС one
        Api.Response own = dobrodel.post("/api/appeals", request("CT-DD-1", "DOBRODEL").toString());
        Api.Response pos = dobrodel.post("/api/appeals", request("CT-POS-1", "POS").toString());

        // then the first is registered, the second refused with a problem that says why
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        assertThat(pos.status()).isEqualTo(403);
        assertThat(pos.contentType()).startsWith("application/problem+json");
        assertThat(pos.json().get("detail").asText()).contains("'dobrodel' has no 'intake' scope for POS");
        assertThat(api.admin().get("/api/appeals?size=200").raw()).doesNotContain("CT-POS-1");

        // it reads its own appeal, with the applicant
        long ownId = own.json().get("id").asLong();
        assertThat(dobrodel.get("/api/appeals/" + ownId).json().at("/applicant/name").asText()).isEqualTo(APPLICANT);

        // but not a ПОС appeal, nor a Добродел appeal somebody else registered: 404, as for no appeal at all
        long posId = api.admin().post("/api/appeals", request("CT-POS-2", "POS").toString()).json().get("id").asLong();
        long otherId = register(request("CT-DD-2", "DOBRODEL")).get("id").asLong();
        for (long hidden : List.of(posId, otherId)) {
            Api.Response response = dobrodel.get("/api/appeals/" + hidden);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("detail").asText()).isEqualTo("No appeal with id " + hidden);
            assertThat(response.raw()).doesNotContain(APPLICANT);
        }

        // its list holds only what it registered
        Api.Response list = dobrodel.get("/api/appeals?size=200");
        assertThat(ids(list.json())).contains(ownId).doesNotContain(posId, otherId);
        list.json().forEach(a -> assertThat(a.get("source").asText()).isEqualTo("DOBRODEL"));
        assertThat(list.header("X-Total-Count")).isEqualTo(Integer.toString(list.json().size()));

        // registering somebody else's number again gives away nothing of it
        Api.Response again = dobrodel.post("/api/appeals", request("CT-DD-2", "DOBRODEL").toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw()).doesNotContain(APPLICANT);
        assertThat(dobrodel.post("/api/appeals", request("CT-DD-1", "DOBRODEL").toString()).status())
                .isEqualTo(200);
    }

    @Test
    void anIntakeConnectorImportsOnlyItsSources() {
        String csv = "Номер;Категория;Текст\r\nCT-IMP-1;roads;Яма у дома 7\r\n";

        Api.Response refused = importFile(Api.DOBRODEL_INTAKE, "POS", csv);
        Api.Response imported = importFile(Api.DOBRODEL_INTAKE, "DOBRODEL", csv);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("no 'intake' scope for POS");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        long id = imported.json().at("/results/0/id").asLong();
        assertThat(api.as(Api.DOBRODEL_INTAKE).get("/api/appeals/" + id).status()).isEqualTo(200);
        assertThat(importFile(Api.POS_READ, "POS", csv).status()).isEqualTo(403);
    }

    @Test
    void aReadConnectorReadsEveryAppealOfItsSourcesOnly() {
        long pos = api.admin().post("/api/appeals", request("CT-POS-3", "POS").toString()).json()
                .get("id").asLong();
        long dobrodel = api.as(Api.DOBRODEL_INTAKE).post("/api/appeals", request("CT-DD-3", "DOBRODEL").toString())
                .json().get("id").asLong();
        Api reader = api.as(Api.POS_READ);

        assertThat(reader.get("/api/appeals/" + pos).json().at("/applicant/name").asText()).isEqualTo(APPLICANT);
        assertThat(reader.get("/api/appeals/" + dobrodel).status()).isEqualTo(404);
        List<Long> listed = ids(reader.get("/api/appeals?size=200").json());
        assertThat(listed).contains(pos).doesNotContain(dobrodel);
        reader.get("/api/appeals?size=200").json().forEach(a -> assertThat(a.get("source").asText()).isEqualTo("POS"));
        assertThat(reader.post("/api/appeals", request("CT-POS-4", "POS").toString()).status()).isEqualTo(403);
        assertThat(reader.get("/api/templates").status()).isEqualTo(200);
    }

    @Test
    void changingAnAppealNeedsManageForItsSource() {
        long dobrodel = api.as(Api.DOBRODEL_INTAKE).post("/api/appeals", request("CT-DD-5", "DOBRODEL").toString())
                .json().get("id").asLong();
        long pos = register(request("CT-POS-5", "POS")).get("id").asLong();
        String close = "{\"resolution\": \"NO_ANSWER\", \"reason\": \"Заявитель отозвал обращение\"}";
        String reopen = "{\"comment\": \"Заявитель не согласен с ответом\"}";
        String coExecutor = "{\"staffId\": \"volkova\"}";

        // without manage: 403 on an appeal it reads
        for (String[] call : List.of(new String[] {"/close", close}, new String[] {"/reopen", reopen},
                new String[] {"/co-executors", coExecutor})) {
            Api.Response byIntake = api.as(Api.DOBRODEL_INTAKE).post("/api/appeals/" + dobrodel + call[0], call[1]);
            Api.Response byReader = api.as(Api.POS_READ).post("/api/appeals/" + pos + call[0], call[1]);
            assertThat(byIntake.status()).as(call[0]).isEqualTo(403);
            assertThat(byIntake.json().get("detail").asText()).contains("no 'manage' scope");
            assertThat(byReader.status()).as(call[0]).isEqualTo(403);
            // with manage, but for another source: 404
            Api.Response wrongSource = api.as(Api.POS_MANAGE).post("/api/appeals/" + dobrodel + call[0], call[1]);
            assertThat(wrongSource.status()).as(call[0]).isEqualTo(404);
            assertThat(wrongSource.raw()).doesNotContain(APPLICANT);
        }
        assertThat(appeal(dobrodel).get("status").asText()).isNotEqualTo("CLOSED");
        assertThat(appeal(pos).get("status").asText()).isNotEqualTo("CLOSED");

        // with manage for its source: done
        Api.Response closed = api.as(Api.POS_MANAGE).post("/api/appeals/" + pos + "/close", close);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void reportsNeedTheScopeAndCountOnlyTheConnectorsSources() {
        registered("CT-R-1", "DOBRODEL", "2031-05-05T10:00");
        registered("CT-R-2", "DOBRODEL", "2031-05-05T11:00");
        registered("CT-R-3", "POS", "2031-05-06T10:00");
        Api reporter = api.as(Api.DOBRODEL_REPORTS);
        String topics = "/api/reports/topics?from=2031-05-01&to=2031-05-31";

        assertThat(api.admin().get(topics).json().get("total").asLong()).isEqualTo(3);
        JsonNode own = reporter.get(topics).json();
        assertThat(own.get("total").asLong()).isEqualTo(2);
        assertThat(own.get("totals").has("POS")).isFalse();
        assertThat(reporter.get("/api/reports/public?month=2031-05").json().get("received").asLong()).isEqualTo(2);
        assertThat(reporter.get("/api/reports/discipline?from=2031-05-01&to=2031-05-31").json()
                .at("/total/received").asLong()).isEqualTo(2);
        assertThat(reporter.get(topics + "&format=xlsx").status()).isEqualTo(200);
        assertThat(reporter.get("/api/appeals?size=200").json()).isEmpty();

        for (String token : List.of(Api.DOBRODEL_INTAKE, Api.POS_READ, Api.POS_MANAGE)) {
            Api.Response refused = api.as(token).get(topics);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("no 'reports' scope");
        }
    }

    private void registered(String number, String source, String received) {
        clock.set(OffsetDateTime.parse(received + ":00+03:00").toInstant());
        register(request(number, source).put("receivedAt", received + ":00+03:00"));
    }

    private static ObjectNode request(String number, String source) {
        ObjectNode body = appealRequest(number, "roads").put("source", source);
        body.putObject("applicant").put("name", APPLICANT).put("phone", "+79990007766");
        return body;
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }

    private Api.Response importFile(String token, String source, String csv) {
        String boundary = "----connector" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/appeals/import?source=" + source))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
