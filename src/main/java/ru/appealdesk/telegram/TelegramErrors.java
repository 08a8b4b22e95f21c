package ru.appealdesk.telegram;

import java.time.Duration;
import java.util.Locale;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import ru.appealdesk.delivery.MessengerException;
import ru.appealdesk.delivery.MessengerException.Kind;

/**
 * What a failed Bot API call means for the outbox. The exception's message is what the outbox records: Telegram's
 * code and description ({@code 403 ...}), {@code 429 too many requests}, or {@code network: ...} when no answer came.
 */
final class TelegramErrors {

    private TelegramErrors() {
    }

    static MessengerException translate(TelegramApiException e, boolean callback) {
        if (!(e instanceof TelegramApiRequestException request) || request.getErrorCode() == null) {
            return new MessengerException(Kind.TRANSIENT, "network: " + e.getMessage(), e);
        }
        int code = request.getErrorCode();
        String description = String.valueOf(request.getApiResponse());
        if (code == 0) {
            return new MessengerException(Kind.TRANSIENT, "network: " + description, e);
        }
        if (code == 429) {
            Integer retryAfter = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
            return new MessengerException(Kind.RATE_LIMITED, "429 too many requests",
                    retryAfter == null ? null : Duration.ofSeconds(retryAfter), e);
        }
        String error = code + " " + description;
        if (code >= 500) {
            return new MessengerException(Kind.TRANSIENT, error, e);
        }
        String lower = description.toLowerCase(Locale.ROOT);
        if (callback && lower.contains("query is too old")) {
            return new MessengerException(Kind.EXPIRED, error, e);
        }
        if (code == 403 || lower.contains("chat not found") || lower.contains("user is deactivated")) {
            return new MessengerException(Kind.CHAT_UNREACHABLE, error, e);
        }
        return new MessengerException(Kind.REFUSED, error, e);
    }

    /** Telegram's answer to an edit that would change nothing: the message already reads so. */
    static boolean notModified(TelegramApiException e) {
        return e instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() != 429 && request.getErrorCode() > 0 && request.getErrorCode() < 500
                && String.valueOf(request.getApiResponse()).toLowerCase(Locale.ROOT)
                .contains("message is not modified");
    }
}
