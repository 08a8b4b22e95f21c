package ru.appealdesk.bot.cards;

import ru.appealdesk.text.Text;

/** The labels of the buttons on cards (PRODUCT.md fixes them): one key per label, however many cards carry it. */
public enum Buttons implements Text {
    PREPARE_ANSWER,
    OPEN,
    CLOSE_WITHOUT_ANSWER,
    TO_REWORK,
    QUALITY_RETURN,
    SEND_TO_RESPONSIBLE,
    SUBMIT,
    NOTIFIED_BY_EMAIL,
    TO_OPERATOR,
    NOTIFIED_BY_PHONE,
    DUPLICATE,
    DELIVER_MATERIALS,
    PUBLISHED,
    CO_EXECUTORS,
    HELP,
    REJECT_RETURN,
    REJECT,
    EDIT_TEXT,
    OWN_TEXT,
    PREPARE_FINAL_ANSWER,
    APPROVE,
    SIGN,
    ACCEPT,
    THREATS,
    DELEGATE_REVIEW,
    RETURN,
    REDIRECT,
    TO_CASE_DECIDER,
    BACK_TO_COORDINATORS,
    REMOVE_FILES,
    OPEN_NUMBER,
    OPEN_APPEAL,
    CLOSE_NO_CLARIFICATION,
    CLARIFICATION_RECEIVED,
    NO_CLARIFICATION_REPLY;

    @Override
    public String area() {
        return "bot.button";
    }
}
