package ru.appealdesk.delivery;

import java.util.List;

import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.MessengerKind;

/**
 * The port the outbox sends through; a messenger module implements it (Telegram: {@code telegram.TelegramMessenger};
 * MAX: {@code max.MaxMessenger}). Text is in the {@link Html} subset every messenger accepts, buttons are {@link
 * Button} rows; failures are {@link MessengerException}s saying what to do next. Implementations call the messenger and
 * nothing else: no database, no retries, no pacing ({@link RateLimits} paces the calls).
 */
public interface Messenger {

    /** A file to send: by the messenger's own reference (or a URL), or its content to upload under {@code name}. */
    record Attachment(FileKind kind, String ref, byte[] content, String name) {

        /** A file the messenger already has (its file reference) or can fetch (a URL). */
        public Attachment(FileKind kind, String ref) {
            this(kind, ref, null, null);
        }

        public boolean upload() {
            return content != null;
        }
    }

    /** Which messenger this is: the outbox sends each chat's messages through its own messenger. */
    MessengerKind kind();

    /** The longest message text the messenger accepts: at least {@link Html#MESSAGE_LIMIT}, or the start-up stops. */
    int textLimit();

    /** Sends text with buttons (none if {@code keyboard} is null); returns the messenger's id of the message. */
    String send(long chatId, String html, List<List<Button>> keyboard) throws MessengerException;

    /**
     * Replaces a sent message's text and buttons (an empty {@code keyboard} removes them); an edit that changes
     * nothing is not a failure.
     */
    void edit(long chatId, String messageId, String html, List<List<Button>> keyboard) throws MessengerException;

    /** Waits for the bot-wide slot of one more request: how the sender paces the calls of a send of several. */
    @FunctionalInterface
    interface CallPacer {

        /** For a call of one request each. */
        CallPacer NONE = () -> { };

        void awaitNextCall() throws InterruptedException;
    }

    /**
     * Sends files as {@link #sendFiles(long, List)}, asking {@code pacer} before every request after the first that
     * counts against the bot's limit (an upload and its message are two in MAX), so that a send of several calls
     * cannot burst over the limit. A messenger of one request per send need not override it.
     */
    default void sendFiles(long chatId, List<Attachment> files, CallPacer pacer)
            throws MessengerException, InterruptedException {
        sendFiles(chatId, files);
    }

    /** Sends files: photos and videos first, then documents, grouped as the messenger allows. */
    void sendFiles(long chatId, List<Attachment> files) throws MessengerException;

    /** Answers a button press: a short notice, or an alert the person must dismiss where the messenger has one. */
    void answerCallback(String callbackId, String text, boolean alert) throws MessengerException;

    /** Sets the chat's menu button to open a Mini App ({@link Button#miniApp}). */
    void setMenuButton(long chatId, Button miniApp) throws MessengerException;
}
