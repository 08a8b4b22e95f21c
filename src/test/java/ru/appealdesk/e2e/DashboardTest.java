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
import ru.appealdesk.support.DashboardClient;
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
    private DashboardClient dashboard;

    @BeforeEach
    void appeals() {
        dashboard = new DashboardClient(api);
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
        Api.Response api = get("/app/api/appeals", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        Api.Response page = get("/app/", null);
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.raw()).contains("/dashboard").doesNotContain(PREFIX);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'sha256-")
                .contains("frame-ancestors 'self' https://web.telegram.org");
        assertThat(get("/app/app.js", null).status()).isEqualTo(401);
        assertThat(get("/app/api/appeals/" + IDS.get(0), null).status()).isEqualTo(401);
        assertThat(get("/app/api/appeals", "APPEALDESK_SESSION=" + "x".repeat(43)).status()).isEqualTo(401);
        // the REST API's tokens open nothing here
        assertThat(send(HttpRequest.newBuilder(URI.create(api().base() + "/app/api/me"))
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).GET()).status()).isEqualTo(401);
        // nor does a Mini App's initData: it is exchanged for a session at POST /app/api/session, and only there
        assertThat(send(HttpRequest.newBuilder(URI.create(api().base() + "/app/api/me")).header("X-Telegram-Init-Data",
                MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant())).GET()).status())
                .isEqualTo(401);
    }

    @Test
    void miniAppInitDataIsCheckedWithTheBotTokenAndItsAge() {
        // given
        String valid = MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant().minusSeconds(60));
        // when / then
        Api.Response session = dashboard.exchange(valid);
        assertThat(session.status()).isEqualTo(204);
        JsonNode me = get("/app/api/me", DashboardClient.cookie(session, "APPEALDESK_SESSION")).json();
        assertThat(me.get("id").asText()).isEqualTo("sokolova");
        assertThat(me.get("scope").asText()).isEqualTo("ALL");
        assertThat(dashboard.exchange(MiniApp.initData("654321:another-bot-token", user("sokolova"),
                clock.instant())).status()).as("signed for another bot").isEqualTo(401);
        String other = MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant());
        String forged = other.replace("%22id%22%3A" + user("sokolova"), "%22id%22%3A" + user("glava"));
        assertThat(forged).isNotEqualTo(other);
        assertThat(dashboard.exchange(forged).status()).as("user changed").isEqualTo(401);
        assertThat(dashboard.exchange(MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"),
                clock.instant().minus(Duration.ofMinutes(61)))).status()).as("expired").isEqualTo(401);
        assertThat(dashboard.exchange("hash=zz&user=1").status()).isEqualTo(401);
        Api.Response stranger = dashboard.exchange(MiniApp.initData(FakeTelegram.TOKEN, 987_654_321L,
                clock.instant()));
        assertThat(stranger.status()).as("a Telegram user who is not staff").isEqualTo(403);
        assertThat(stranger.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("APPEALDESK_SESSION="));
    }

    @Test
    void miniAppExchangesInitDataForAFramableSessionCookie() {
        String initData = MiniApp.initData(FakeTelegram.TOKEN, user("popov"), clock.instant());
        Api.Response session = dashboard.exchange(initData);
        assertThat(session.status()).isEqualTo(204);
        String cookie = session.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("APPEALDESK_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=None").contains("Partitioned")
                .contains("Path=/app");
        String value = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/app/api/me", value).json().get("id").asText()).isEqualTo("popov");
        Api.Response page = get("/app/", value);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("app.js");
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("script-src 'self'");
        // the CSRF token's cookie can be stored inside Telegram's web client too, and read by the page's script
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .singleElement().satisfies(c -> assertThat(c).contains("SameSite=None").contains("Partitioned")
                        .contains("Secure").contains("Path=/").doesNotContain("HttpOnly"));
        // a cookie alone cannot open another session
        assertThat(dashboard.postWithoutCsrf("/app/api/session", value).status()).isEqualTo(400);
        // initData older than its allowed age opens nothing, but the session it opened lasts
        String old = MiniApp.initData(FakeTelegram.TOKEN, user("popov"), clock.instant().minus(Duration.ofHours(2)));
        assertThat(dashboard.exchange(old).status()).isEqualTo(401);
        assertThat(get("/app/api/me", value).json().get("id").asText()).isEqualTo("popov");
        // logging out ends the session
        assertThat(dashboard.postWithCsrf("/app/api/logout", value).status()).isEqualTo(204);
        assertThat(get("/app/api/me", value).status()).isEqualTo(401);
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
        Api.Response page = get("/login?token=" + token, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Войти в панель").contains("method=\"post\"").contains("name=\"_csrf\"");
        assertThat(get("/login?token=" + token, null).status()).isEqualTo(200);
        // a form posted by another site (it has no CSRF token) signs nobody in and does not use the link up
        assertThat(send(HttpRequest.newBuilder(URI.create(api().base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))).status())
                .as("posted by another site").isEqualTo(403);
        // the press signs in once
        Api.Response login = dashboard.login(token);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/app/");
        String cookie = DashboardClient.cookie(login, "APPEALDESK_SESSION");
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(cookie)).singleElement()
                .satisfies(c -> assertThat(c).contains("HttpOnly").contains("Secure").contains("SameSite=Lax"));
        assertThat(get("/app/api/me", cookie).json().get("id").asText()).isEqualTo("smirnova");
        Api.Response again = dashboard.login(token);
        assertThat(again.status()).as("a used link").isEqualTo(401);
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("APPEALDESK_SESSION="));
        assertThat(again.raw()).contains("уже использована или истекла");
        assertThat(dashboard.login("A".repeat(43)).status()).as("unknown").isEqualTo(401);
        assertThat(postLogin("<script>").status()).isEqualTo(401);
    }

    @Test
    void aLoginLinkExpiresAfterTenMinutes() {
        long chat = user("glava");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/dashboard");
        String link = awaitNew(chat, seen, m -> m.hasButton("Войти в браузере")).button("Войти в браузере").url();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(dashboard.login(link.substring(link.indexOf("token=") + 6)).status()).isEqualTo(401);
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
        JsonNode page = get("/app/api/appeals?q=DSH-&sort=number&size=2&page=2", coordinator).json();
        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("totalPages").asInt()).isEqualTo(3);
        assertThat(page.get("items").get(0).get("number").asText()).isEqualTo(PREFIX + "5");
        JsonNode overdue = get("/app/api/appeals?q=DSH-4", coordinator).json().get("items").get(0);
        assertThat(overdue.get("urgency").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("secondsLeft").asLong()).isNegative();
        assertThat(overdue.get("department").get("name").asText()).isNotBlank();
        // the default order: nearest answer deadline first
        List<String> byDeadline = new ArrayList<>();
        get("/app/api/appeals?q=DSH-", coordinator).json().get("items")
                .forEach(i -> byDeadline.add(i.get("answerDueAt").asText()));
        assertThat(byDeadline).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(a)
                .compareTo(java.time.OffsetDateTime.parse(b)));
        assertThat(get("/app/api/appeals?sort=phone", coordinator).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?department=nowhere", coordinator).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?executor=nobody", coordinator).status()).isEqualTo(400);
        // the stamp the page polls moves when an appeal comes in
        String stamp = get("/app/api/stamp", coordinator).json().get("stamp").asText();
        register(appealRequest("STAMP-DB-1", "no-such-category"));
        assertThat(get("/app/api/stamp", coordinator).json().get("stamp").asText()).isNotEqualTo(stamp);
        assertThat(get("/app/api/appeals?status=LOST", coordinator).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?size=1000", coordinator).status()).isEqualTo(400);
        assertThat(get("/app/api/appeals?page=x", coordinator).status()).isEqualTo(400);
    }

    @Test
    void anExecutorSeesOnlyTheirOwnAppeals() {
        // given
        JsonNode first = appeal(IDS.get(0));
        String executor = first.get("executor").asText();
        String session = dashboard.signIn(user(executor), clock.instant());
        // when
        JsonNode table = get("/app/api/appeals?q=DSH-&size=100", session).json();
        // then
        assertThat(get("/app/api/me", session).json().get("scope").asText()).isEqualTo("OWN");
        table.get("items").forEach(i -> assertThat(i.get("executor").get("id").asText()).isEqualTo(executor));
        assertThat(table.get("total").asInt()).isBetween(1, 2);
        assertThat(get("/app/api/appeals/" + IDS.get(0), session).status()).isEqualTo(200);
        assertThat(get("/app/api/appeals/" + IDS.get(1), session).status()).as("someone else's").isEqualTo(403);
        assertThat(get("/app/api/appeals/" + IDS.get(1) + "/contacts", session).status()).isEqualTo(403);
        assertThat(get("/app/api/appeals/" + IDS.get(0) + "/contacts", session).json().get("phone").asText())
                .isEqualTo("+79990001122");
        assertThat(get("/app/api/charts", session).status()).isEqualTo(403);
        assertThat(get("/app/api/options", session).json().get("executors")).isEmpty();
        assertThat(get("/app/api/appeals/999999999", session).status()).isEqualTo(404);
    }

    @Test
    void contactsOnlyForTheModeratorsWhoReviewTheAppeal() {
        long roads = IDS.get(0);
        String belov = dashboard.signIn(user("belov"), clock.instant());
        String kuznetsova = dashboard.signIn(user("kuznetsova"), clock.instant());
        JsonNode seenByKuznetsova = get("/app/api/appeals/" + roads, kuznetsova).json();
        assertThat(seenByKuznetsova.get("contactsAllowed").asBoolean()).isFalse();
        assertThat(seenByKuznetsova.toString()).doesNotContain("+79990001122").doesNotContain("a@b.ru");
        assertThat(get("/app/api/appeals/" + roads + "/contacts", kuznetsova).status()).isEqualTo(403);
        assertThat(get("/app/api/appeals/" + roads, belov).json().get("contactsAllowed").asBoolean()).isTrue();
        JsonNode contacts = get("/app/api/appeals/" + roads + "/contacts", belov).json();
        assertThat(contacts.get("phone").asText()).isEqualTo("+79990001122");
        assertThat(contacts.get("email").asText()).isEqualTo("a@b.ru");
        // a coordinator sees the appeal but not the contacts
        assertThat(get("/app/api/appeals/" + roads + "/contacts", coordinator()).status()).isEqualTo(403);
    }

    @Test
    void aDeputyHeadSeesTheDepartmentsHeSupervises() {
        String orlov = dashboard.signIn(user("orlov"), clock.instant());
        String lebedeva = dashboard.signIn(user("lebedeva"), clock.instant());
        assertThat(numbers(orlov, "q=DSH-&size=100")).containsExactlyInAnyOrder(PREFIX + "1", PREFIX + "2",
                PREFIX + "4", PREFIX + "5");
        assertThat(total(lebedeva, "q=DSH-")).isZero();
        assertThat(get("/app/api/appeals/" + IDS.get(0), lebedeva).status()).isEqualTo(403);
        assertThat(get("/app/api/appeals/" + IDS.get(2), orlov).status()).as("unrouted").isEqualTo(403);
        JsonNode charts = get("/app/api/charts", orlov).json();
        charts.get("departments").forEach(d -> assertThat(d.get("id").asText()).isIn("housing", "roads",
                "improvement"));
        assertThat(charts.get("total").get("overdueNow").asLong()).isEqualTo(api.get("/api/reports/discipline?from="
                + charts.get("from").asText() + "&to=" + charts.get("to").asText()).json().get("departments")
                .findValues("overdueNow").stream().mapToLong(JsonNode::asLong).sum()
                - overdueOutside(charts.get("from").asText(), charts.get("to").asText()));
        assertThat(get("/app/api/options", orlov).json().get("departments").toString()).contains("roads")
                .doesNotContain("ecology");
    }

    @Test
    void anAppealPageHasItsHistoryDeadlinesAndEscapesNothingItself() {
        JsonNode a = get("/app/api/appeals/" + IDS.get(4), coordinator()).json();
        assertThat(a.get("number").asText()).isEqualTo(PREFIX + "5");
        assertThat(a.get("address").asText()).isEqualTo("пр. <b>Тестовый</b> & Co, 9");
        assertThat(a.get("history").get(0).get("label").asText()).isEqualTo("Обращение зарегистрировано");
        assertThat(a.get("answerDueAt").asText()).endsWith("+03:00");
        assertThat(a.get("statusLabel").asText()).isNotBlank();
    }

    @Test
    void chartsShowTheSameNumbersAsTheDisciplineReport() {
        JsonNode charts = get("/app/api/charts", coordinator()).json();
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
        return dashboard.signIn(user("sokolova"), clock.instant());
    }

    private long total(String cookie, String query) {
        return get("/app/api/appeals?" + query, cookie).json().get("total").asLong();
    }

    private List<String> numbers(String cookie, String query) {
        Api.Response r = get("/app/api/appeals?" + query, cookie);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        r.json().get("items").forEach(i -> numbers.add(i.get("number").asText()));
        return numbers;
    }

    private Api.Response get(String path, String cookie) {
        return dashboard.get(path, cookie);
    }

    /** The login form's POST with a CSRF token, for any token (the form's page is opened with a well-formed one). */
    private Api.Response postLogin(String token) {
        return dashboard.login("C".repeat(43), token);
    }

    private Api.Response send(HttpRequest.Builder request) {
        return api.send(request);
    }

    private Api api() {
        return api;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
