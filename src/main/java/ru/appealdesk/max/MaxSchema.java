package ru.appealdesk.max;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The parts of the MAX Bot API schema (API 0.0.32, {@code max-bot-api.yaml}) AppealDesk uses, written by hand as
 * records; JSON names are the schema's snake_case. Unknown fields in answers are ignored: MAX adds fields.
 */
final class MaxSchema {

    private MaxSchema() {
    }

    /** The mapper for MAX's bodies (not the application's, which refuses unknown fields). */
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    // ---- requests ----

    /**
     * NewMessageBody: {@code text}, {@code attachments} and {@code link} are required by the schema (nullable), so
     * they are always written; an edit's empty attachments remove the keyboard.
     */
    record NewMessageBody(@JsonInclude(JsonInclude.Include.ALWAYS) String text,
                          @JsonInclude(JsonInclude.Include.ALWAYS) List<AttachmentRequest> attachments,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Object link,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String format) {
    }

    /** AttachmentRequest: {@code inline_keyboard} with a keyboard, {@code image|video|file} with an upload. */
    record AttachmentRequest(String type, Object payload) {
    }

    /** InlineKeyboardAttachmentRequestPayload. */
    record Keyboard(List<List<KeyButton>> buttons) {
    }

    /** A CallbackButton ({@code payload}) or a LinkButton ({@code url}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyButton(String type, String text, String payload, String url) {
    }

    /** UploadedInfo / PhotoAttachmentRequestPayload by token or URL. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MediaRef(String token, String url) {
    }

    /** CallbackAnswer: a one-time notification only (the message is edited through the outbox). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallbackAnswer(String notification) {
    }

    /** SubscriptionRequestBody. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionRequest(String url, List<String> updateTypes, String secret) {
    }

    // ---- answers and updates ----

    /** UploadEndpoint: where to upload, and for video and audio the token already. */
    record UploadEndpoint(String url, String token) {
    }

    /** SendMessageResult. */
    record SendMessageResult(Message message) {
    }

    /** SimpleQueryResult. */
    record SimpleQueryResult(boolean success, String message) {
    }

    /** GetSubscriptionsResult. */
    record Subscriptions(List<Subscription> subscriptions) {
    }

    /** Subscription. */
    record Subscription(String url, List<String> updateTypes) {
    }

    /** Error: MAX's code ({@code chat.denied}, {@code attachment.not.ready}, …) and message. */
    record Error(String code, String message) {
    }

    /** UpdateList; each update is parsed on its own, so one MAX adds a field to does not break the batch. */
    record UpdateList(List<JsonNode> updates, Long marker) {
    }

    /** User (and BotInfo). */
    record User(long userId, String firstName, String lastName, String username, Boolean isBot, String name) {

        String displayName() {
            if (firstName == null || firstName.isBlank()) {
                return name;
            }
            return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
        }
    }

    /** Recipient: {@code chat_type} is {@code dialog} for the bot's private chat with a person. */
    record Recipient(Long chatId, String chatType, Long userId) {
    }

    /** MessageBody; attachments stay JSON (their payloads differ by type). */
    record MessageBody(String mid, Long seq, String text, List<JsonNode> attachments) {
    }

    /** Message. */
    record Message(User sender, Recipient recipient, Long timestamp, MessageBody body) {
    }

    /** Callback. */
    record Callback(Long timestamp, String callbackId, String payload, User user) {
    }

    /** Update: the fields of the update types AppealDesk reads. */
    record Update(String updateType, Long timestamp, Message message, Callback callback, User user, Long chatId,
                  Long userId, String payload) {
    }
}
