package ru.appealdesk.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The REST API: idempotent intake, routing, authentication and clear errors for bad input. */
class IntakeApiTest extends EndToEndTest {

    @Test
    void theSameAppealTwiceIsStoredOnceAndAnnouncedOnce() {
        ObjectNode request = appealRequest("DD-2026-400001", "roads");
        JsonNode first = register(request);
        String executor = first.get("executor").asText();
        awaitCard(executor, "DD-2026-400001", "Взять в работу");

        Api.Response again = api.post("/api/appeals", request.toString());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.get("id").asLong());
        int before = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user(executor), "/help");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(user(executor)).size() > before);
        assertThat(telegram.messagesTo(user(executor))).filteredOn(m -> m.text().contains("DD-2026-400001"))
                .hasSize(1);
        assertThat(api.get("/api/appeals?size=200&executor=" + executor).json())
                .filteredOn(a -> a.get("externalId").asText().equals("DD-2026-400001")).hasSize(1);
    }

    @Test
    void anUnknownCategoryStaysNewAndCoordinatorsRouteIt() {
        JsonNode created = register(appealRequest("DD-2026-400002", "potholes-unknown"));
        long id = created.get("id").asLong();
        assertThat(created.get("status").asText()).isEqualTo("NEW");
        assertThat(created.get("executor").isNull()).isTrue();

        var card = awaitCard("sokolova", "DD-2026-400002", "Егорова Н.Ю.");
        assertThat(card.text()).contains("не распределено");
        telegram.press(user("sokolova"), card, "Егорова Н.Ю.");

        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("executor").asText()).isEqualTo("egorova");
        awaitCard("egorova", "DD-2026-400002", "Взять в работу");
        telegram.awaitMessage(user("popov"), m -> m.text().contains("DD-2026-400002")
                && m.text().contains("Назначено исполнителю Егорова Н.Ю. (Соколова Т.А.)"));
    }

    @Test
    void aSociallySignificantAppealReachesTheHeadAtOnce() {
        register(appealRequest("DD-2026-400010", "heating").put("sociallySignificant", true));

        var card = telegram.awaitMessage(user("glava"), m -> m.text().contains("DD-2026-400010"));
        assertThat(card.text()).contains("Социально значимое обращение", "Отопление").doesNotContain("+79990001122");
        assertThat(card.hasButton("Открыть")).isTrue();
    }

    @Test
    void routingGivesEachAppealToTheLeastLoadedExecutor() {
        // given whatever load earlier tests left on the two buildings executors
        int petrova = openLoad("petrova");
        int sidorov = openLoad("sidorov");

        // when enough appeals arrive to even it out and go beyond
        int count = Math.abs(petrova - sidorov) + 3;
        for (int i = 0; i < count; i++) {
            String expected = openLoad("petrova") <= openLoad("sidorov") ? "petrova" : "sidorov";
            JsonNode created = register(appealRequest("DD-2026-4001" + String.format("%02d", i), "buildings"));
            // then each goes to the less loaded one (the first listed on a tie)
            assertThat(created.get("executor").asText()).isEqualTo(expected);
        }
        assertThat(Math.abs(openLoad("petrova") - openLoad("sidorov"))).isLessThanOrEqualTo(1);
    }

    private int openLoad(String executor) {
        int load = 0;
        for (JsonNode a : api.get("/api/appeals?size=200&executor=" + executor).json()) {
            if (List.of("ASSIGNED", "IN_PROGRESS", "RETURNED", "ANSWER_REVIEW", "REWORK")
                    .contains(a.get("status").asText())) {
                load++;
            }
        }
        return load;
    }

    @Test
    void requestsWithoutTheTokenAreRefused() {
        Api.Response none = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/appeals")).GET());
        Api.Response wrong = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/appeals"))
                .header("Authorization", "Bearer nope").GET());
        Api.Response health = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health")).GET());

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void badInputGetsAProblemWithADetailAndStoresNothing() {
        String before = api.get("/api/appeals").header("X-Total-Count");

        assertProblem(api.post("/api/appeals", "{\"source\": \"DOBRODEL\", "), 400, "not valid JSON");
        assertProblem(api.post("/api/appeals", appealRequest("X-1", "roads").put("source", "VK").toString()), 400,
                "unknown value 'VK'");
        assertProblem(api.post("/api/appeals", appealRequest("X-2", "roads").put("priority", "URGENT").toString()),
                400, "priority");
        ObjectNode missing = appealRequest("X-3", "roads");
        missing.remove("text");
        assertProblem(api.post("/api/appeals", missing.toString()), 400, "text must not be blank");
        assertProblem(api.post("/api/appeals", appealRequest("X-4", "roads").put("text", "я".repeat(20_001))
                .toString()), 400, "text size must be between");
        assertProblem(api.post("/api/appeals", appealRequest("X-5", "roads").put("unexpected", 1).toString()), 400,
                "Unknown field 'unexpected'");
        assertProblem(api.post("/api/appeals", appealRequest("X-6", "roads").put("receivedAt", "вчера").toString()),
                400, "receivedAt");
        ObjectNode badPhoto = appealRequest("X-7", "roads");
        badPhoto.putArray("photos").add("file:///etc/passwd");
        assertProblem(api.post("/api/appeals", badPhoto.toString()), 400, "photos");
        assertProblem(api.post("/api/appeals", "{\"text\": \"" + "a".repeat(300_000) + "\"}"), 413, "larger than");
        assertProblem(api.post("/api/appeals", "{\"text\": " + "[".repeat(5000) + "]".repeat(5000) + "}"), 400,
                "text");
        assertThat(api.post("/api/appeals", "[".repeat(5000) + "]".repeat(5000)).status()).isEqualTo(400);
        Api.Response invalidUtf8 = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/appeals"))
                .header("Authorization", "Bearer " + Api.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"',
                        (byte) 0xC3, (byte) 0x28, '"', '}'})));
        assertThat(invalidUtf8.status()).isEqualTo(400);
        assertProblem(api.get("/api/appeals/999999"), 404, "No appeal with id 999999");
        assertProblem(api.admin().post("/api/staff/nobody/invites", ""), 404, "No staff member");

        assertThat(api.get("/api/appeals").header("X-Total-Count")).isEqualTo(before);
    }

    @Test
    void healthShowsTheDatabaseAndTelegramToTheAdministratorAndMetricsNeedTheToken() {
        JsonNode health = await().atMost(Duration.ofSeconds(10)).until(() -> api.admin().get("/actuator/health")
                .json(), h -> h.has("components") && h.get("status").asText().equals("UP"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/telegram/status").asText()).isEqualTo("UP");
        assertThat(health.toString()).doesNotContain("outboxPending");
        // anyone else gets the status only: no components, no details
        List<JsonNode> others = List.of(api.as(Api.DOBRODEL_INTAKE).get("/actuator/health").json(),
                api.get("/actuator/health").json(),
                api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health")).GET()).json(),
                api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health/readiness")).GET()).json());
        for (JsonNode other : others) {
            assertThat(other.get("status").asText()).isEqualTo("UP");
            assertThat(other.fieldNames()).toIterable().doesNotContain("components", "details");
            assertThat(other.toString()).doesNotContain("telegram", "diskSpace");
        }

        Api.Response anonymous = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/metrics")).GET());
        assertThat(anonymous.status()).isEqualTo(401);
        Api.Response metrics = api.admin().get("/actuator/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("appealdesk.outbox.pending", "appealdesk.outbox.sent",
                "appealdesk.telegram.updates");
        assertThat(api.admin().get("/actuator/metrics/appealdesk.telegram.updates").json().at("/measurements/0/value")
                .asDouble()).isPositive();
    }

    @Test
    void theListIsPagedWithATotal() {
        // given six appeals of one category registered at once
        for (int i = 1; i <= 6; i++) {
            register(appealRequest("PG-2026-" + i, "waste"));
        }
        String query = "/api/appeals?status=ASSIGNED&executor=" + register(appealRequest("PG-2026-7", "waste"))
                .get("executor").asText();
        long total = Long.parseLong(api.get(query).header("X-Total-Count"));

        // when it is read two at a time
        Api.Response first = api.get(query + "&size=2");
        Api.Response last = api.get(query + "&size=2&page=" + ((total - 1) / 2));

        // then each page holds at most two, the total is the same, and the pages link to each other
        assertThat(first.json()).hasSize(2);
        assertThat(first.header("X-Total-Count")).isEqualTo(Long.toString(total));
        assertThat(first.header("Link")).contains("page=1", "rel=\"next\"").doesNotContain("prev");
        assertThat(last.json().size()).isEqualTo((int) (total - 2 * ((total - 1) / 2)));
        assertThat(last.header("Link")).contains("rel=\"prev\"").doesNotContain("next");
        assertThat(first.json().get(0).get("answerDueAt").asText())
                .isLessThanOrEqualTo(first.json().get(1).get("answerDueAt").asText());
        assertProblem(api.get(query + "&size=201"), 400, "size");
        assertProblem(api.get(query + "&page=-1"), 400, "page");
    }

    @Test
    void overdueAppealsAreListed() {
        ObjectNode request = appealRequest("DD-2026-400005", "roads").put("receivedAt", "2026-02-02T10:00:00+03:00");
        long id = register(request).get("id").asLong();

        JsonNode overdue = await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/appeals?overdue=true&size=200")
                .json(), list -> list.size() > 0);

        assertThat(overdue).anyMatch(a -> a.get("id").asLong() == id && a.get("overdue").asBoolean());
        assertThat(overdue).allMatch(a -> a.get("overdue").asBoolean());
    }

    @Test
    void aFastTrackPosAppealIsDueInTenCalendarDays() {
        // given ПОС appeals received on Monday 02.03.2026 10:00 (seed 002 п.7: 30 days, 10 in the fast track)
        ObjectNode fast = appealRequest("POS-2026-400011", "education").put("source", "POS")
                .put("priority", "FAST_TRACK").put("receivedAt", "2026-03-02T10:00:00+03:00");
        ObjectNode normal = appealRequest("POS-2026-400012", "education").put("source", "POS")
                .put("receivedAt", "2026-03-02T10:00:00+03:00");
        ObjectNode fasterCategory = appealRequest("POS-2026-400013", "snow").put("source", "POS")
                .put("priority", "FAST_TRACK").put("receivedAt", "2026-03-02T10:00:00+03:00");

        // then FAST_TRACK is due at the end of 12.03 (fast-track-answer-deadline "10 days"), answered 48 hours
        // before (answer-lead "2 days", seed 000 п.12); NORMAL after 30 days; a category with shorter
        // fast-track-days (snow: 3) keeps them
        JsonNode created = register(fast);
        assertThat(created.get("priority").asText()).isEqualTo("FAST_TRACK");
        assertThat(created.get("dueAt").asText()).isEqualTo("2026-03-12T18:00:00+03:00");
        assertThat(created.get("answerDueAt").asText()).isEqualTo("2026-03-10T18:00:00+03:00");
        assertThat(appeal(created.get("id").asLong()).get("dueAt").asText()).isEqualTo("2026-03-12T18:00:00+03:00");
        assertThat(register(normal).get("dueAt").asText()).isEqualTo("2026-04-01T18:00:00+03:00");
        assertThat(register(fasterCategory).get("dueAt").asText()).isEqualTo("2026-03-05T18:00:00+03:00");
    }

    private static void assertProblem(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    /**
     * A portal that sends the same appeal twice at the same moment (a retry racing the first request) gets one
     * appeal, one 201 and 200s for the rest, and the log has no ERROR line for the handled race (issue 26; it also
     * carried the applicant's contacts).
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theSameAppealSentAtOnceIsOneAppealAndNoErrorIsLogged(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        // given eight requests for one portal number, in flight together
        String body = appealRequest("RC-2026-000001", "roads").toString();
        int before = output.getAll().length();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.CompletableFuture<Api.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> api.post("/api/appeals", body),
                        pool));
            }
            for (java.util.concurrent.CompletableFuture<Api.Response> call : calls) {
                statuses.add(call.get().status());
            }
        } finally {
            pool.shutdown();
        }

        // then one was created and the others answered with it
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(7);
        // and nothing in the log asks anyone to act
        assertThat(output.getAll().substring(before).lines().filter(l -> l.contains(" ERROR "))).isEmpty();
    }
}
