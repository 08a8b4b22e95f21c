package ru.appealdesk.workflow;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle statuses of PRODUCT.md §2 (exact strings of the REST API). */
public enum AppealStatus {
    NEW("Новое, не распределено"),
    ASSIGNED("Направлено исполнителю"),
    IN_PROGRESS("В работе"),
    RETURNED("Возвращено координатору"),
    ANSWER_REVIEW("Ответ на согласовании"),
    REWORK("Ответ на доработке"),
    APPROVED("Ответ согласован, ожидает размещения"),
    REDIRECT_REVIEW("Перенаправление на согласовании"),
    POSTPONED("Отложено: готовится итоговый ответ"),
    CLOSED("Закрыто");

    /** Statuses in which an executor holds the appeal. */
    public static final Set<AppealStatus> WITH_EXECUTOR = EnumSet.of(ASSIGNED, IN_PROGRESS, REWORK, POSTPONED);
    /** Statuses in which the coordinators decide what happens to the appeal (route it, redirect it). */
    public static final Set<AppealStatus> WITH_COORDINATORS = EnumSet.of(NEW, RETURNED);
    /** Statuses that count towards an executor's load. */
    public static final Set<AppealStatus> OPEN = EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED, ANSWER_REVIEW, REWORK,
            POSTPONED);

    private final String title;

    AppealStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
