package ru.appealdesk.delivery;

import java.time.Duration;

/**
 * A messenger's call failed, told in the outbox's terms: what the sender should do about it. The message is what is
 * recorded as the outbound message's error (the messenger's own code and description).
 */
public class MessengerException extends Exception {

    /** What the failure means for the message. */
    public enum Kind {
        /** The messenger asks to wait {@link #retryAfter()} before the next call. */
        RATE_LIMITED,
        /** No answer, a timeout or a server error: try again later. */
        TRANSIENT,
        /** The chat cannot get messages (the bot was blocked, the chat deleted, the person left). */
        CHAT_UNREACHABLE,
        /** A button press answered too late: the messenger forgot it. Nothing to retry, the chat is fine. */
        EXPIRED,
        /** The messenger refuses the request itself: retrying would not help. */
        REFUSED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public MessengerException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public MessengerException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** How long a {@link Kind#RATE_LIMITED} call asks to wait; one second when the messenger did not say. */
    public Duration retryAfter() {
        return retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
    }
}
