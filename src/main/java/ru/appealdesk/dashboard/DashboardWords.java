package ru.appealdesk.dashboard;

import ru.appealdesk.text.Text;

/** The words of the dashboard's server side: its sign-in pages and the labels of its JSON. */
enum DashboardWords implements Text {
    LINK_BROKEN_TITLE,
    LINK_BROKEN,
    SIGN_IN_TITLE,
    SIGN_IN_NOTE,
    SIGN_IN_BUTTON,
    TOO_MANY_TITLE,
    TOO_MANY,
    REFUSED_TITLE,
    REFUSED,
    LINK_INVALID_TITLE,
    LINK_INVALID,
    FILE_PHOTO,
    FILE_VIDEO,
    FILE_DOCUMENT,
    PRIORITY_NORMAL,
    PRIORITY_FAST_TRACK,
    PRIORITY_HIGH;

    @Override
    public String area() {
        return "dashboard";
    }
}
