package ru.appealdesk.telegram;

/**
 * A Bot API call that failed: {@code code} is Telegram's error code (0 when the request never got an answer: a
 * network error or a timeout), {@code description} its text, {@code retryAfter} the seconds a 429 asks to wait.
 */
public class BotApiException extends Exception {

    private final int code;
    private final String description;
    private final Integer retryAfter;

    BotApiException(int code, String description, Integer retryAfter, Throwable cause) {
        super(code == 0 ? "network: " + description : code + " " + description, cause);
        this.code = code;
        this.description = description == null ? "" : description;
        this.retryAfter = retryAfter;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Seconds to wait before trying again, if Telegram said so (429). */
    public Integer retryAfter() {
        return retryAfter;
    }

    /** The request got no answer at all. */
    public boolean network() {
        return code == 0;
    }
}
