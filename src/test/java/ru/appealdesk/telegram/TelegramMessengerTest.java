package ru.appealdesk.telegram;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.appealdesk.delivery.Button;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.delivery.Messenger.Attachment;
import ru.appealdesk.delivery.MessengerException;
import ru.appealdesk.delivery.MessengerException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The outbox's messages as Bot API calls, and Telegram's errors as what the outbox does about them. */
class TelegramMessengerTest {

    private final TelegramClient client = mock(TelegramClient.class);
    private final TelegramMessenger messenger = new TelegramMessenger(client);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aMessageIsHtmlTextWithAnInlineKeyboard() throws Exception {
        Message sent = new Message();
        sent.setMessageId(77);
        when(client.execute(any(SendMessage.class))).thenReturn(sent);

        String id = messenger.send(42, "<b>x</b> &amp; y", List.of(List.of(new Button("Take", "t:1:2"),
                Button.link("Open", "https://example.org/a")), List.of(Button.miniApp("App", "https://x.example/app/"))));

        assertThat(id).isEqualTo("77");
        ArgumentCaptor<SendMessage> call = ArgumentCaptor.forClass(SendMessage.class);
        verify(client).execute(call.capture());
        JsonNode body = json.valueToTree(call.getValue());
        assertThat(body.get("chat_id").asText()).isEqualTo("42");
        assertThat(body.get("text").asText()).isEqualTo("<b>x</b> &amp; y");
        assertThat(body.get("parse_mode").asText()).isEqualTo("html");
        JsonNode rows = body.get("reply_markup").get("inline_keyboard");
        assertThat(rows.get(0).get(0).get("callback_data").asText()).isEqualTo("t:1:2");
        assertThat(rows.get(0).get(1).get("url").asText()).isEqualTo("https://example.org/a");
        assertThat(rows.get(1).get(0).get("web_app").get("url").asText()).isEqualTo("https://x.example/app/");
    }

    @Test
    void aDashboardPageOpensAsTheMiniAppOverHttpsAndAsALinkOtherwise() throws Exception {
        Message sent = new Message();
        sent.setMessageId(78);
        when(client.execute(any(SendMessage.class))).thenReturn(sent);

        messenger.send(42, "x", List.of(List.of(Button.page("Open", "https://x.example/app/?appeal=7")),
                List.of(Button.page("Open", "http://x.example/app/?appeal=7"))));

        ArgumentCaptor<SendMessage> call = ArgumentCaptor.forClass(SendMessage.class);
        verify(client).execute(call.capture());
        JsonNode rows = json.valueToTree(call.getValue()).get("reply_markup").get("inline_keyboard");
        assertThat(rows.get(0).get(0).get("web_app").get("url").asText()).isEqualTo("https://x.example/app/?appeal=7");
        assertThat(rows.get(0).get(0).has("callback_data")).isFalse();
        assertThat(rows.get(1).get(0).get("url").asText()).isEqualTo("http://x.example/app/?appeal=7");
        assertThat(rows.get(1).get(0).has("web_app")).isFalse();
    }

    @Test
    void noKeyboardSendsNoMarkupAndAnEmptyOneRemovesTheButtonsOfAnEdit() throws Exception {
        Message sent = new Message();
        sent.setMessageId(1);
        when(client.execute(any(SendMessage.class))).thenReturn(sent);
        messenger.send(42, "plain", null);
        messenger.edit(42, "9", "closed", List.of());

        ArgumentCaptor<SendMessage> send = ArgumentCaptor.forClass(SendMessage.class);
        verify(client).execute(send.capture());
        assertThat(send.getValue().getReplyMarkup()).isNull();
        ArgumentCaptor<EditMessageText> edit = ArgumentCaptor.forClass(EditMessageText.class);
        verify(client).execute(edit.capture());
        JsonNode body = json.valueToTree(edit.getValue());
        assertThat(body.get("message_id").asInt()).isEqualTo(9);
        assertThat(body.get("reply_markup").get("inline_keyboard")).isEmpty();
    }

    @Test
    void telegramTakesEveryMessageTheServiceWrites() {
        assertThat(messenger.textLimit()).isEqualTo(4096).isGreaterThanOrEqualTo(ru.appealdesk.delivery.Html.MESSAGE_LIMIT);
    }

    @Test
    void anEditThatChangesNothingIsNoFailure() throws Exception {
        when(client.execute(any(EditMessageText.class)))
                .thenThrow(refusal(400, "Bad Request: message is not modified: specified new message content", null));

        assertThatCode(() -> messenger.edit(42, "9", "same", List.of())).doesNotThrowAnyException();
    }

