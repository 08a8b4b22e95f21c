package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.MiniApp;

/**
 * The dashboard's server side (PRODUCT.md §12): who gets in (Mini App initData, one-time login links, session
 * cookies), what each role sees, and the table's filters, search, sorting and paging against the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardTest extends EndToEndTest {

    private static final String PREFIX = "DSH-";
    private static final List<Long> IDS = new ArrayList<>();

    @BeforeEach
    void appeals() {
        if (!IDS.isEmpty()) {
            return;
        }
        IDS.add(register(appealRequest(PREFIX + "1", "roads")).get("id").asLong());
        IDS.add(register(appealRequest(PREFIX + "2", "buildings").put("source", "POS")).get("id").asLong());
        IDS.add(register(appealRequest(PREFIX + "3", "no-such-category")).get("id").asLong());
        IDS.add(register(appealRequest(PREFIX + "4", "roads").put("receivedAt", "2026-02-02T10:00:00+03:00"))
                .get("id").asLong());
        IDS.add(register(appealRequest(PREFIX + "5", "buildings").put("address", "пр. <b>Тестовый</b> & Co, 9"))
                .get("id").asLong());
    }

    @Test
    void anonymousRequestsAreRefusedAndTheSignInPageExplainsHow() {
        Api.Response api = get("/app/api/appeals", null, null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        Api.Response page = get("/app/", null, null);
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.raw()).contains("/dashboard").doesNotContain(PREFIX);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'sha256-")
                .contains("frame-ancestors 'self' https://web.telegram.org");
        assertThat(get("/app/app.js", null, null).status()).isEqualTo(401);
        assertThat(get("/app/api/appeals/" + IDS.get(0), null, null).status()).isEqualTo(401);
        assertThat(get("/app/api/appeals", null, "APPEALDESK_SESSION=" + "x".repeat(43)).status()).isEqualTo(401);
        // the REST API's tokens open nothing here
        assertThat(send(HttpRequest.newBuilder(URI.create(api().base() + "/app/api/me"))
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).GET()).status()).isEqualTo(401);
    }

    @Test
    void miniAppInitDataIsCheckedWithTheBotTokenAndItsAge() {
        // given
        String valid = MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant().minusSeconds(60));
        // when / then
        JsonNode me = get("/app/api/me", valid, null).json();
        assertThat(me.get("id").asText()).isEqualTo("sokolova");
        assertThat(me.get("scope").asText()).isEqualTo("ALL");
        assertThat(get("/app/api/me", MiniApp.initData("654321:another-bot-token", user("sokolova"),
                clock.instant()), null).status()).as("signed for another bot").isEqualTo(401);
        String forged = valid.replace("%22id%22%3A" + user("sokolova"), "%22id%22%3A" + user("glava"));
        assertThat(forged).isNotEqualTo(valid);
        assertThat(get("/app/api/me", forged, null).status()).as("user changed").isEqualTo(401);
        assertThat(get("/app/api/me", MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"),
                clock.instant().minus(Duration.ofMinutes(61))), null).status()).as("expired").isEqualTo(401);
        assertThat(get("/app/api/me", "hash=zz&user=1", null).status()).isEqualTo(401);
        assertThat(get("/app/api/me", MiniApp.initData(FakeTelegram.TOKEN, 987_654_321L, clock.instant()), null)
                .status()).as("a Telegram user who is not staff").isEqualTo(403);
    }

    @Test
    void miniAppExchangesInitDataForAFramableSessionCookie() {
        String initData = MiniApp.initData(FakeTelegram.TOKEN, user("popov"), clock.instant());
        Api.Response session = send(request("/app/api/session", initData, null)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(session.status()).isEqualTo(204);
        String cookie = session.header("Set-Cookie");
        assertThat(cookie).contains("APPEALDESK_SESSION=").contains("HttpOnly").contains("Secure")
                .contains("SameSite=None").contains("Partitioned").contains("Path=/app");
        String value = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/app/api/me", null, value).json().get("id").asText()).isEqualTo("popov");
        Api.Response page = get("/app/", null, value);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("app.js");
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("script-src 'self'");
        // a cookie alone cannot open another session
        assertThat(send(request("/app/api/session", null, value).POST(HttpRequest.BodyPublishers.noBody()))
                .status()).isEqualTo(400);
        // initData older than its allowed age still opens nothing alone, but the session it opened lasts
        String old = MiniApp.initData(FakeTelegram.TOKEN, user("popov"), clock.instant().minus(Duration.ofHours(2)));
        assertThat(get("/app/api/me", old, null).status()).isEqualTo(401);
        assertThat(get("/app/api/me", old, value).json().get("id").asText()).isEqualTo("popov");
        // logging out ends the session
        assertThat(send(request("/app/api/logout", null, value).POST(HttpRequest.BodyPublishers.noBody()))
                .status()).isEqualTo(204);
        assertThat(get("/app/api/me", null, value).status()).isEqualTo(401);
    }

    @Test
    void dashboardCommandSendsTheMiniAppAndAOneTimeLoginLink() {
        // given
        long chat = user("smirnova");
        int seen = telegram.messagesTo(chat).size();
        // when
        telegram.userSends(chat, "/dashboard");
        FakeTelegram.Sent message = awaitNew(chat, seen, m -> m.hasButton("Войти в браузере"));
        // then
        assertThat(message.button("Открыть панель").webApp()).isEqualTo(PUBLIC_URL + "/app/");
        String link = message.button("Войти в браузере").url();
        assertThat(link).startsWith(PUBLIC_URL + "/login?token=");
        assertThat(message.text()).doesNotContain("token=");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> telegram.menuButton(chat) != null);
        assertThat(telegram.menuButton(chat).toString()).contains("web_app").contains(PUBLIC_URL + "/app/");
        String token = link.substring(link.indexOf("token=") + 6);

        // a link previewer opening the page does not use the link
        Api.Response page = get("/login?token=" + token, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Войти в панель").contains("method=\"post\"");
        assertThat(get("/login?token=" + token, null, null).status()).isEqualTo(200);
        // the press signs in once
        Api.Response login = postForm("/login", "token=" + token);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/app/");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
        assertThat(get("/app/api/me", null, cookie.substring(0, cookie.indexOf(';'))).json().get("id").asText())
                .isEqualTo("smirnova");
        Api.Response again = postForm("/login", "token=" + token);
        assertThat(again.status()).as("a used link").isEqualTo(401);
        assertThat(again.header("Set-Cookie")).isNull();
        assertThat(again.raw()).contains("уже использована или истекла");
        assertThat(postForm("/login", "token=" + "A".repeat(43)).status()).as("unknown").isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(api().base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + "B".repeat(43)))).status())
                .as("posted by another site").isEqualTo(403);
        assertThat(postForm("/login", "token=%3Cscript%3E").status()).isEqualTo(401);
    }

    @Test
    void aLoginLinkExpiresAfterTenMinutes() {
        long chat = user("glava");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/dashboard");
        String link = awaitNew(chat, seen, m -> m.hasButton("Войти в браузере")).button("Войти в браузере").url();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(postForm("/login", link.substring(link.indexOf("token="))).status()).isEqualTo(401);
    }

    @Test
    void filtersSearchSortingAndPagingHappenInTheDatabase() {
        String coordinator = coordinator();
        assertThat(total(coordinator, "q=" + PREFIX)).isEqualTo(5);
        assertThat(numbers(coordinator, "q=dsh-&source=POS")).containsExactly(PREFIX + "2");
        assertThat(numbers(coordinator, "q=DSH-&department=roads")).containsExactlyInAnyOrder(PREFIX + "1",
                PREFIX + "4");
        assertThat(numbers(coordinator, "q=DSH-&status=NEW")).containsExactly(PREFIX + "3");
        assertThat(numbers(coordinator, "q=DSH-&overdue=true")).containsExactly(PREFIX + "4");
        assertThat(numbers(coordinator, "q=" + enc("<b>тестовый</b> & co"))).containsExactly(PREFIX + "5");
        assertThat(numbers(coordinator, "q=" + enc("%"))).as("LIKE wildcards are literal").isEmpty();
        assertThat(numbers(coordinator, "q=DSH-&sort=-number&size=2&page=1")).containsExactly(PREFIX + "3",
                PREFIX + "2");
        JsonNode page = get("/app/api/appeals?q=DSH-&sort=number&size=2&page=2", coordinator, null).json();
        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("totalPages").asInt()).isEqualTo(3);
        assertThat(page.get("items").get(0).get("number").asText()).isEqualTo(PREFIX + "5");
        JsonNode overdue = get("/app/api/appeals?q=DSH-4", coordinator, null).json().get("items").get(0);
        assertThat(overdue.get("urgency").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("secondsLeft").asLong()).isNegative();
        assertThat(overdue.get("department").get("name").asText()).isNotBlank();
        // the default order: nearest answer deadline first
        List<String> byDeadline = new ArrayList<>();
        get("/app/api/appeals?q=DSH-", coordinator, null).json().get("items")
                .forEach(i -> byDeadline.add(i.get("answerDueAt").asText()));
        assertThat(byDeadline).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(a)
                .compareTo(java.time.OffsetDateTime.parse(b)));
        assertThat(get("/app/api/appeals?sort=phone", coordinator, null).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?department=nowhere", coordinator, null).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?executor=nobody", coordinator, null).status()).isEqualTo(400);
        // the stamp the page polls moves when an appeal comes in
        String stamp = get("/app/api/stamp", coordinator, null).json().get("stamp").asText();
        register(appealRequest("STAMP-DB-1", "no-such-category"));
        assertThat(get("/app/api/stamp", coordinator, null).json().get("stamp").asText()).isNotEqualTo(stamp);
        assertThat(get("/app/api/appeals?status=LOST", coordinator, null).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?size=1000", coordinator, null).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?page=x", coordinator, null).status()).isEqualTo(400);
    }

    @Test
    void anExecutorSeesOnlyTheirOwnAppeals() {
        // given
        JsonNode first = appeal(IDS.get(0));
        String executor = first.get("executor").asText();
        String header = MiniApp.initData(FakeTelegram.TOKEN, user(executor), clock.instant());
        // when
        JsonNode table = get("/app/api/appeals?q=DSH-&size=100", header, null).json();
        // then
        assertThat(get("/app/api/me", header, null).json().get("scope").asText()).isEqualTo("OWN");
        table.get("items").forEach(i -> assertThat(i.get("executor").get("id").asText()).isEqualTo(executor));
        assertThat(table.get("total").asInt()).isBetween(1, 2);
        assertThat(get("/app/api/appeals/" + IDS.get(0), header, null).status()).isEqualTo(200);
        assertThat(get("/app/api/appeals/" + IDS.get(1), header, null).status()).as("someone else's").isEqualTo(403);
        assertThat(get("/app/api/appeals/" + IDS.get(1) + "/contacts", header, null).status()).isEqualTo(403);
        assertThat(get("/app/api/appeals/" + IDS.get(0) + "/contacts", header, null).json().get("phone").asText())
                .isEqualTo("+79990001122");
        assertThat(get("/app/api/charts", header, null).status()).isEqualTo(403);
        assertThat(get("/app/api/options", header, null).json().get("executors")).isEmpty();
        assertThat(get("/app/api/appeals/999999999", header, null).status()).isEqualTo(404);
    }

    @Test
    void contactsOnlyForTheModeratorsWhoReviewTheAppeal() {
        long roads = IDS.get(0);
        String belov = MiniApp.initData(FakeTelegram.TOKEN, user("belov"), clock.instant());
        String kuznetsova = MiniApp.initData(FakeTelegram.TOKEN, user("kuznetsova"), clock.instant());
        JsonNode seenByKuznetsova = get("/app/api/appeals/" + roads, kuznetsova, null).json();
        assertThat(seenByKuznetsova.get("contactsAllowed").asBoolean()).isFalse();
        assertThat(seenByKuznetsova.toString()).doesNotContain("+79990001122").doesNotContain("a@b.ru");
        assertThat(get("/app/api/appeals/" + roads + "/contacts", kuznetsova, null).status()).isEqualTo(403);
        assertThat(get("/app/api/appeals/" + roads, belov, null).json().get("contactsAllowed").asBoolean()).isTrue();
        JsonNode contacts = get("/app/api/appeals/" + roads + "/contacts", belov, null).json();
        assertThat(contacts.get("phone").asText()).isEqualTo("+79990001122");
        assertThat(contacts.get("email").asText()).isEqualTo("a@b.ru");
        // a coordinator sees the appeal but not the contacts
        assertThat(get("/app/api/appeals/" + roads + "/contacts", coordinator(), null).status()).isEqualTo(403);
    }

    @Test
    void aDeputyHeadSeesTheDepartmentsHeSupervises() {
        String orlov = MiniApp.initData(FakeTelegram.TOKEN, user("orlov"), clock.instant());
        String lebedeva = MiniApp.initData(FakeTelegram.TOKEN, user("lebedeva"), clock.instant());
        assertThat(numbers(orlov, "q=DSH-&size=100")).containsExactlyInAnyOrder(PREFIX + "1", PREFIX + "2",
                PREFIX + "4", PREFIX + "5");
        assertThat(total(lebedeva, "q=DSH-")).isZero();
        assertThat(get("/app/api/appeals/" + IDS.get(0), lebedeva, null).status()).isEqualTo(403);
        assertThat(get("/app/api/appeals/" + IDS.get(2), orlov, null).status()).as("unrouted").isEqualTo(403);
        JsonNode charts = get("/app/api/charts", orlov, null).json();
        charts.get("departments").forEach(d -> assertThat(d.get("id").asText()).isIn("housing", "roads",
                "improvement"));
        assertThat(charts.get("total").get("overdueNow").asLong()).isEqualTo(api.get("/api/reports/discipline?from="
                + charts.get("from").asText() + "&to=" + charts.get("to").asText()).json().get("departments")
                .findValues("overdueNow").stream().mapToLong(JsonNode::asLong).sum()
                - overdueOutside(charts.get("from").asText(), charts.get("to").asText()));
        assertThat(get("/app/api/options", orlov, null).json().get("departments").toString()).contains("roads")
                .doesNotContain("ecology");
    }

    @Test
    void anAppealPageHasItsHistoryDeadlinesAndEscapesNothingItself() {
        JsonNode a = get("/app/api/appeals/" + IDS.get(4), coordinator(), null).json();
        assertThat(a.get("number").asText()).isEqualTo(PREFIX + "5");
        assertThat(a.get("address").asText()).isEqualTo("пр. <b>Тестовый</b> & Co, 9");
        assertThat(a.get("history").get(0).get("label").asText()).isEqualTo("Обращение зарегистрировано");
        assertThat(a.get("answerDueAt").asText()).endsWith("+03:00");
        assertThat(a.get("statusLabel").asText()).isNotBlank();
    }

    @Test
    void chartsShowTheSameNumbersAsTheDisciplineReport() {
        JsonNode charts = get("/app/api/charts", coordinator(), null).json();
        String from = charts.get("from").asText();
        String to = charts.get("to").asText();
        assertThat(java.time.LocalDate.parse(to)).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        JsonNode report = api.get("/api/reports/discipline?from=" + from + "&to=" + to).json();
        assertThat(charts.get("days")).hasSize(30);
        assertThat(charts.get("days")).isEqualTo(report.get("days"));
        assertThat(charts.get("total").get("overdueNow").asLong())
                .isEqualTo(report.get("total").get("overdueNow").asLong()).isPositive();
        assertThat(charts.get("total").get("received").asLong())
                .isEqualTo(report.get("total").get("received").asLong());
        long departmentsOverdue = 0;
        for (JsonNode d : charts.get("departments")) {
            departmentsOverdue += d.get("overdueNow").asLong();
        }
        assertThat(departmentsOverdue).isEqualTo(report.get("total").get("overdueNow").asLong());
    }

    /** Overdue now in departments orlov does not supervise, or in none, by the report of the whole organisation. */
    private long overdueOutside(String from, String to) {
        long outside = 0;
        for (JsonNode d : api.get("/api/reports/discipline?from=" + from + "&to=" + to).json().get("departments")) {
            if (!List.of("housing", "roads", "improvement").contains(d.path("departmentId").asText(""))) {
                outside += d.get("overdueNow").asLong();
            }
        }
        return outside;
    }

    private String coordinator() {
        return MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant());
    }

    private long total(String initData, String query) {
        return get("/app/api/appeals?" + query, initData, null).json().get("total").asLong();
    }

    private List<String> numbers(String initData, String query) {
        Api.Response r = get("/app/api/appeals?" + query, initData, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        r.json().get("items").forEach(i -> numbers.add(i.get("number").asText()));
        return numbers;
    }

    private Api.Response get(String path, String initData, String cookie) {
        return send(request(path, initData, cookie).GET());
    }

    private Api.Response postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(api().base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String path, String initData, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api().base() + path));
        if (initData != null) {
            b.header("X-Telegram-Init-Data", initData);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private Api.Response send(HttpRequest.Builder request) {
        return api().send(request);
    }

    private Api api() {
        return api;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
