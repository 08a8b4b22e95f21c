package ru.appealdesk.workflow;

/** What an answer attachment is: a photo (фотофиксация) or another document. */
public enum AttachmentKind {
    PHOTO, DOCUMENT
}
