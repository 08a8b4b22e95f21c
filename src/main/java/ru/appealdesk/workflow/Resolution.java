package ru.appealdesk.workflow;

/** How a {@code CLOSED} appeal ended (PRODUCT.md §9); the exact strings of the REST API. */
public enum Resolution {
    /** The answer was placed on the portal. */
    PUBLISHED("Ответ размещён"),
    /** Sent to another organisation (001 §3). */
    REDIRECTED("Перенаправлено в другую организацию"),
    /** Left without an answer: threats or obscenity (004 п.21, 59-ФЗ ст.11). */
    NO_ANSWER("Оставлено без ответа"),
    /** A duplicate of another appeal. */
    DUPLICATE("Дубликат"),
    /** The applicant disagreed for the third time: handed to the operator (001 §2). */
    TO_OPERATOR("Передано оператору");

    private final String title;

    Resolution(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
