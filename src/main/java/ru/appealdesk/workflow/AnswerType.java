package ru.appealdesk.workflow;

/** The outcome an answer reports (seeds 001, 003). */
public enum AnswerType {
    RESOLVED("Решено"), NOT_RESOLVED("Не решено"), POSTPONED("Отложено"), REJECTED("Отклонено");

    private final String title;

    AnswerType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
