package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.StandaloneService;
import ru.appealdesk.support.MiniApp;

/**
 * Failed sign-ins are limited per client address (issue 22): wrong bearer tokens, unknown login links and refused
 * Mini App initData count together; past {@code appealdesk.sign-in-throttle.failures} (3 here) the address gets 429
 * with {@code Retry-After} for everything it tries, while other addresses go on. A service of its own, since the
 * shared one signs every test in from 127.0.0.1; requests come from several loopback addresses (127.0.0.x).
 */
class SignInRateLimitTest {

    static FakeTelegram telegram;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        app = StandaloneService.start(telegram, "appealdesk-throttle-test",
                "--appealdesk.dashboard.public-url=https://appeals.example.test",
                "--appealdesk.sign-in-throttle.failures=3");
        port = StandaloneService.port(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
    }

    @Test
    void wrongBearerTokensFromOneAddressGet429OtherAddressesGoOn() {
        for (int i = 0; i < 3; i++) {
            assertThat(send("127.0.0.2", "GET /api/appeals/1", "Authorization: Bearer wrong-" + i, null).status)
                    .isEqualTo(401);
        }
        Raw refused = send("127.0.0.2", "GET /api/appeals/1", "Authorization: Bearer wrong-3", null);
        assertThat(refused.status).isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body).contains("Too many failed sign-in attempts");
        assertThat(send("127.0.0.2", "GET /api/outbox", "Authorization: Bearer " + Api.ADMIN_TOKEN, null).status)
                .as("the right token too, while the address waits").isEqualTo(429);
        // another address is not affected
        assertThat(send("127.0.0.3", "GET /api/outbox", "Authorization: Bearer " + Api.ADMIN_TOKEN, null).status)
                .isEqualTo(200);
        assertThat(send("127.0.0.3", "GET /api/outbox", "Authorization: Bearer wrong", null).status).isEqualTo(401);
    }

    @Test
    void refusedLoginLinksAndInitDataCountTogether() {
        String address = "127.0.0.4";
        // a login link that does not exist, twice (the form carries its CSRF token)
        for (int i = 0; i < 2; i++) {
            assertThat(login(address, "A".repeat(43)).status).isEqualTo(401);
        }
        // initData signed for another bot
        String foreign = MiniApp.initData("654321:another-bot-token", 200_001, java.time.Instant.now());
        assertThat(send(address, "POST /app/api/session", "X-Telegram-Init-Data: " + foreign, "").status)
                .isEqualTo(401);
        // now valid initData is refused too, and the login page says when to come back
        String valid = MiniApp.initData(FakeTelegram.TOKEN, 987_654_321L, java.time.Instant.now());
        Raw blocked = send(address, "POST /app/api/session", "X-Telegram-Init-Data: " + valid, "");
        assertThat(blocked.status).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).matches("[1-9][0-9]*");
        Raw page = login(address, "B".repeat(43));
        assertThat(page.status).isEqualTo(429);
        assertThat(page.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(page.body).contains("Слишком много попыток входа");
        // elsewhere the same valid initData is only what it is: a Telegram account that is not staff
        assertThat(send("127.0.0.5", "POST /app/api/session", "X-Telegram-Init-Data: " + valid, "").status)
                .isEqualTo(403);
    }

    /** The login link's page (for its form's CSRF token and cookie), then the form's POST, from {@code address}. */
    private Raw login(String address, String token) {
        Raw page = send(address, "GET /login?token=" + "C".repeat(43), null, null);
        Matcher field = DashboardClient.CSRF_FIELD.matcher(page.body);
        assertThat(field.find()).as(page.body).isTrue();
        String cookie = page.header("Set-Cookie");
        return send(address, "POST /login", "Content-Type: application/x-www-form-urlencoded\r\nCookie: "
                + cookie.substring(0, cookie.indexOf(';')), "token=" + token + "&_csrf=" + field.group(1));
    }

    /** One HTTP/1.1 request from the loopback address {@code from}: request line, extra header lines, body. */
    private static Raw send(String from, String requestLine, String headers, String body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(requestLine)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            if (headers != null) {
                head.append(headers).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new Raw(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(requestLine + " from " + from, e);
        }
    }

    /** A response as it came over the wire. */
    private static final class Raw {
        final int status;
        final String head;
        final String body;

        Raw(String response) {
            int end = response.indexOf("\r\n\r\n");
            this.head = response.substring(0, end);
            this.body = response.substring(end + 4);
            this.status = Integer.parseInt(response.substring(9, 12));
        }

        String header(String name) {
            return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }
    }
}
