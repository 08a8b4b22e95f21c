package ru.appealdesk.intake;

import ru.appealdesk.text.Text;

/** The column headers of the import layouts (PRODUCT.md §11). */
enum ImportColumn implements Text {
    NUMBER,
    ADDRESS,
    DISTRICT,
    ECUR_CATEGORY,
    ECUR_SUBCATEGORY,
    ECUR_FACT,
    EXECUTOR,
    TEXT,
    CREATED_AT,
    DUE,
    STATUS,
    CATEGORY,
    RECEIVED_AT,
    PRIORITY,
    APPLICANT,
    PHONE,
    EMAIL,
    REPEAT_OF;

    @Override
    public String area() {
        return "import.column";
    }
}
