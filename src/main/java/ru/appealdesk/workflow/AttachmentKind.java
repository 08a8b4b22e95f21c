package ru.appealdesk.workflow;

/** What an answer attachment is: a photo (фотофиксация), a video (seed 004 п.19–20) or another document. */
public enum AttachmentKind {
    PHOTO, DOCUMENT, VIDEO
}
