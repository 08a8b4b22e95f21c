package ru.appealdesk.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fake Bot API holds the service to Telegram's per-chat limit scaled to the pace the service is set to: a
 * service at a faster pace (the functional tests') may send to a chat again sooner than a second, never at once.
 */
class FakeTelegramPaceTest {

    private static final long CHAT = 777_001;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePerChatLimitScalesWithThePace() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram().pace(Duration.ofMillis(600))) {
            telegram.knowChat(CHAT);

            // a second message at once breaks even a faster pace
            assertThat(send(telegram, "1")).isEqualTo(200);
            long accepted = System.nanoTime();
            assertThat(send(telegram, "2")).isEqualTo(429);
            assertThat(telegram.takeViolations()).singleElement().asString().contains("the limit: 400 ms");

            // one 450 ms later is within the pace (it is not within Telegram's second)
            awaitSince(accepted, 450);
            assertThat(send(telegram, "3")).isEqualTo(200);
            assertThat(telegram.takeViolations()).isEmpty();
        }
    }

    @Test
    void atTelegramsPaceTheLimitIsTelegrams() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram()) {
            telegram.knowChat(CHAT);
            assertThat(send(telegram, "1")).isEqualTo(200);
            awaitSince(System.nanoTime(), 450);

            assertThat(send(telegram, "2")).isEqualTo(429);
            assertThat(telegram.takeViolations()).singleElement().asString().contains("the limit: 900 ms");
        }
    }

    /** The time since {@code start} is what is tested here. */
    private static void awaitSince(long start, long millis) {
        await().atMost(Duration.ofSeconds(2)).until(() -> System.nanoTime() - start > millis * 1_000_000L);
    }

    private int send(FakeTelegram telegram, String text) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.url() + "/bot" + FakeTelegram.TOKEN
                        + "/sendMessage")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":" + CHAT + ",\"text\":\"" + text + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
