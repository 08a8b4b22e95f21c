package ru.appealdesk.chat;

/** The messengers AppealDesk speaks; the names are those of {@code messenger:} in staff.yml (PRODUCT.md §14). */
public enum MessengerKind {
    TELEGRAM("Telegram"), MAX("MAX");

    private final String displayName;

    MessengerKind(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Whether one request sends several files together (Telegram's albums); MAX sends each file in a message of its
     * own, so the outbox queues them apart and a retry resends only the file that failed.
     */
    public boolean groupsFiles() {
        return this == TELEGRAM;
    }

    /** The messenger's name as people know it (a brand: the same in every language). */
    public String displayName() {
        return displayName;
    }
}
