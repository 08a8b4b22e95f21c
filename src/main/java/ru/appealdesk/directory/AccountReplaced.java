package ru.appealdesk.directory;

import java.time.Instant;

import ru.appealdesk.chat.ChatAddress;

/**
 * An invite bound a staff member to another account of the same messenger ({@code previous} and {@code current} are
 * in one messenger): the previous account lost access, and is told; the person's dashboard sessions end.
 */
public record AccountReplaced(String staffId, String staffName, ChatAddress previous, ChatAddress current,
                              Instant at) {
}
