package ru.appealdesk.max;

import java.time.Duration;

/**
 * A MAX Bot API call failed: the HTTP status (0 when no answer came), MAX's error code ({@code chat.denied},
 * {@code attachment.not.ready}, … ; {@code network} without an answer) and message, and the Retry-After of a 429.
 */
class MaxApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    MaxApiException(int status, String code, String message, Duration retryAfter, Throwable cause) {
        super(status + " " + code + (message == null || message.isBlank() ? "" : ": " + message), cause);
        this.status = status;
        this.code = code == null ? "" : code;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    boolean attachmentNotReady() {
        return "attachment.not.ready".equals(code);
    }
}
