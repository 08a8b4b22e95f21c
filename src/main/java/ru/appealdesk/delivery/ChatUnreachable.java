package ru.appealdesk.delivery;

import ru.appealdesk.chat.ChatAddress;

/**
 * The messenger refuses to deliver to a chat (the bot was blocked, the chat deleted); published once until the chat is
 * {@linkplain Outbox#chatReachable reachable} again. The messages are kept, not dropped.
 */
public record ChatUnreachable(ChatAddress chat, String reason) {
}
