package ru.appealdesk.delivery;

import ru.appealdesk.chat.ChatAddress;

/** A keyed message (see {@link Outbox#send}) went out: the messenger gave it {@code messageId} in {@code chat}. */
public record MessageDelivered(long key, ChatAddress chat, String messageId) {
}
