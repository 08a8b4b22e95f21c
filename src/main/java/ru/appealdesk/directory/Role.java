package ru.appealdesk.directory;

/** A staff role from PRODUCT.md §1; one person may hold several. */
public enum Role {
    EXECUTOR, COORDINATOR, MODERATOR, DEPUTY_HEAD, HEAD, CURATOR, ADMIN
}
