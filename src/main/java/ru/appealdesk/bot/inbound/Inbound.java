package ru.appealdesk.bot.inbound;

import ru.appealdesk.directory.StaffMember;

/** Who wrote or pressed, in which chat; {@code staff} is null for someone not registered. */
public record Inbound(long userId, long chatId, StaffMember staff) {

    boolean registered() {
        return staff != null;
    }
}
