package ru.appealdesk.directory;

import ru.appealdesk.text.Text;

/** The portal an appeal came from. */
public enum Source implements Text {
    DOBRODEL, POS, ECUR, INCIDENT, OTHER;

    /** The Russian name shown to staff. */
    public String title() {
        return text();
    }

    @Override
    public String area() {
        return "source";
    }
}
