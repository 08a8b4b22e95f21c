package ru.appealdesk.chat;

import java.util.Objects;

/**
 * A private chat with a person in one messenger: Telegram's chat id (the person's user id) or MAX's user id. The
 * same number in two messengers is two different people.
 */
public record ChatAddress(MessengerKind messenger, long chatId) {

    public ChatAddress {
        Objects.requireNonNull(messenger, "messenger");
    }

    public static ChatAddress telegram(long chatId) {
        return new ChatAddress(MessengerKind.TELEGRAM, chatId);
    }

    public static ChatAddress max(long userId) {
        return new ChatAddress(MessengerKind.MAX, userId);
    }

    @Override
    public String toString() {
        return messenger.name().toLowerCase(java.util.Locale.ROOT) + ":" + chatId;
    }
}
