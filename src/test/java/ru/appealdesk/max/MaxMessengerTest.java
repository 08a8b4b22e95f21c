package ru.appealdesk.max;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Messenger.Attachment;
import ru.appealdesk.delivery.MessengerException;
import ru.appealdesk.delivery.MessengerException.Kind;
import ru.appealdesk.support.FakeMax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox's calls on MAX, against the fake MAX Bot API over HTTP, every request checked against MAX's schema. */
class MaxMessengerTest {

    private static final long USER = 123456789L;

    private final FakeMax max = new FakeMax();
    private final MaxMessenger messenger = new MaxClients(max).messenger;

    @AfterEach
    void noViolations() {
        assertThat(max.violations()).as("requests against MAX's schema").isEmpty();
        assertThat(max.calls()).allSatisfy(c -> assertThat(c.authorization()).isEqualTo(FakeMax.TOKEN));
        max.close();
    }

    @Test
    void sendsHtmlWithCallbackLinkAndMiniAppButtons() throws Exception {
        String mid = messenger.send(USER, "<b>No. 7</b> &lt;road&gt;", List.of(
                List.of(new Button("Take", "a:1:take"), Button.link("Map", "https://maps.example/7")),
                List.of(Button.miniApp("Open", "https://appeals.example/app/7")),
                List.of(Button.page("Page", "https://appeals.example/app/?appeal=7"))));

        FakeMax.Sent sent = max.message(mid);
        assertThat(messenger.kind()).isEqualTo(MessengerKind.MAX);
        assertThat(messenger.textLimit()).isEqualTo(4000);
        assertThat(mid).startsWith("mid.");
        assertThat(sent.userId()).isEqualTo(USER);
        assertThat(sent.text()).isEqualTo("<b>No. 7</b> &lt;road&gt;");
        assertThat(sent.format()).isEqualTo("html");
        List<List<JsonNode>> rows = sent.keyboard();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get(0).path("url").asText()).isEqualTo("https://appeals.example/app/?appeal=7");
        assertThat(rows.get(0).get(0).toString()).isEqualTo(
                "{\"type\":\"callback\",\"text\":\"Take\",\"payload\":\"a:1:take\"}");
        assertThat(rows.get(0).get(1).toString()).isEqualTo(
                "{\"type\":\"link\",\"text\":\"Map\",\"url\":\"https://maps.example/7\"}");
        assertThat(rows.get(1).get(0).path("type").asText()).isEqualTo("link");
        assertThat(rows.get(1).get(0).path("url").asText()).isEqualTo("https://appeals.example/app/7");
        assertThat(max.calls("POST", "/messages").get(0).query()).containsEntry("user_id", String.valueOf(USER));
    }

    @Test
    void aRowOfMoreThanSevenButtonsIsBrokenIntoRowsOfSevenInOrder() throws Exception {
        List<Button> row = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            row.add(new Button("E" + i, "pick:" + i));
        }

        FakeMax.Sent sent = max.message(messenger.send(USER, "Pick", List.of(row, List.of(new Button("No", "no")))));

        assertThat(sent.keyboard()).extracting(List::size).containsExactly(7, 2, 1);
        assertThat(sent.keyboard().stream().flatMap(List::stream).map(b -> b.path("payload").asText()))
                .containsExactly("pick:1", "pick:2", "pick:3", "pick:4", "pick:5", "pick:6", "pick:7", "pick:8",
                        "pick:9", "no");
    }

    @Test
    void aKeyboardOverMaxsLimitsOrATextOver4000IsRefusedUnsent() {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            rows.add(List.of(new Button("B" + i, "b:" + i)));
        }
        assertThatThrownBy(() -> messenger.send(USER, "Too many rows", rows))
                .isInstanceOfSatisfying(MessengerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
        List<List<Button>> many = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            List<Button> row = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                row.add(new Button("B", "b:" + r + ":" + i));
            }
            many.add(row);
        }
        assertThatThrownBy(() -> messenger.send(USER, "Too many buttons", many))
                .isInstanceOfSatisfying(MessengerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
        assertThatThrownBy(() -> messenger.send(USER, "x".repeat(4001), null))
                .isInstanceOfSatisfying(MessengerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
        assertThat(max.calls()).isEmpty();
    }

    @Test
    void editsTextAndButtonsAndAnEmptyKeyboardRemovesThem() throws Exception {
        String mid = messenger.send(USER, "Card", List.of(List.of(new Button("Take", "take"))));

        messenger.edit(USER, mid, "Card <i>taken</i>", List.of(List.of(new Button("Answer", "answer"))));
        assertThat(max.message(mid).text()).isEqualTo("Card <i>taken</i>");
        assertThat(max.message(mid).keyboard().get(0).get(0).path("payload").asText()).isEqualTo("answer");

        messenger.edit(USER, mid, "Card closed", List.of());
        assertThat(max.message(mid).keyboard()).isEmpty();
        assertThat(max.message(mid).edits()).containsExactly("Card", "Card <i>taken</i>");
        assertThat(max.calls("PUT", "/messages").get(0).query()).containsEntry("message_id", mid);

        assertThatThrownBy(() -> messenger.edit(USER, "mid.gone", "x", null))
                .isInstanceOfSatisfying(MessengerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
    }

    @Test
    void answersAPressWithANotificationAlertOrNot() throws Exception {
        messenger.answerCallback("cb-1", "Taken", false);
        messenger.answerCallback("cb-2", "Not yours", true);
        messenger.answerCallback("cb-3", null, false);
        messenger.setMenuButton(USER, Button.miniApp("Open", "https://appeals.example/app"));

        assertThat(max.answers()).extracting(JsonNode::toString).containsExactly(
                "{\"notification\":\"Taken\",\"callback_id\":\"cb-1\"}",
                "{\"notification\":\"Not yours\",\"callback_id\":\"cb-2\"}", "{\"callback_id\":\"cb-3\"}");
        assertThat(max.calls()).extracting(FakeMax.Call::path).containsOnly("/answers");

        max.expire("cb-old");
        assertThatThrownBy(() -> messenger.answerCallback("cb-old", "Late", true))
                .isInstanceOfSatisfying(MessengerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.EXPIRED));
    }

    @Test
    void everyRequestOfAFilesSendAfterTheFirstWaitsForItsSlot() throws Exception {
        // given two uploaded files and a photo MAX fetches by URL: two uploads and three messages, five requests
        List<Long> waits = new java.util.ArrayList<>();
        int before = max.calls().size();

        // when they are sent with a pacer
        messenger.sendFiles(USER, List.of(
                new Attachment(FileKind.DOCUMENT, "upload:1", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8), "a.pdf"),
                new Attachment(FileKind.DOCUMENT, "upload:2", "%PDF-1.7 b".getBytes(StandardCharsets.UTF_8), "b.pdf"),
                new Attachment(FileKind.PHOTO, "https://portal.example/p/2.jpg")),
                () -> waits.add(System.nanoTime()));

        // then the pacer was asked before each request but the first, whose slot the outbox took
        assertThat(max.calls().size() - before).isEqualTo(5);
        assertThat(waits).hasSize(4);
    }

    @Test
    void filesGoThroughUploadsAndAreAttachedByToken() throws Exception {
        byte[] photo = "jpeg-bytes".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.7 report".getBytes(StandardCharsets.UTF_8);
        String videoUrl = max.file("clip.mp4", "mp4-bytes".getBytes(StandardCharsets.UTF_8));

        messenger.sendFiles(USER, List.of(
                new Attachment(FileKind.DOCUMENT, "upload:1", pdf, "report.pdf"),
                new Attachment(FileKind.PHOTO, "upload:2", photo, "photo.jpg"),
                new Attachment(FileKind.PHOTO, "https://portal.example/p/1.jpg"),
                new Attachment(FileKind.VIDEO, videoUrl)));

        assertThat(max.uploads()).extracting(FakeMax.Upload::type, FakeMax.Upload::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image", "photo.jpg"),
                        org.assertj.core.groups.Tuple.tuple("video", "clip.mp4"),
                        org.assertj.core.groups.Tuple.tuple("file", "report.pdf"));
        assertThat(max.uploads().get(0).content()).isEqualTo(photo);
        assertThat(max.uploads().get(2).content()).isEqualTo(pdf);
        List<JsonNode> attached = max.sent(USER).stream().map(s -> s.attachments().get(0)).toList();
        assertThat(attached).extracting(a -> a.path("type").asText()).containsExactly("image", "image", "video",
                "file");
        assertThat(attached.get(0).path("payload").path("photos").toString()).contains(max.uploads().get(0).token());
        assertThat(attached.get(1).path("payload").toString()).isEqualTo(
                "{\"url\":\"https://portal.example/p/1.jpg\"}");
        assertThat(attached.get(2).path("payload").path("token").asText()).isEqualTo(max.uploads().get(1).token());
        assertThat(attached.get(3).path("payload").path("token").asText()).isEqualTo(max.uploads().get(2).token());
        assertThat(max.calls("POST", "/uploads")).extracting(c -> c.query().get("type"))
                .containsExactly("image", "video", "file");
    }

    @Test
    void aFileMaxIsStillProcessingIsSentAgainAFewTimesThenTransient() throws Exception {
        Attachment pdf = new Attachment(FileKind.DOCUMENT, "upload:1", new byte[] {1, 2, 3}, "a.pdf");
        max.attachmentNotReady(2);

        messenger.sendFiles(USER, List.of(pdf));

        assertThat(max.calls("POST", "/messages")).hasSize(3);
        assertThat(max.sent(USER)).hasSize(1);

        max.attachmentNotReady(100);
        assertThatThrownBy(() -> messenger.sendFiles(USER, List.of(pdf)))
                .isInstanceOfSatisfying(MessengerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
                    assertThat(e.getMessage()).contains("attachment.not.ready");
                });
        assertThat(max.calls("POST", "/messages")).hasSize(3 + MaxClients.ATTEMPTS);
    }

    @Test
    void maxsErrorsBecomeTheOutboxsKinds() {
        max.fail("POST", "/messages", 1, 429, "too.many.requests", "slow down", 7);
        assertThat(failure(() -> messenger.send(USER, "a", null)))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED))
                .satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        max.fail("POST", "/messages", 1, 503, "service.unavailable", "later", null);
        assertThat(failure(() -> messenger.send(USER, "a", null)).kind()).isEqualTo(Kind.TRANSIENT);
        max.block(555L);
        MessengerException blocked = failure(() -> messenger.send(555L, "a", null));
        assertThat(blocked.kind()).isEqualTo(Kind.CHAT_UNREACHABLE);
        assertThat(blocked.getMessage()).contains("403 chat.denied");
        max.fail("POST", "/messages", 1, 404, "chat.not.found", "Chat not found", null);
        assertThat(failure(() -> messenger.send(USER, "a", null)).kind()).isEqualTo(Kind.CHAT_UNREACHABLE);
        max.fail("POST", "/messages", 1, 400, "proto.payload", "bad", null);
        assertThat(failure(() -> messenger.send(USER, "a", null)).kind()).isEqualTo(Kind.REFUSED);
        max.fail("POST", "/answers", 1, 403, "chat.denied", "Key: error.dialog.suspended", null);
        assertThat(failure(() -> messenger.answerCallback("cb-9", "x", false)).kind())
                .isEqualTo(Kind.CHAT_UNREACHABLE);
    }

    @Test
    void aWrongTokenIsRefusedAndNoAnswerIsTransient() {
        try (FakeMax other = new FakeMax()) {
            MaxMessenger wrong = new MaxClients(other.url(), "not-the-token", null, null).messenger;
            MessengerException refused = failure(() -> wrong.send(USER, "a", null));
            assertThat(refused.kind()).isEqualTo(Kind.REFUSED);
            assertThat(refused.getMessage()).contains("401 verify.token").doesNotContain("not-the-token");
            assertThat(other.calls()).extracting(FakeMax.Call::authorization).containsExactly("not-the-token");
        }
        FakeMax gone = new FakeMax();
        String url = gone.url();
        gone.close();
        MaxMessenger nobody = new MaxClients(url, FakeMax.TOKEN, null, null).messenger;
        assertThat(failure(() -> nobody.send(USER, "a", null)).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void theFakeHoldsMaxsLimitOfTwoCallbackAnswersASecondPerChat() throws Exception {
        JsonNode press = max.pressFrom(USER, new FakeMax.Sent("mid.1", USER, "t", "html", null, List.of()), "p");
        String id = press.path("callback").path("callback_id").asText();
        messenger.answerCallback(id, "1", false);
        messenger.answerCallback(id, "2", false);

        assertThat(failure(() -> messenger.answerCallback(id, "3", false)).kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(max.rateLimited()).isEqualTo(1);
    }

    private interface Call {
        void run() throws MessengerException;
    }

    private static MessengerException failure(Call call) {
        try {
            call.run();
        } catch (MessengerException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }
}
