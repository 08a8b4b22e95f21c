package ru.appealdesk.max;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.UpdateSink;
import ru.appealdesk.support.FakeMax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long polling against the fake: the marker moves on only after a batch was handled; a failed update comes again. */
class MaxPollingTest {

    private final FakeMax max = new FakeMax();
    private final MaxClients clients = new MaxClients(max);
    private final Recorder sink = new Recorder();
    private final MaxSession session = new MaxSession(clients.api, clients.properties, sink);

    /** Records what it is handed; throws once for each key in {@link #failOnce}. */
    static final class Recorder implements UpdateSink {
        final List<Incoming> handled = new CopyOnWriteArrayList<>();
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final Set<String> failOnce = ConcurrentHashMap.newKeySet();

        @Override
        public void handle(Incoming update) {
            attempts.add(update.key());
            if (failOnce.remove(update.key())) {
                throw new IllegalStateException("the database is down");
            }
            handled.add(update);
        }

        @Override
        public Map<String, String> commands() {
            return Map.of("start", "Start");
        }
    }

    @AfterEach
    void stop() {
        session.stop();
        assertThat(max.violations()).isEmpty();
        max.close();
    }

    @Test
    void startingRemovesWebhookSubscriptionsAndPollsTheExamples() {
        clients.api.subscribe(new MaxSchema.SubscriptionRequest("https://old.example/max/webhook",
                MaxSession.TYPES, "secret-123"));
        max.play("update.bot_started.json");
        max.play("update.message_callback.json");

        session.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> sink.handled.size() == 2);
        assertThat(max.subscriptions()).isEmpty();
        assertThat(sink.handled.get(0)).isInstanceOf(Incoming.Text.class);
        assertThat(sink.handled.get(1)).isInstanceOf(Incoming.Press.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> max.markersAsked().contains(3L));
        assertThat(max.calls("GET", "/updates").get(0).query()).containsEntry("types",
                "message_created,message_callback,bot_started,bot_stopped").containsEntry("timeout", "1")
                .doesNotContainKey("marker");
    }

    @Test
    void anUpdateTheBotCouldNotHandleIsNotConfirmedAndComesAgain() {
        var first = max.textFrom(7L, "first");
        var second = max.textFrom(7L, "second");
        String secondKey = "m:" + second.path("message").path("body").path("mid").asText();
        sink.failOnce.add(secondKey);
        max.enqueue(first);
        max.enqueue(second);

        session.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> sink.handled.stream().anyMatch(u -> u.key()
                .equals(secondKey)));
        // the batch came twice: the first update again too (the bot drops it as handled), then the marker moved on
        assertThat(sink.attempts).containsSubsequence(sink.attempts.get(0), secondKey, sink.attempts.get(0),
                secondKey);
        int failedPoll = 0;
        assertThat(max.markersAsked().get(failedPoll)).isNull();
        assertThat(max.markersAsked().get(failedPoll + 1)).as("the marker stays until the batch is handled")
                .isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> max.markersAsked().contains(3L));
        assertThat(session.marker()).isEqualTo(3L);

        var third = max.textFrom(7L, "third");
        max.enqueue(third);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.handled.size() == 4);
        assertThat(((Incoming.Text) sink.handled.get(3)).text()).isEqualTo("third");
        // the next poll, which confirms it, follows the handling: wait for it rather than race it
        await().atMost(Duration.ofSeconds(10)).until(() -> max.markersAsked().contains(4L));
    }

    @Test
    void pollingKeepsTryingWhileMaxFails() {
        max.fail("GET", "/updates", 2, 503, "service.unavailable", "later", null);
        max.play("update.bot_stopped.json");

        session.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> sink.handled.size() == 1);
        assertThat(sink.handled.get(0)).isInstanceOf(Incoming.Other.class);
        assertThat(max.calls("GET", "/updates").size()).isGreaterThanOrEqualTo(3);
    }
}
