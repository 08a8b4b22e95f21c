package ru.appealdesk.workflow;

/** What an answer attachment is: a photo (фотофиксация), a video (seed 004 п.19–20) or another document. */
public enum AttachmentKind {
    PHOTO, DOCUMENT, VIDEO;

    /** It can prove an answer where the source wants evidence (seed 000 п.6, 001 §4.6): a video does not. */
    public boolean evidence() {
        return this == PHOTO || this == DOCUMENT;
    }
}
