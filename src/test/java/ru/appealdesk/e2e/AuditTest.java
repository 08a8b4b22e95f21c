package ru.appealdesk.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.DashboardClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log (PRODUCT.md §15): every reading of an applicant's contacts — a chat card, the dashboard, the API —
 * is written to {@code audit_event}, and {@code GET /api/audit} reads it with the administration token only.
 */
class AuditTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCardWithContactsIsWrittenForItsReaderAndOneWithoutIsNot() {
        // when an appeal with the applicant's phone reaches its executor, and one of an unknown category the
        // coordinators (whose card shows no contacts)
        JsonNode created = register(appealRequest("AU-2026-1", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        long unrouted = register(appealRequest("AU-2026-2", "no-such-category")).get("id").asLong();

        // then the executor's card is on record, the coordinators' cards are not
        awaitCard(executor, "AU-2026-1", "Взять в работу");
        assertThat(events(id)).contains(executor + " CARD_WITH_CONTACTS TELEGRAM");
        awaitCard("sokolova", "AU-2026-2", "Закрыть без ответа");
        assertThat(events(unrouted)).noneMatch(e -> e.contains("CARD_WITH_CONTACTS"));
    }

    @Test
    void theDashboardsAppealPageAndContactsAreWrittenForThoseWhoMaySeeThem() {
        JsonNode created = register(appealRequest("AU-2026-3", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();

        // when the executor opens the appeal's page and its contacts, and a coordinator (who may not) its page
        assertThat(dashboard("/app/api/appeals/" + id, executor).status()).isEqualTo(200);
        assertThat(dashboard("/app/api/appeals/" + id + "/contacts", executor).status()).isEqualTo(200);
        assertThat(dashboard("/app/api/appeals/" + id, "sokolova").status()).isEqualTo(200);

        // then both readings by the executor are on record, the coordinator's page (no contacts) is not
        assertThat(events(id)).contains(executor + " APPEAL_PAGE DASHBOARD", executor + " CONTACTS_SHOWN DASHBOARD")
                .noneMatch(e -> e.startsWith("sokolova "));
    }

    @Test
    void theApiWritesEveryAppealItReturnedWithItsApplicantUnderTheTokensPrincipal() {
        JsonNode created = register(appealRequest("AU-2026-4", "roads"));
        long id = created.get("id").asLong();
        assertThat(apiEvents(id)).as("registering is not reading").isEmpty();

        // when the portal reads it, an administrator too, and it is listed
        assertThat(api.get("/api/appeals/" + id).status()).isEqualTo(200);
        assertThat(api.admin().get("/api/appeals/" + id).status()).isEqualTo(200);
        Api.Response list = api.get("/api/appeals?executor=" + created.get("executor").asText() + "&size=200");
        assertThat(list.status()).isEqualTo(200);

        // then each reading is one row with the principal of the token
        assertThat(apiEvents(id)).containsExactlyInAnyOrder("default APPEAL_READ API", "admin APPEAL_READ API",
                "default APPEAL_LISTED API");
        long listed = jdbc.queryForObject("select count(*) from audit_event where action = 'APPEAL_LISTED' "
                + "and appeal_id in (select id from appeal where executor_id = ?)", Long.class,
                created.get("executor").asText());
        assertThat(listed).isGreaterThanOrEqualTo(list.json().size());
    }

    @Test
    void theLogIsReadWithTheAdministrationTokenByPersonAppealAndPeriodPaged() {
        JsonNode created = register(appealRequest("AU-2026-5", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        api.get("/api/appeals/" + id);
        api.get("/api/appeals/" + id);

        // the appeal's readings, newest first, with the organisation's offset
        Api.Response all = api.admin().get("/api/audit?appeal=" + id);
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        JsonNode first = all.json().get(0);
        assertThat(first.get("actor").asText()).isEqualTo(ru.appealdesk.web.ApiCaller.DEFAULT);
        assertThat(first.get("action").asText()).isEqualTo("APPEAL_READ");
        assertThat(first.get("channel").asText()).isEqualTo("API");
        assertThat(first.get("appeal").asLong()).isEqualTo(id);
        assertThat(first.get("at").asText()).isEqualTo("2026-03-02T10:00:00+03:00");

        // a connector's reading is its own name's
        Api connector = api.as(Api.DOBRODEL_INTAKE);
        Api.Response own = connector.post("/api/appeals", appealRequest("AU-2026-6", "roads").toString());
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        long ownId = own.json().get("id").asLong();
        assertThat(connector.get("/api/appeals/" + ownId).status()).isEqualTo(200);
        assertThat(api.admin().get("/api/audit?appeal=" + ownId + "&actor=dobrodel").header("X-Total-Count"))
                .isEqualTo("1");

        // by person, paged with Link
        Api.Response page = api.admin().get("/api/audit?appeal=" + id + "&actor=default&size=1");
        assertThat(page.header("X-Total-Count")).isEqualTo("2");
        assertThat(page.json()).hasSize(1);
        assertThat(page.header("Link")).contains("page=1", "rel=\"next\"");
        Api.Response second = api.admin().get("/api/audit?appeal=" + id + "&actor=default&size=1&page=1");
        assertThat(second.json().get(0).get("id").asLong()).isLessThan(page.json().get(0).get("id").asLong());
        assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("next");
        assertThat(api.admin().get("/api/audit?appeal=" + id + "&actor=" + executor).json().get(0)
                .get("action").asText()).isEqualTo("CARD_WITH_CONTACTS");

        // by period: a date in the organisation's zone (to included) or a date-time
        assertThat(api.admin().get("/api/audit?appeal=" + id + "&from=2026-03-02&to=2026-03-02")
                .header("X-Total-Count")).isEqualTo("3");
        assertThat(api.admin().get("/api/audit?appeal=" + id + "&from=2026-03-03").json()).isEmpty();
        assertThat(api.admin().get("/api/audit?appeal=" + id + "&to=2026-03-02T09:59:59%2B03:00").json()).isEmpty();

        // bad filters
        for (String bad : List.of("from=yesterday", "to=2026-13-01", "from=2026-03-05&to=2026-03-01", "size=201",
                "size=0", "page=-1", "appeal=x", "actor=%20")) {
            assertThat(api.admin().get("/api/audit?" + bad).status()).as(bad).isEqualTo(400);
        }

        // only the administration token reads it
        assertThat(raw("/api/audit", null)).isEqualTo(401);
        assertThat(raw("/api/audit", Api.TOKEN)).isEqualTo(403);
        assertThat(raw("/api/audit?appeal=" + id, Api.ADMIN_TOKEN)).isEqualTo(200);
    }

    /** The appeal's audit events as "actor ACTION CHANNEL". */
    private List<String> events(long appealId) {
        return jdbc.queryForList("select actor || ' ' || action || ' ' || channel from audit_event "
                + "where appeal_id = ? order by id", String.class, appealId);
    }

    private List<String> apiEvents(long appealId) {
        return events(appealId).stream().filter(e -> e.endsWith(" API")).toList();
    }

    private Api.Response dashboard(String path, String staffId) {
        DashboardClient dashboard = new DashboardClient(api);
        return dashboard.get(path, dashboard.signIn(user(staffId), clock.instant()));
    }

    private int raw(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.send(request).status();
    }
}
