package ru.appealdesk.directory;

/** The portal an appeal came from. */
public enum Source {
    DOBRODEL("Добродел"), POS("ПОС"), ECUR("ЕЦУР"), INCIDENT("Инцидент Менеджмент"), OTHER("Иное");

    private final String title;

    Source(String title) {
        this.title = title;
    }

    /** The Russian name shown to staff. */
    public String title() {
        return title;
    }
}
