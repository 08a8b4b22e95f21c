package ru.appealdesk.bot.inbound;

import ru.appealdesk.bot.notifications.Notices;

/** Fixed Russian replies of the bot. */
final class Replies {

    static final String NOT_REGISTERED = Notices.NOT_REGISTERED.text();
    static final String HINT = Notices.HINT.text();

    private Replies() {
    }
}
