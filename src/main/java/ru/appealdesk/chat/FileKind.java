package ru.appealdesk.chat;

/** What a file is sent as: a photo and a video go together in albums, a document on its own. */
public enum FileKind {
    PHOTO, VIDEO, DOCUMENT;

    /** Photos and videos go together in albums; documents in albums of their own. */
    public boolean visual() {
        return this != DOCUMENT;
    }
}
