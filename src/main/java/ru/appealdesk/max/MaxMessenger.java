package ru.appealdesk.max;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Messenger;
import ru.appealdesk.delivery.MessengerException;
import ru.appealdesk.max.MaxSchema.AttachmentRequest;
import ru.appealdesk.max.MaxSchema.NewMessageBody;

/**
 * The outbox's messenger on the MAX Bot API: messages to a person's dialog by user id in MAX's {@code html}
 * format, inline keyboards within MAX's limits ({@link MaxKeyboard}), files through uploads (a message with a file
 * MAX is still processing is sent again a few times, with growing pauses), callback answers as notifications.
 * MAX's errors become {@link MessengerException}s ({@link MaxErrors}).
 */
class MaxMessenger implements Messenger {

    /** MAX's limit for a message text. */
    static final int TEXT_LIMIT = 4000;
    /** The largest file fetched by URL to be uploaded again (a video or document MAX cannot attach by URL). */
    static final long REUPLOAD_LIMIT = 50L * 1024 * 1024;

    private final MaxApi api;
    private final MaxFiles files;
    private final int attempts;
    private final Duration backoff;

    MaxMessenger(MaxApi api, MaxFiles files, int attempts, Duration backoff) {
        this.api = api;
        this.files = files;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    @Override
    public MessengerKind kind() {
        return MessengerKind.MAX;
    }

    @Override
    public int textLimit() {
        return TEXT_LIMIT;
    }

    @Override
    public String send(long chatId, String html, List<List<Button>> keyboard) throws MessengerException {
        checkLength(html);
        AttachmentRequest buttons = MaxKeyboard.attachment(keyboard);
        NewMessageBody body = new NewMessageBody(html, buttons == null ? null : List.of(buttons), null, "html");
        try {
            return api.send(chatId, body).message().body().mid();
        } catch (MaxApiException e) {
            throw MaxErrors.translate(e, MaxErrors.Op.SEND);
        }
    }

    /** An empty or null keyboard removes the buttons (empty attachments); MAX edits dialog keyboards at any age. */
    @Override
    public void edit(long chatId, String messageId, String html, List<List<Button>> keyboard)
            throws MessengerException {
        checkLength(html);
        AttachmentRequest buttons = MaxKeyboard.attachment(keyboard);
        try {
            api.edit(messageId, new NewMessageBody(html, buttons == null ? List.of() : List.of(buttons), null,
                    "html"));
        } catch (MaxApiException e) {
            throw MaxErrors.translate(e, MaxErrors.Op.EDIT);
        }
    }

    /** One message per file (MAX wants a document alone in its message), photos and videos first. */
    @Override
    public void sendFiles(long chatId, List<Messenger.Attachment> attachments) throws MessengerException {
        try {
            sendFiles(chatId, attachments, CallPacer.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessengerException(MessengerException.Kind.TRANSIENT, "interrupted", e);
        }
    }

    /** Each file in its own message; every POST /uploads and POST /messages after the first waits for its slot. */
    @Override
    public void sendFiles(long chatId, List<Messenger.Attachment> attachments, CallPacer pacer)
            throws MessengerException, InterruptedException {
        List<Messenger.Attachment> ordered = new ArrayList<>(attachments.stream().filter(a -> a.kind().visual())
                .toList());
        ordered.addAll(attachments.stream().filter(a -> !a.kind().visual()).toList());
        Turns turns = new Turns(pacer);
        for (Messenger.Attachment a : ordered) {
            AttachmentRequest file = attach(a, turns);
            sendWhenReady(chatId, new NewMessageBody(null, List.of(file), null, null), turns);
        }
    }

    /** The calls of one send: the first has its slot already, each later one waits for the pacer. */
    private static final class Turns {

        private final CallPacer pacer;
        private boolean first = true;

        Turns(CallPacer pacer) {
            this.pacer = pacer;
        }

        void next() throws MessengerException {
            if (first) {
                first = false;
                return;
            }
            try {
                pacer.awaitNextCall();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessengerException(MessengerException.Kind.TRANSIENT, "interrupted", e);
            }
        }
    }

    /** MAX has no alert: the notification carries both; no text answers with an empty notification. */
    @Override
    public void answerCallback(String callbackId, String text, boolean alert) throws MessengerException {
        try {
            api.answer(callbackId, new MaxSchema.CallbackAnswer(text == null || text.isBlank() ? null : text));
        } catch (MaxApiException e) {
            throw MaxErrors.translate(e, MaxErrors.Op.ANSWER);
        }
    }

    /** MAX has no per-chat menu button: nothing to do ({@code /dashboard} sends a login link instead). */
    @Override
    public void setMenuButton(long chatId, Button miniApp) {
        // nothing: MAX's chat menu lists the bot's commands only
    }

    private static void checkLength(String html) throws MessengerException {
        if (html != null && html.codePointCount(0, html.length()) > TEXT_LIMIT) {
            throw new MessengerException(MessengerException.Kind.REFUSED, "a text of "
                    + html.codePointCount(0, html.length()) + " characters is over MAX's " + TEXT_LIMIT, null);
        }
    }

    private void sendWhenReady(long chatId, NewMessageBody body) throws MessengerException {
        sendWhenReady(chatId, body, new Turns(CallPacer.NONE));
    }

    private void sendWhenReady(long chatId, NewMessageBody body, Turns turns) throws MessengerException {
        Duration pause = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                turns.next();
                api.send(chatId, body);
                return;
            } catch (MaxApiException e) {
                if (!e.attachmentNotReady() || attempt >= attempts) {
                    throw MaxErrors.translate(e, MaxErrors.Op.SEND);
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessengerException(MessengerException.Kind.TRANSIENT, "interrupted while MAX processed "
                        + "an attachment", e);
            }
            pause = pause.multipliedBy(2);
        }
    }

    /**
     * The attachment for a file: an upload of its content; a photo by its URL (MAX fetches it); a video or document
     * by URL fetched and uploaded again; anything else is taken as a token MAX gave for a file it has.
     */
    private AttachmentRequest attach(Messenger.Attachment a, Turns turns) throws MessengerException {
        String type = switch (a.kind()) {
            case PHOTO -> "image";
            case VIDEO -> "video";
            case DOCUMENT -> "file";
        };
        if (a.upload()) {
            return upload(type, a.name() == null ? "file" : a.name(), a.content(), turns);
        }
        String ref = a.ref();
        boolean url = ref.startsWith("https://") || ref.startsWith("http://");
        if (url && a.kind() == FileKind.PHOTO) {
            return new AttachmentRequest(type, new MaxSchema.MediaRef(null, ref));
        }
        if (url) {
            byte[] content;
            try {
                content = files.download(ref, REUPLOAD_LIMIT);
            } catch (IOException e) {
                throw new MessengerException(MessengerException.Kind.TRANSIENT, "fetching a file to upload: "
                        + e.getMessage(), e);
            }
            return upload(type, name(ref), content, turns);
        }
        return new AttachmentRequest(type, new MaxSchema.MediaRef(ref, null));
    }

    /** POST /uploads, the bytes to the URL it names, then the payload: an image's photos, else the token. */
    private AttachmentRequest upload(String type, String name, byte[] content, Turns turns)
            throws MessengerException {
        try {
            turns.next();
            MaxSchema.UploadEndpoint endpoint = api.uploadUrl(type);
            JsonNode uploaded = api.upload(endpoint.url(), name, content);
            if (uploaded != null && uploaded.hasNonNull("photos")) {
                return new AttachmentRequest(type, Map.of("photos", uploaded.get("photos")));
            }
            String token = uploaded != null && uploaded.hasNonNull("token") ? uploaded.get("token").asText()
                    : endpoint.token();
            if (token == null) {
                throw new MessengerException(MessengerException.Kind.TRANSIENT, "MAX gave no token for an upload",
                        null);
            }
            return new AttachmentRequest(type, new MaxSchema.MediaRef(token, null));
        } catch (MaxApiException e) {
            throw MaxErrors.translate(e, MaxErrors.Op.SEND);
        }
    }

    private static String name(String url) {
        String path = java.net.URI.create(url).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "file" : last;
    }
}
