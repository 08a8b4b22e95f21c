package ru.appealdesk.bot.cards;

import ru.appealdesk.text.Text;

/** The titles and bodies of the step cards (titles in Telegram HTML). */
public enum StepWords implements Text {
    MATERIALS_DELIVERED,
    CO_EXECUTOR_TITLE,
    YOUR_DUE,
    DELIVER_TO_EXECUTOR,
    CHOOSE_DELEGATE,
    REASSIGN_WHY,
    POSTPONED_REASSIGN_TITLE,
    PREVIOUS_EXECUTOR,
    POSTPONED_TITLE,
    PREVIOUS,
    REDIRECT_REVIEW_TITLE,
    CASE_DECISION_TITLE,
    CASE_DECISION_WHY,
    WHERE_AND_WHY,
    EARLIER_NOT_ANSWERED,
    EARLIER_ANSWER,
    EARLIER_NOT_FOUND,
    REPEAT_NOTE,
    NO_ANSWER,
    ANSWER,
    IN_WORK,
    IN_REWORK,
    CARD_TITLE,
    EXECUTOR_NOT_CONNECTED,
    NEW_FOR_YOU,
    REPEAT_FOR_YOU,
    RETURN_UNTIL,
    UNROUTED_TITLE,
    RETURNED_TITLE,
    RETURN_REASON,
    APPROVE_STAGE,
    REPEATED_POSTPONEMENT_TITLE,
    REVIEW_TITLE,
    SIGNATURE_TITLE,
    APPROVED_TITLE,
    TEXT_TO_PUBLISH,
    OVERSIGHT_TITLE,
    CONTINUATION;

    @Override
    public String area() {
        return "bot.step";
    }
}
