package ru.appealdesk.workflow;

import ru.appealdesk.text.Text;

/** The outcome an answer reports (seeds 001, 003), or a question to the applicant (CLARIFICATION, seed 004 п.13). */
public enum AnswerType implements Text {
    RESOLVED, NOT_RESOLVED, POSTPONED, REJECTED, CLARIFICATION;

    /** The words staff read for it. */
    public String title() {
        return text();
    }

    @Override
    public String area() {
        return "answer-type";
    }
}
