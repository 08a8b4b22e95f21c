package ru.appealdesk.workflow;

import ru.appealdesk.text.Text;

/** How a {@code CLOSED} appeal ended (PRODUCT.md §9); the exact strings of the REST API. */
public enum Resolution implements Text {
    /** The answer was placed on the portal. */
    PUBLISHED,
    /** Sent to another organisation (001 §3). */
    REDIRECTED,
    /** Left without an answer: threats or obscenity (004 п.21, 59-ФЗ ст.11). */
    NO_ANSWER,
    /** A duplicate of another appeal. */
    DUPLICATE,
    /** The applicant disagreed for the third time: handed to the operator (001 §2). */
    TO_OPERATOR,
    /** The applicant did not answer a clarification within {@code clarification-wait} (seed 004 п.13). */
    NO_CLARIFICATION;

    /** The words staff read for it. */
    public String title() {
        return text();
    }

    @Override
    public String area() {
        return "resolution";
    }
}
