package ru.appealdesk.delivery;

/**
 * The messenger refuses to deliver to a chat (the bot was blocked, the chat deleted); published once until the chat is
 * {@linkplain Outbox#chatReachable reachable} again. The messages are kept, not dropped.
 */
public record ChatUnreachable(long chatId, String reason) {
}
