package ru.appealdesk.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default: every endpoint, reached through every path form that once slipped past a string-matching
 * filter ({@code ;x}, {@code %61}, {@code ;jsessionid=}, {@code /./}, {@code //}, upper case, trailing slash,
 * {@code ..}), gives no data without the right token; the intake token cannot administer.
 */
class ApiSecurityTest extends EndToEndTest {

    private static final String APPLICANT = "Секретова Анна Петровна";

    record Endpoint(String method, String path) {
    }

    record Raw(int status, String body) {
    }

    private List<Endpoint> endpoints(long appealId) {
        return List.of(new Endpoint("GET", "/api/appeals"), new Endpoint("GET", "/api/appeals/" + appealId),
                new Endpoint("GET", "/api/appeals?status=NEW"), new Endpoint("POST", "/api/appeals"),
                new Endpoint("POST", "/api/staff/sokolova/invites"), new Endpoint("GET", "/api/outbox"),
                new Endpoint("POST", "/api/outbox/1/retry"), new Endpoint("GET", "/actuator/metrics"),
                new Endpoint("GET", "/actuator"), new Endpoint("GET", "/actuator/env"),
                new Endpoint("GET", "/actuator/metrics/appealdesk.outbox.pending"));
    }

    @Test
    void noPathFormReachesDataWithoutAToken() {
        // given an appeal with an applicant's name in it
        long id = register(withApplicant("SEC-1")).get("id").asLong();
        String total = api.get("/api/appeals").header("X-Total-Count");

        // when every endpoint is tried in every form without a token
        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : endpoints(id)) {
            for (String path : variants(endpoint.path())) {
                Raw response = raw(endpoint.method(), path, null, endpoint.method().equals("POST")
                        ? withApplicant("SECX-" + Math.abs(path.hashCode())).toString() : null);
                if (response.status() < 400 || leaks(response.body())) {
                    leaks.add(endpoint.method() + " " + path + " -> " + response.status() + " " + response.body());
                }
            }
        }

        // then nothing answered with data, and nothing was registered
        assertThat(leaks).isEmpty();
        assertThat(api.get("/api/appeals").header("X-Total-Count")).isEqualTo(total);
    }

    @Test
    void theIntakeTokenCannotAdministerInAnyPathForm() {
        List<Endpoint> admin = List.of(new Endpoint("POST", "/api/staff/sokolova/invites"),
                new Endpoint("GET", "/api/outbox"), new Endpoint("POST", "/api/outbox/1/retry"),
                new Endpoint("GET", "/actuator/metrics"), new Endpoint("GET", "/actuator"));
        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : admin) {
            for (String path : variants(endpoint.path())) {
                Raw response = raw(endpoint.method(), path, Api.TOKEN, endpoint.method().equals("POST") ? "" : null);
                if (response.status() < 400 || response.body().contains("\"code\"")
                        || response.body().contains("appealdesk.")) {
                    leaks.add(endpoint.method() + " " + path + " -> " + response.status() + " " + response.body());
                }
            }
        }
        assertThat(leaks).isEmpty();
        Raw forbidden = raw("POST", "/api/staff/sokolova/invites", Api.TOKEN, "");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("APPEALDESK_ADMIN_TOKEN");
    }

    @Test
    void theRightTokensStillWorkAndPublicEndpointsStayPublic() {
        long id = register(withApplicant("SEC-2")).get("id").asLong();

        assertThat(raw("GET", "/api/appeals/" + id, Api.TOKEN, null).body()).contains(APPLICANT);
        assertThat(raw("GET", "/api/appeals/" + id, Api.ADMIN_TOKEN, null).status()).isEqualTo(200);
        assertThat(raw("GET", "/actuator/metrics", Api.ADMIN_TOKEN, null).status()).isEqualTo(200);
        assertThat(raw("GET", "/api/outbox", Api.ADMIN_TOKEN, null).status()).isEqualTo(200);
        assertThat(raw("GET", "/actuator/health", null, null).status()).isEqualTo(200);
        assertThat(raw("GET", "/actuator/health/liveness", null, null).status()).isEqualTo(200);
        assertThat(raw("GET", "/api/appeals/" + id, "bearer-with-a-wrong-value", null).status()).isEqualTo(401);
        assertThat(raw("GET", "/api/appeals/" + id, Api.TOKEN + "x", null).status()).isEqualTo(401);
        assertThat(raw("GET", "/api/unknown", Api.TOKEN, null).status()).isEqualTo(403);
        assertThat(raw("GET", "/api;x/appeals", Api.TOKEN, null).status()).isEqualTo(400);
    }

    private com.fasterxml.jackson.databind.node.ObjectNode withApplicant(String externalId) {
        var request = appealRequest(externalId, "roads");
        request.putObject("applicant").put("name", APPLICANT).put("phone", "+79995554433").put("email", "s@x.ru");
        return request;
    }

    private static boolean leaks(String body) {
        return body.contains(APPLICANT) || body.contains("+7999555") || body.contains("\"code\"")
                || body.contains("appealdesk.outbox") || body.contains("\"names\"") || body.contains("_links");
    }

    /** The forms that confused the old filter, and a few more. */
    static Set<String> variants(String path) {
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String first = bare.substring(1, bare.indexOf('/', 1) < 0 ? bare.length() : bare.indexOf('/', 1));
        String rest = bare.substring(1 + first.length());
        Set<String> forms = new LinkedHashSet<>();
        forms.add(bare + query);
        forms.add("/" + first + ";x" + rest + query);
        forms.add("/" + first + ";jsessionid=ABC" + rest + query);
        forms.add(bare + ";jsessionid=ABC" + query);
        forms.add("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest + query);
        forms.add(bare.replace("/", "/%2F").replaceFirst("/%2F", "/") + query);
        forms.add("/./" + bare.substring(1) + query);
        forms.add("/" + first + "/." + rest + query);
        forms.add("//" + bare.substring(1) + query);
        forms.add("/" + first + "/" + rest + query);
        forms.add(bare.toUpperCase() + query);
        forms.add("/" + first.toUpperCase() + rest + query);
        forms.add(bare + "/" + query);
        forms.add("/x/../" + bare.substring(1) + query);
        forms.add("/%2e/" + bare.substring(1) + query);
        forms.add("/x/%2e%2e/" + bare.substring(1) + query);
        forms.add("/" + first + "%3Bx" + rest + query);
        if (!rest.isEmpty()) {
            forms.add("/" + first + "%5C" + rest.substring(1) + query);
        }
        forms.add(bare + "%00" + query);
        forms.add(bare + "#x" + query);
        return forms;
    }

    /** Sends the path byte for byte (no client-side normalisation), optionally with a bearer token. */
    private Raw raw(String method, String path, String token, String body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Raw(status, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
