package ru.appealdesk.chat;

/** The messengers AppealDesk speaks; the names are those of {@code messenger:} in staff.yml (PRODUCT.md §14). */
public enum MessengerKind {
    TELEGRAM, MAX
}
