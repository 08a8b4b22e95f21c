package ru.appealdesk.max;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import ru.appealdesk.delivery.MessengerException;
import ru.appealdesk.delivery.MessengerException.Kind;

/**
 * What a failed MAX call means for the outbox. MAX answers errors as {@code {"code": …, "message": …}} with an HTTP
 * status; the mapping (codes from the schema's description, its examples and MAX's answers seen in the field):
 * <ul>
 *   <li>429 ({@code too.many.requests}): {@link Kind#RATE_LIMITED}, waiting Retry-After if given;</li>
 *   <li>5xx, no answer, a timeout: {@link Kind#TRANSIENT} ({@code attachment.not.ready} after the retries too);</li>
 *   <li>{@code chat.denied} (403; "error.dialog.suspended": the person stopped or blocked the bot),
 *       {@code chat.not.found}, {@code user.not.found}, {@code dialog.suspended}, a 403 or a 404 of a send:
 *       {@link Kind#CHAT_UNREACHABLE};</li>
 *   <li>a callback answer refused with 404 / {@code not.found} or a message naming the callback as expired or
 *       unknown: {@link Kind#EXPIRED} (MAX does not document this answer; this is our best reading);</li>
 *   <li>an edit of a message MAX no longer has (404): {@link Kind#REFUSED};</li>
 *   <li>any other 4xx ({@code verify.token}, {@code proto.payload}, a {@code success: false}):
 *       {@link Kind#REFUSED}.</li>
 * </ul>
 * The exception's message is MAX's status, code and message; never the token.
 */
final class MaxErrors {

    private static final Set<String> UNREACHABLE = Set.of("chat.denied", "chat.not.found", "user.not.found",
            "dialog.suspended", "dialog.not.found", "bot.blocked", "user.blocked");

    private MaxErrors() {
    }

    /** Which kind of call failed: a 404 means another thing for each. */
    enum Op { SEND, EDIT, ANSWER }

    static MessengerException translate(MaxApiException e, Op op) {
        boolean callback = op == Op.ANSWER;
        int status = e.status();
        String code = e.code().toLowerCase(Locale.ROOT);
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (status == 0) {
            return new MessengerException(Kind.TRANSIENT, "network: " + e.getMessage(), e);
        }
        if (status == 429 || "too.many.requests".equals(code)) {
            return new MessengerException(Kind.RATE_LIMITED, "429 too many requests", e.retryAfter(), e);
        }
        if (status >= 500 || e.attachmentNotReady()) {
            return new MessengerException(Kind.TRANSIENT, e.getMessage(), e);
        }
        if (callback && (status == 404 || "not.found".equals(code) || text.contains("callback")
                && (text.contains("expired") || text.contains("not found") || text.contains("not.found")))) {
            return new MessengerException(Kind.EXPIRED, e.getMessage(), e);
        }
        if (UNREACHABLE.contains(code) || text.contains("dialog.suspended") || text.contains("blocked")
                || !callback && status == 403 || op == Op.SEND && status == 404) {
            return new MessengerException(Kind.CHAT_UNREACHABLE, e.getMessage(), e);
        }
        return new MessengerException(Kind.REFUSED, e.getMessage(), e);
    }

    /** Retry-After in seconds (MAX does not document it; HTTP allows a date too, then ignored). */
    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }
}
