package ru.appealdesk.intake;

import ru.appealdesk.text.Text;

/** The words of the import: priority names a file may use (comma-separated, lower case) and row errors. */
enum ImportWords implements Text {
    PRIORITY_NORMAL,
    PRIORITY_HIGH,
    PRIORITY_FAST_TRACK,
    BAD_DATE,
    BAD_PRIORITY;

    @Override
    public String area() {
        return "import";
    }
}
