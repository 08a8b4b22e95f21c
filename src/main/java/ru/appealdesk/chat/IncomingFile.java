package ru.appealdesk.chat;

import ru.appealdesk.chat.FileKind;

/**
 * A file a person sent, as the messenger announced it. {@code ref} is the messenger's handle to fetch it by
 * (Telegram: {@code <kind>:<file_id>}; MAX: the attachment's URL), {@code groupId} the album it belongs to, if any;
 * size, name and type are what the messenger declared and are checked again after the download.
 */
public record IncomingFile(FileKind kind, String ref, String name, Long declaredSize, String declaredMime,
                           String groupId) {
}
