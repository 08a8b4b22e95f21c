package ru.appealdesk.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake MAX server refuses what MAX's schema does not allow, and a call without the token; it refuses calls over
 * MAX's limit and records which, and when each message arrived.
 */
class FakeMaxTest {

    private static int call(FakeMax max, String method, String pathAndQuery, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(max.url() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void requestsAreCheckedAgainstTheSchema() throws Exception {
        try (FakeMax max = new FakeMax()) {
            String ok = "{\"text\":\"hi\",\"attachments\":null,\"link\":null,\"format\":\"html\"}";
            assertThat(call(max, "POST", "/messages?user_id=1", ok, FakeMax.TOKEN)).isEqualTo(200);
            assertThat(max.violations()).isEmpty();

            assertThat(call(max, "POST", "/messages?user_id=1", ok, null)).isEqualTo(401);
            assertThat(call(max, "POST", "/messages?user_id=x", ok, FakeMax.TOKEN)).isEqualTo(400);
            assertThat(call(max, "POST", "/messages?user_id=1", "{\"text\":\"" + "a".repeat(4001)
                    + "\",\"attachments\":null,\"link\":null}", FakeMax.TOKEN)).isEqualTo(400);
            assertThat(call(max, "POST", "/messages?user_id=1", "{\"text\":\"a\",\"attachments\":null,\"link\":null,"
                    + "\"format\":\"xml\"}", FakeMax.TOKEN)).isEqualTo(400);
            assertThat(call(max, "POST", "/messages?user_id=1", "{\"text\":\"a\",\"link\":null}", FakeMax.TOKEN))
                    .isEqualTo(400);
            String longLabel = "{\"text\":\"a\",\"link\":null,\"attachments\":[{\"type\":\"inline_keyboard\","
                    + "\"payload\":{\"buttons\":[[{\"type\":\"callback\",\"text\":\"" + "b".repeat(129)
                    + "\",\"payload\":\"p\"}]]}}]}";
            assertThat(call(max, "POST", "/messages?user_id=1", longLabel, FakeMax.TOKEN)).isEqualTo(400);
            String unknownButton = longLabel.replace("b".repeat(129), "b").replace("callback", "teleport");
            assertThat(call(max, "POST", "/messages?user_id=1", unknownButton, FakeMax.TOKEN)).isEqualTo(400);
            assertThat(call(max, "POST", "/answers", "{\"notification\":\"x\"}", FakeMax.TOKEN)).isEqualTo(400);
            assertThat(call(max, "PATCH", "/me", "{}", FakeMax.TOKEN)).isEqualTo(400);
            assertThat(call(max, "POST", "/subscriptions", "{\"url\":\"https://a.example/max/webhook\","
                    + "\"secret\":\"bad secret\"}", FakeMax.TOKEN)).isEqualTo(400);

            assertThat(String.join("\n", max.violations())).contains(
                    "expected an integer", "a string of 4001 characters", "'xml' is not one of",
                    "required field 'attachments' is missing", "a string of 129 characters",
                    "'type' teleport is not one of", "required query parameter 'callback_id' is missing",
                    "PATCH /me: no such method", "does not match");
        }
    }

    @Test
    void callsOverTheLimitAreRefusedAndRecorded() throws Exception {
        try (FakeMax max = new FakeMax()) {
            max.perSecond(2);
            String ok = "{\"text\":\"hi\",\"attachments\":null,\"link\":null,\"format\":\"html\"}";
            long before = System.nanoTime();
            assertThat(call(max, "POST", "/messages?user_id=7", ok, FakeMax.TOKEN)).isEqualTo(200);
            assertThat(call(max, "GET", "/me", null, FakeMax.TOKEN)).isEqualTo(200);
            // a third call within the second
            assertThat(call(max, "POST", "/messages?user_id=8", ok, FakeMax.TOKEN)).isEqualTo(429);

            assertThat(max.rateLimited()).isEqualTo(1);
            assertThat(max.rateLimitedCalls()).singleElement().satisfies(r -> {
                assertThat(r.call()).isEqualTo("POST /messages");
                assertThat(r.at()).isGreaterThan(before);
            });
            assertThat(max.arrivals()).singleElement().satisfies(a -> {
                assertThat(a.userId()).isEqualTo(7L);
                assertThat(a.at()).isGreaterThan(before);
            });
            assertThat(max.countedCallsAt()).hasSize(2);
        }
    }
}
