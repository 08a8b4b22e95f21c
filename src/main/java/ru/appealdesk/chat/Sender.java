package ru.appealdesk.chat;

/** Who wrote or pressed: the messenger's numeric user id and the name the messenger shows (may be null). */
public record Sender(long userId, String name) {
}
