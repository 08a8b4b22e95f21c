package ru.appealdesk.chat;

import java.io.IOException;

/** Downloads the files people send in one messenger; called outside any database transaction. */
public interface FileSource {

    MessengerKind messenger();

    /** The largest file this messenger lets a bot download (Telegram's Bot API: 20 MB). */
    long downloadLimit();

    /** The file's bytes; an {@link IOException} if it cannot be fetched or is larger than {@code maxBytes}. */
    byte[] fetch(IncomingFile file, long maxBytes) throws IOException;
}
