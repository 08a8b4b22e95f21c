package ru.appealdesk.bot.inbound;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.directory.StaffMember;

/**
 * Who wrote or pressed ({@code userId}, in the chat's messenger), in which private chat; {@code staff} is null for
 * someone not registered.
 */
public record Inbound(long userId, ChatAddress chat, StaffMember staff) {

    boolean registered() {
        return staff != null;
    }
}
