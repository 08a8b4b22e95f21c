package ru.appealdesk.chat;

/** The messengers AppealDesk speaks; the names are those of {@code messenger:} in staff.yml (PRODUCT.md §14). */
public enum MessengerKind {
    TELEGRAM("Telegram"), MAX("MAX");

    private final String displayName;

    MessengerKind(String displayName) {
        this.displayName = displayName;
    }

    /** The messenger's name as people know it (a brand: the same in every language). */
    public String displayName() {
        return displayName;
    }
}
