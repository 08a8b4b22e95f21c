package ru.appealdesk.directory;

import java.time.Instant;

/** A staff member was bound to a new Telegram account with an invite; the previous account lost access. */
public record TelegramAccountReplaced(String staffId, String staffName, long previousTelegramUserId,
                                      long newTelegramUserId, Instant at) {
}
