package ru.appealdesk.bot.notifications;

import ru.appealdesk.text.Text;

/** The bot's short messages outside cards: replies to strangers and stray messages, account and chat notices. */
public enum Notices implements Text {
    ACCOUNT_REPLACED,
    NOT_REGISTERED,
    HINT,
    UNKNOWN_CHAT,
    CHAT_UNREACHABLE,
    DRAFT_MOVED_ON,
    FOR_ABSENT,
    NO_VIDEO_NOTES,
    UNDERSTOOD_KINDS,
    NOT_DONE,
    FAILED;

    @Override
    public String area() {
        return "bot.notice";
    }
}
