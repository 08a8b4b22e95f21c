package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.MiniApp;

/**
 * How long a dashboard session lives and what ends it (issue 22): an account move revokes the person's sessions and
 * login links, a session counts only while its holder keeps its Telegram account and stays in the directory, one
 * initData opens one session, logout ends the session on the server and needs the CSRF token, sessions end after
 * idle time and after their absolute lifetime; and a hostile initData cannot write a line into the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DashboardSessionsTest extends EndToEndTest {

    @Autowired
    private JdbcTemplate jdbc;
    private DashboardClient dashboard;

    @BeforeEach
    void client() {
        dashboard = new DashboardClient(api);
    }

    @Test
    void anInviteThatBindsAnotherAccountEndsTheOldAccountsSessionsAndLinks() {
        // given admin (not bound by the test base) on a first phone, signed in, with a login link not yet used
        long first = 777_301;
        long second = 777_302;
        bind("admin", first);
        String session = dashboard.signIn(first, clock.instant());
        String unusedInitData = MiniApp.initData(FakeTelegram.TOKEN, first, clock.instant());
        int seen = telegram.messagesTo(first).size();
        telegram.userSends(first, "/dashboard");
        String link = awaitNew(first, seen, m -> m.hasButton("Войти в браузере")).button("Войти в браузере").url();
        long appeal = register(appealRequest("SES-1", "roads")).get("id").asLong();
        assertThat(dashboard.get("/app/api/appeals/" + appeal, session).status()).isEqualTo(200);

        // when an invite binds admin to a second phone
        bind("admin", second);
        telegram.awaitText(first, "больше не подключён как");

        // then the first phone's session, link and initData open nothing, and nothing of admin's is left to open
        assertThat(dashboard.get("/app/api/me", session).status()).isEqualTo(401);
        assertThat(dashboard.get("/app/api/appeals/" + appeal, session).status()).isEqualTo(401);
        assertThat(dashboard.login(link.substring(link.indexOf("token=") + 6)).status()).isEqualTo(401);
        assertThat(dashboard.exchange(unusedInitData).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from dashboard_session where staff_id = 'admin'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from dashboard_login_link where staff_id = 'admin' and "
                + "used_at is null", Long.class)).isZero();
        // and the second phone signs in
        String moved = dashboard.signIn(second, clock.instant());
        assertThat(dashboard.get("/app/api/me", moved).json().get("id").asText()).isEqualTo("admin");

        // and a binding changed outside the invite flow (no event: a database fix, a telegram-id given in staff.yml)
        // ends the sessions of the account too, since every request checks the holder's account
        jdbc.update("update account_binding set user_id = 777303 where staff_id = 'admin' and messenger = 'TELEGRAM'");
        assertThat(dashboard.get("/app/api/me", moved).status()).isEqualTo(401);
    }

    @Test
    void aSessionOrLinkOfSomeoneNoLongerInStaffYmlOpensNothing() {
        // given a session and a link left in the database for a person since removed from staff.yml
        String secret = "S".repeat(43);
        String linkSecret = "L".repeat(43);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp later = Timestamp.from(clock.instant().plus(Duration.ofHours(1)));
        jdbc.update("delete from dashboard_session where token_hash = ?", (Object) sha256(secret));
        jdbc.update("delete from dashboard_login_link where token_hash = ?", (Object) sha256(linkSecret));
        jdbc.update("insert into dashboard_session (token_hash, staff_id, user_id, origin, created_at, "
                + "expires_at, last_seen_at) values (?, 'departed', 777401, 'LINK', ?, ?, ?)", sha256(secret), now,
                later, now);
        jdbc.update("insert into dashboard_login_link (token_hash, staff_id, user_id, created_at, expires_at) "
                + "values (?, 'departed', 777401, ?, ?)", sha256(linkSecret), now, later);

        // then they open nothing
        assertThat(dashboard.get("/app/api/me", "APPEALDESK_SESSION=" + secret).status()).isEqualTo(401);
        assertThat(dashboard.login(linkSecret).status()).isEqualTo(401);
    }

    @Test
    void oneInitDataOpensOneSession() {
        // given a Mini App's initData that opened a session
        String initData = MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant());
        Api.Response first = dashboard.exchange(initData);
        assertThat(first.status()).isEqualTo(204);

        // when it is sent again within its hour, as it is or with its fields in another order
        Api.Response replay = dashboard.exchange(initData);
        String[] fields = initData.split("&");
        java.util.Collections.reverse(java.util.Arrays.asList(fields));
        Api.Response reordered = dashboard.exchange(String.join("&", fields));

        // then no second session is opened; the first one goes on
        for (Api.Response again : java.util.List.of(replay, reordered)) {
            assertThat(again.status()).isEqualTo(401);
            assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("APPEALDESK_SESSION="));
        }
        assertThat(dashboard.get("/app/api/me", DashboardClient.cookie(first, "APPEALDESK_SESSION")).status())
                .isEqualTo(200);
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSessionOnTheServer() {
        // given a session, and the CSRF token the page has from its first request
        String session = dashboard.signIn(user("popov"), clock.instant());
        String csrf = DashboardClient.cookie(dashboard.get("/app/", session), "XSRF-TOKEN");
        String token = csrf.substring(csrf.indexOf('=') + 1);
        // the page's further requests keep the same token (the viewer is authenticated on every request)
        Api.Response page = dashboard.get("/app/api/me", session + "; " + csrf);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));

        // when another site posts the logout (the cookie goes along, the token cannot)
        assertThat(post("/app/api/logout", session + "; " + csrf, null).status()).isEqualTo(403);
        assertThat(post("/app/api/logout", session + "; " + csrf, "not-" + token).status()).isEqualTo(403);
        assertThat(dashboard.get("/app/api/me", session).status()).isEqualTo(200);

        // then only the page's own logout ends the session, and the cookie kept by anyone opens nothing after it
        assertThat(post("/app/api/logout", session + "; " + csrf, token).status()).isEqualTo(204);
        assertThat(dashboard.get("/app/api/me", session).status()).isEqualTo(401);
        // and the login link's form needs its token too
        assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + "A".repeat(43)))).status()).isEqualTo(403);
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndAfterItsLifetime() {
        // given a session opened now (idle timeout 30 minutes, lifetime 12 hours)
        String session = dashboard.signIn(user("orlov"), clock.instant());
        byte[] hash = sha256(session.substring(session.indexOf('=') + 1));

        // the time of its last request is written at most once a minute
        clock.advance(Duration.ofSeconds(30));
        assertThat(dashboard.get("/app/api/me", session).status()).isEqualTo(200);
        assertThat(lastSeen(hash)).isEqualTo(clock.instant().minusSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        assertThat(dashboard.get("/app/api/me", session).status()).isEqualTo(200);
        assertThat(lastSeen(hash)).isEqualTo(clock.instant());

        // requests keep it alive, up to its lifetime
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(dashboard.get("/app/api/me", session).status()).as("after %d min", 20 * (i + 1) + 1)
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20)); // 12 h 1 min after sign-in
        assertThat(dashboard.get("/app/api/me", session).status()).isEqualTo(401);

        // and a session left alone for the idle timeout ends
        String idle = dashboard.signIn(user("orlov"), clock.instant());
        clock.advance(Duration.ofMinutes(29));
        assertThat(dashboard.get("/app/api/me", idle).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(dashboard.get("/app/api/me", idle).status()).isEqualTo(401);
    }

    @Test
    void aHostileInitDataCannotWriteALineIntoTheLog(CapturedOutput output) {
        // a repeated key with an encoded line break, and one with a carriage return, as an attacker sends them
        String forged = "FORGED-LINE INFO Dashboard session opened for glava by Mini App initData";
        for (String breakChar : new String[] {"%0A", "%0D", "%0D%0A"}) {
            String key = "x" + breakChar + forged.replace(" ", "%20");
            Api.Response refused = dashboard.exchange(key + "=1&" + key + "=2&hash=" + "0".repeat(64));
            assertThat(refused.status()).isEqualTo(401);
        }
        // the refusals are logged, escaped: no line of the log begins with the attacker's text
        assertThat(output.getAll()).contains("x\\n" + forged).contains("x\\r" + forged);
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("FORGED-LINE"));
    }

    private void bind(String staffId, long telegramUserId) {
        String code = api.admin().post("/api/staff/" + staffId + "/invites", "").json().get("code").asText();
        int seen = telegram.messagesTo(telegramUserId).size();
        telegram.userSends(telegramUserId, "/start " + code);
        awaitNew(telegramUserId, seen, m -> m.text().contains("Вы подключены как"));
    }

    private Api.Response post(String path, String cookies, String csrfHeader) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Cookie", cookies);
        if (csrfHeader != null) {
            b.header("X-XSRF-TOKEN", csrfHeader);
        }
        return api.send(b.POST(HttpRequest.BodyPublishers.noBody()));
    }

    private java.time.Instant lastSeen(byte[] hash) {
        return jdbc.queryForObject("select last_seen_at from dashboard_session where token_hash = ?", Timestamp.class,
                (Object) hash).toInstant();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
