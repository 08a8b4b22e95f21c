package ru.appealdesk.dashboard;

import java.util.Map;

/** What each history entry is called on the appeal's timeline. */
final class HistoryLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("REGISTERED", "Обращение зарегистрировано"),
            Map.entry("ASSIGNED", "Направлено исполнителю"),
            Map.entry("ACCEPTED", "Принято в работу"),
            Map.entry("AUTO_ACCEPTED", "Принято в работу автоматически"),
            Map.entry("CLAIM_EXPIRED", "Не взято в срок, возвращено координаторам"),
            Map.entry("RETURNED", "Возвращено исполнителем"),
            Map.entry("RETURN_REJECTED", "Возврат отклонён"),
            Map.entry("REASSIGNED", "Назначен другой исполнитель"),
            Map.entry("SUBSTITUTED", "Передано замещающему"),
            Map.entry("ANSWER_SUBMITTED", "Ответ отправлен на согласование"),
            Map.entry("APPLICANT_NOTIFIED", "Заявитель уведомлён"),
            Map.entry("SECONDARY_APPROVED", "Согласовано директором МЦУР"),
            Map.entry("CHAIN_APPROVED", "Согласовано (этап цепочки)"),
            Map.entry("ANSWER_APPROVED", "Ответ согласован"),
            Map.entry("APPROVAL_DELEGATED", "Согласование передано"),
            Map.entry("ANSWER_EDITED", "Текст ответа изменён согласующим"),
            Map.entry("SENT_TO_REWORK", "Отправлено на доработку"),
            Map.entry("QUALITY_RETURN", "Возвращено координатором на доработку"),
            Map.entry("PUBLISHED", "Ответ размещён на портале"),
            Map.entry("POSTPONED_CONFIRMED", "Отложено: исполнитель подтверждён"),
            Map.entry("REOPENED", "Заявитель не согласен с ответом"),
            Map.entry("REDIRECT_REQUESTED", "Перенаправление на согласовании"),
            Map.entry("REDIRECT_APPROVED", "Перенаправление согласовано"),
            Map.entry("REDIRECT_REJECTED", "Перенаправление отклонено"),
            Map.entry("REDIRECTED", "Перенаправлено в другую организацию"),
            Map.entry("CLOSED_REDIRECTED", "Закрыто: перенаправлено"),
            Map.entry("CLOSED_NO_ANSWER", "Закрыто без ответа"),
            Map.entry("CLOSED_DUPLICATE", "Закрыто как дубликат"),
            Map.entry("TO_OPERATOR", "Передано оператору"),
            Map.entry("CO_EXECUTOR_ADDED", "Добавлен соисполнитель"),
            Map.entry("MATERIALS_DELIVERED", "Соисполнитель передал материалы"),
            Map.entry("HELP_REQUESTED", "Исполнитель попросил помощи"));

    private HistoryLabels() {
    }

    static String of(String type) {
        return LABELS.getOrDefault(type, type);
    }
}
