package ru.appealdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard as its page and a browser use it, for tests: a Mini App's initData exchanged for a session cookie,
 * requests with that cookie, changes with the CSRF token (the {@code XSRF-TOKEN} cookie's value sent back in
 * {@code X-XSRF-TOKEN}), and the login link's page and form.
 */
public final class DashboardClient {

    /** The login form's hidden CSRF field; group 1 is the token. */
    public static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Api api;

    public DashboardClient(Api api) {
        this.api = api;
    }

    /** {@code POST /app/api/session} with the initData in {@code X-Telegram-Init-Data}. */
    public Api.Response exchange(String initData) {
        return api.send(request("/app/api/session", null).header("X-Telegram-Init-Data", initData)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A session cookie ({@code APPEALDESK_SESSION=…}) for the Telegram user, by a fresh Mini App initData. */
    public String signIn(long telegramUserId, Instant now) {
        Api.Response session = exchange(MiniApp.initData(FakeTelegram.TOKEN, telegramUserId, now));
        assertThat(session.status()).as(session.raw()).isEqualTo(204);
        return cookie(session, "APPEALDESK_SESSION");
    }

    public Api.Response get(String path, String cookie) {
        return api.send(request(path, cookie).GET());
    }

    /** A POST with the session cookie and the CSRF token (taken from the service, as the page's script takes it). */
    public Api.Response postWithCsrf(String path, String cookie) {
        String csrf = cookie(get("/app/api/me", cookie), "XSRF-TOKEN");
        String token = csrf.substring(csrf.indexOf('=') + 1);
        return api.send(request(path, cookie + "; " + csrf).header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST with the session cookie only, as another site's form would send it. */
    public Api.Response postWithoutCsrf(String path, String cookie) {
        return api.send(request(path, cookie).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Opens the login link's page and presses «Войти в панель»: the answer to the form's POST. */
    public Api.Response login(String token) {
        return login(token, token);
    }

    /** Opens the page of the link {@code pageToken}, then posts its form with {@code token} in it. */
    public Api.Response login(String pageToken, String token) {
        Api.Response page = api.send(request("/login?token=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8),
                null).GET());
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        Matcher field = CSRF_FIELD.matcher(page.raw());
        assertThat(field.find()).as("the form carries the CSRF token").isTrue();
        return api.send(request("/login", cookie(page, "XSRF-TOKEN"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8))));
    }

    /** {@code name=value} of the cookie the response sets. */
    public static String cookie(Api.Response response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    private HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path));
        return cookie == null ? b : b.header("Cookie", cookie);
    }
}
