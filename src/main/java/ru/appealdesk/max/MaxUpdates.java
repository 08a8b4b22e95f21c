package ru.appealdesk.max;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.Sender;
import ru.appealdesk.max.MaxSchema.Message;
import ru.appealdesk.max.MaxSchema.Update;
import ru.appealdesk.max.MaxSchema.User;

/**
 * MAX's updates in no messenger's terms. {@code message_created}: a {@link Incoming.Text} keyed {@code m:<mid>}
 * (images, videos and files become {@link IncomingFile}s by their URL; stickers, audio, contacts, locations and
 * shares are named as unsupported). {@code message_callback}: a {@link Incoming.Press} keyed {@code c:<callback_id>}.
 * {@code bot_started}: {@code /start} (with the deep link's payload, {@code https://max.ru/<bot>?start=<payload>})
 * keyed {@code s:<user>:<timestamp>}. Everything else ({@code bot_stopped}, edits, groups): {@link Incoming.Other}.
 * A chat is the person's dialog, addressed by their user id; it is private when the recipient's {@code chat_type}
 * is {@code dialog} (the schema's ChatType enum lists only {@code chat}; MAX's bodies carry {@code dialog}).
 */
final class MaxUpdates {

    private MaxUpdates() {
    }

    static Incoming parse(JsonNode json) throws IOException {
        return of(MaxSchema.JSON.treeToValue(json, Update.class));
    }

    static Incoming of(Update u) {
        String type = u.updateType() == null ? "unknown" : u.updateType();
        return switch (type) {
            case "message_created" -> u.message() != null && u.message().sender() != null && u.message().body() != null
                    ? message(u.message()) : other(u, type);
            case "message_callback" -> u.callback() != null && u.callback().user() != null ? press(u) : other(u, type);
            case "bot_started" -> u.user() != null ? started(u) : other(u, type);
            default -> other(u, type);
        };
    }

    /** The file's own name, or one made from its id, as Telegram's photos get ({@code photo_<id>.jpg}). */
    private static String name(FileKind kind, JsonNode attachment, JsonNode payload, Message m) {
        String given = text(attachment, "filename");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String id = payload.hasNonNull("photo_id") ? payload.get("photo_id").asText()
                : Integer.toHexString(payload.path("url").asText().hashCode());
        return switch (kind) {
            case PHOTO -> "photo_" + id + ".jpg";
            case VIDEO -> "video_" + id + ".mp4";
            case DOCUMENT -> "document";
        };
    }

    private static Incoming message(Message m) {
        List<IncomingFile> files = new ArrayList<>();
        String unsupported = null;
        List<JsonNode> attachments = m.body().attachments() == null ? List.of() : m.body().attachments();
        for (JsonNode a : attachments) {
            String type = a.path("type").asText();
            JsonNode payload = a.path("payload");
            FileKind kind = switch (type) {
                case "image" -> FileKind.PHOTO;
                case "video" -> FileKind.VIDEO;
                case "file" -> FileKind.DOCUMENT;
                default -> null;
            };
            if (kind != null && payload.hasNonNull("url")) {
                files.add(new IncomingFile(kind, payload.get("url").asText(), name(kind, a, payload, m),
                        a.hasNonNull("size") ? a.get("size").asLong() : null, null, null));
            } else if (!"inline_keyboard".equals(type) && unsupported == null) {
                unsupported = type.isBlank() ? "attachment" : type;
            }
        }
        String text = m.body().text() == null || m.body().text().isEmpty() ? null : m.body().text();
        return new Incoming.Text("m:" + m.body().mid(), sender(m.sender()), ChatAddress.max(m.sender().userId()),
                dialog(m), text, files, unsupported);
    }

    /** A press on a message MAX no longer has is taken as one in the dialog: the bot posts nowhere else. */
    private static Incoming press(Update u) {
        Message m = u.message();
        return new Incoming.Press("c:" + u.callback().callbackId(), sender(u.callback().user()),
                ChatAddress.max(u.callback().user().userId()), m == null || dialog(m), u.callback().callbackId(),
                u.callback().payload(), m == null || m.body() == null ? null : m.body().mid());
    }

    private static Incoming started(Update u) {
        String payload = u.payload() == null || u.payload().isBlank() ? "" : " " + u.payload().strip();
        return new Incoming.Text("s:" + u.user().userId() + ":" + u.timestamp(), sender(u.user()),
                ChatAddress.max(u.user().userId()), true, "/start" + payload, List.of(), null);
    }

    private static Incoming other(Update u, String type) {
        User user = u.user() != null ? u.user() : u.callback() != null ? u.callback().user()
                : u.message() != null ? u.message().sender() : null;
        long id = user != null ? user.userId() : u.userId() != null ? u.userId() : 0L;
        boolean dialog = u.message() != null ? dialog(u.message()) : type.startsWith("bot_st") || type.startsWith(
                "dialog_");
        return new Incoming.Other("o:" + type + ":" + id + ":" + u.timestamp(), user == null ? new Sender(id, null)
                : sender(user), ChatAddress.max(id), dialog, type);
    }

    private static boolean dialog(Message m) {
        return m.recipient() != null && "dialog".equals(m.recipient().chatType());
    }

    private static Sender sender(User user) {
        return new Sender(user.userId(), user.displayName());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