    @Test
    void photosGoAsAnAlbumBeforeDocumentsAndUploadsOneByOne() throws Exception {
        messenger.sendFiles(42, List.of(new Attachment(FileKind.DOCUMENT, "doc-id"),
                new Attachment(FileKind.PHOTO, "p1"), new Attachment(FileKind.PHOTO, "p2")));
        messenger.sendFiles(42, List.of(new Attachment(FileKind.PHOTO, "upload:x", new byte[] {1, 2}, "chart.png")));

        var order = inOrder(client);
        ArgumentCaptor<SendMediaGroup> album = ArgumentCaptor.forClass(SendMediaGroup.class);
        order.verify(client).execute(album.capture());
        assertThat(album.getValue().getMedias()).extracting(m -> m.getMedia()).containsExactly("p1", "p2");
        ArgumentCaptor<SendDocument> document = ArgumentCaptor.forClass(SendDocument.class);
        order.verify(client).execute(document.capture());
        assertThat(document.getValue().getDocument().getAttachName()).isEqualTo("doc-id");
        ArgumentCaptor<SendPhoto> upload = ArgumentCaptor.forClass(SendPhoto.class);
        order.verify(client).execute(upload.capture());
        assertThat(upload.getValue().getPhoto().isNew()).isTrue();
        assertThat(upload.getValue().getPhoto().getMediaName()).isEqualTo("chart.png");
    }

    @Test
    void callbackAnswersAndTheMenuButton() throws Exception {
        messenger.answerCallback("cb-1", "Done", true);
        messenger.setMenuButton(42, Button.miniApp("Dashboard", "https://x.example/app/"));

        ArgumentCaptor<AnswerCallbackQuery> answer = ArgumentCaptor.forClass(AnswerCallbackQuery.class);
        verify(client).execute(answer.capture());
        assertThat(json.valueToTree(answer.getValue()).toString())
                .contains("\"callback_query_id\":\"cb-1\"", "\"text\":\"Done\"", "\"show_alert\":true");
        ArgumentCaptor<SetChatMenuButton> menu = ArgumentCaptor.forClass(SetChatMenuButton.class);
        verify(client).execute(menu.capture());
        assertThat(json.valueToTree(menu.getValue()).toString())
                .contains("\"type\":\"web_app\"", "\"text\":\"Dashboard\"", "\"url\":\"https://x.example/app/\"");
    }

    @Test
    void telegramsErrorsSayWhatTheOutboxDoes() throws Exception {
        assertThat(sendFailing(refusal(429, "Too Many Requests: retry after 7", 7)))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED))
                .satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)))
                .hasMessage("429 too many requests");
        assertThat(sendFailing(refusal(429, "Too Many Requests", null)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(sendFailing(refusal(502, "Bad Gateway", null)))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT)).hasMessage("502 Bad Gateway");
        assertThat(sendFailing(new TelegramApiException("connect timed out")))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT))
                .hasMessage("network: connect timed out");
        assertThat(sendFailing(refusal(403, "Forbidden: bot was blocked by the user", null)))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.CHAT_UNREACHABLE))
                .hasMessage("403 Forbidden: bot was blocked by the user");
        assertThat(sendFailing(refusal(400, "Bad Request: chat not found", null)).kind())
                .isEqualTo(Kind.CHAT_UNREACHABLE);
        assertThat(sendFailing(refusal(400, "Bad Request: user is deactivated", null)).kind())
                .isEqualTo(Kind.CHAT_UNREACHABLE);
        assertThat(sendFailing(refusal(400, "Bad Request: can't parse entities", null)))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessage("400 Bad Request: can't parse entities");
        // "too old" means an expired press only where a press is answered
        assertThat(sendFailing(refusal(400, "Bad Request: query is too old", null)).kind()).isEqualTo(Kind.REFUSED);
    }

    @Test
    void aPressAnsweredTooLateHasExpired() throws Exception {
        when(client.execute(any(AnswerCallbackQuery.class))).thenThrow(refusal(400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid", null));

        MessengerException e = catchThrowableOfType(() -> messenger.answerCallback("cb", "x", false),
                MessengerException.class);

        assertThat(e.kind()).isEqualTo(Kind.EXPIRED);
    }

    private MessengerException sendFailing(TelegramApiException failure) throws Exception {
        TelegramClient failing = mock(TelegramClient.class);
        when(failing.execute(any(SendMessage.class))).thenThrow(failure);
        return catchThrowableOfType(() -> new TelegramMessenger(failing).send(1, "x", null),
                MessengerException.class);
    }

    private static TelegramApiRequestException refusal(int code, String description, Integer retryAfter) {
        return new TelegramApiRequestException("Error sending", ApiResponse.builder().ok(false).errorCode(code)
                .errorDescription(description)
                .parameters(retryAfter == null ? null : new ResponseParameters(null, retryAfter)).build());
    }
}
