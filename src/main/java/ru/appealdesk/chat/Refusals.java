package ru.appealdesk.chat;

import org.springframework.stereotype.Component;

import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;

/** Explains in Russian why an action was refused. */
@Component
class Refusals {

    private final AppealService appeals;
    private final CardTexts texts;

    Refusals(AppealService appeals, CardTexts texts) {
        this.appeals = appeals;
        this.texts = texts;
    }

    String explain(TransitionRefused refused, long appealId) {
        return switch (refused.reason()) {
            case WRONG_STATE, STALE -> stale(appealId);
            case NOT_ALLOWED -> "Это действие вам недоступно: карточка предназначена другому сотруднику.";
            case REASON_TOO_SHORT -> "Причина слишком короткая. Опишите, почему обращение не относится к вашей "
                    + "компетенции, и укажите нормативный правовой акт (например: «в соответствии с п. 3.2 "
                    + "Положения об Управлении ЖКХ вопрос относится к ведению управляющей компании»).";
            case REASON_WITHOUT_LEGAL_BASIS -> "В причине нет ссылки на нормативный правовой акт (НПА). Укажите "
                    + "закон, постановление, положение, статью или пункт, по которому обращение вне вашей "
                    + "компетенции.";
            case PHOTOS_REQUIRED -> "Заявитель приложил фотографии, поэтому ответ должен содержать фото "
                    + "(фотофиксация с того же ракурса). Пришлите фото и снова нажмите «Отправить на согласование».";
            case POSTPONED_TWICE -> "Обращение уже откладывалось: отложить ответ можно только один раз.";
            case POSTPONE_DATE_INVALID -> "Дата должна быть позже сегодняшней и не далее чем через 30 дней. "
                    + "Введите дату в формате ДД.ММ.ГГГГ.";
            case TEXT_REQUIRED -> "Ответ не может быть пустым: пришлите текст ответа.";
            case UNKNOWN_EXECUTOR -> "Такого исполнителя нет в справочнике.";
            case NOT_FOUND -> "Обращение не найдено.";
        };
    }

    /** «Карточка устарела»: the appeal's current status and who acted last. */
    String stale(long appealId) {
        return appeals.find(appealId).map(this::describe).orElse("Обращение не найдено.");
    }

    private String describe(AppealView a) {
        AppealView.HistoryItem last = a.history().get(a.history().size() - 1);
        String who = last.actorId() == null ? "автоматически" : texts.name(last.actorId());
        return "Карточка устарела: обращение № " + a.number() + " уже в статусе «" + a.status().title()
                + "» (" + who + ", " + texts.time(last.at()) + ").";
    }
}
