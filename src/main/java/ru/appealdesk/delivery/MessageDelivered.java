package ru.appealdesk.delivery;

/** A keyed message (see {@link Outbox#send}) went out: the messenger gave it {@code messageId} in {@code chatId}. */
public record MessageDelivered(long key, long chatId, int messageId) {
}
