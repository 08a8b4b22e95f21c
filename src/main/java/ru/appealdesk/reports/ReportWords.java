package ru.appealdesk.reports;

import ru.appealdesk.text.Text;

/** The words of the reports: workbooks, CSV, chart images, the chat summary. */
enum ReportWords implements Text {
    DEPARTMENT,
    EXECUTOR,
    RECEIVED,
    ON_TIME,
    LATE,
    OVERDUE_NOW,
    REOPENED,
    CLAIM_MISSES,
    CLARIFICATIONS,
    MEDIAN_HOURS,
    SUMMARY_SHEET,
    BY_EXECUTOR,
    BY_DEPARTMENT,
    BY_DAY,
    APPEALS,
    DISCIPLINE_TITLE,
    DATE,
    CLOSED,
    OVERDUE,
    LATE_SHORT,
    DAYS_CHART,
    NUMBER,
    SOURCE,
    CATEGORY,
    ANSWER_DUE,
    STATUS,
    INDICATOR,
    VALUE,
    APPEALS_RECEIVED,
    ANSWERED,
    ANSWERED_ON_TIME,
    REDIRECTED,
    BY_SOURCE,
    BY_TOPIC,
    ALL,
    TOTAL,
    TOPICS_SHEET,
    NO_DEPARTMENT,
    NOT_ASSIGNED,
    DAILY,
    WEEKLY,
    MONTHLY,
    DAYS_IMAGE_TITLE,
    COUNT,
    CHAT_PERIOD,
    CHAT_OWN_DEPARTMENTS,
    CHAT_TOTALS,
    CHAT_MEDIAN,
    CHAT_CLARIFICATIONS,
    CHAT_WORST,
    CHAT_WORST_DEPARTMENT,
    CHAT_FILES_BELOW,
    STAGES_SHEET,
    STAGE,
    HOLDER,
    STAGE_TERM,
    STAGE_ENDED,
    LATE_MINUTES,
    STAGE_DRAFT,
    STAGE_REVIEW,
    STAGE_PLACEMENT;

    /** The name of a stage of the answer (PRODUCT.md §13.2). */
    static ReportWords stage(ru.appealdesk.directory.AnswerStage stage) {
        return valueOf("STAGE_" + stage.name());
    }

    @Override
    public String area() {
        return "report";
    }
}
