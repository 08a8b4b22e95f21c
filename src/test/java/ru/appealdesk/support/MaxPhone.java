package ru.appealdesk.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.appealdesk.chat.MessengerKind;

/** {@link Phone} on the fake MAX Bot API: what a person does in MAX arrives as MAX's own update bodies. */
public final class MaxPhone implements Phone {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeMax max;
    private final AtomicInteger seenViolations = new AtomicInteger();
    private final AtomicInteger photos = new AtomicInteger();

    public MaxPhone(FakeMax max) {
        this.max = max;
    }

    @Override
    public MessengerKind messenger() {
        return MessengerKind.MAX;
    }

    /** The invite link {@code https://max.ru/<bot>?start=<code>} opened: MAX sends bot_started with the payload. */
    @Override
    public void start(long userId, String code) {
        ObjectNode update = JSON.createObjectNode().put("update_type", "bot_started")
                .put("timestamp", System.currentTimeMillis()).put("chat_id", 1_000_000 + userId);
        update.putObject("user").put("user_id", userId).put("first_name", "User").put("is_bot", false)
                .put("last_activity_time", System.currentTimeMillis()).put("name", "User");
        update.put("payload", code).put("user_locale", "ru");
        max.enqueue(update);
    }

    @Override
    public void userSends(long userId, String text) {
        max.enqueue(max.textFrom(userId, text));
    }

    @Override
    public void userSendsPhoto(long userId, byte[] jpeg) {
        ObjectNode update = max.textFrom(userId, "");
        ObjectNode body = (ObjectNode) update.path("message").path("body");
        body.remove("text");
        String url = max.file("photo" + photos.incrementAndGet() + ".jpg", jpeg);
        body.putArray("attachments").addObject().put("type", "image").putObject("payload")
                .put("photo_id", 9000 + photos.get()).put("token", "ptok" + photos.get()).put("url", url);
        max.enqueue(update);
    }

    @Override
    public String press(long userId, Msg message, String label) {
        return pressData(userId, message, message.button(label).data());
    }

    @Override
    public String pressData(long userId, Msg message, String data) {
        FakeMax.Sent sent = Objects.requireNonNull(max.message(message.id()), "no message " + message.id());
        ObjectNode update = max.pressFrom(userId, sent, data);
        max.enqueue(update);
        return update.path("callback").path("callback_id").asText();
    }

    @Override
    public List<Msg> messagesTo(long userId) {
        return max.sent(userId).stream().map(MaxPhone::msg).toList();
    }

    @Override
    public Msg awaitMessage(long userId, Predicate<Msg> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Msg> all = messagesTo(userId);
            for (int i = all.size() - 1; i >= 0; i--) {
                if (condition.test(all.get(i))) {
                    return all.get(i);
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /** MAX answers a press with a notification: its text, or null for an answer that says nothing. */
    @Override
    public String awaitAnswer(String pressId) {
        JsonNode answer = await().atMost(Duration.ofSeconds(20)).until(() -> max.answers().stream()
                .filter(a -> pressId.equals(a.path("callback_id").asText())).findFirst().orElse(null),
                Objects::nonNull);
        return answer.path("notification").asText(null);
    }

    @Override
    public List<String> takeViolations() {
        List<String> all = max.violations();
        List<String> fresh = new ArrayList<>(all.subList(Math.min(seenViolations.get(), all.size()), all.size()));
        seenViolations.set(all.size());
        return fresh;
    }

    @Override
    public boolean idle() {
        return max.idle();
    }

    private static Msg msg(FakeMax.Sent s) {
        List<List<Btn>> keyboard = s.keyboard().stream().map(row -> row.stream()
                .map(b -> new Btn(b.path("text").asText(), b.path("payload").asText(null), b.path("url").asText(null)))
                .toList()).toList();
        boolean file = false;
        for (JsonNode a : s.attachments() == null ? JSON.createArrayNode() : s.attachments()) {
            file |= !"inline_keyboard".equals(a.path("type").asText());
        }
        return new Msg(s.mid(), s.userId(), s.text() == null ? "" : s.text(), keyboard, file);
    }
}
