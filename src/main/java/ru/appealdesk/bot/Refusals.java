package ru.appealdesk.bot;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;

/** Explains in Russian why an action was refused. */
@Component
class Refusals {

    private static final String STALE = "Карточка устарела: действие не выполнено.";
    /** In the chat after the alert: what to do, and where the button will be. */
    static final String PHOTOS_NEXT_STEP = "📷 Нужна фотофиксация: заявитель приложил фото, поэтому к ответу нужно "
            + "фото с того же ракурса. Пришлите его в этот чат — под подтверждением появится кнопка «Отправить на "
            + "согласование».";
    /** Seed 004 п.20: after the alert, what a fast-track answer of Инцидент Менеджмент still needs. */
    static final String PROOF_NEXT_STEP = "📎 «Решаемое» сообщение Инцидент Менеджмент: ответ должен подтверждать "
            + "решение (или отсутствие проблемы). Пришлите фото, видео или документ в этот чат — под подтверждением "
            + "появится кнопка «Отправить на согласование».";

    private final AppealService appeals;
    private final CardTexts texts;
    private final AppealAccess access;

    Refusals(AppealService appeals, CardTexts texts, AppealAccess access) {
        this.appeals = appeals;
        this.texts = texts;
        this.access = access;
    }

    /** The date limits of «Отложено» for this appeal (PRODUCT.md §9: postpone-max after it came in). */
    private String postponeDate(long appealId) {
        return appeals.find(appealId).flatMap(appeals::postponableUntil)
                .map(latest -> "Дата должна быть позже сегодняшней и не позднее " + CardTexts.DATE.format(latest)
                        + ". Введите дату в формате ДД.ММ.ГГГГ.")
                .orElse("Отложить решение по этому обращению больше нельзя: предельный срок отсрочки истёк. "
                        + "Выберите «Решено», «Не решено» или «Отклонено».");
    }

    /** Why {@code presser}'s action on the appeal was refused; details only for someone who may see the appeal. */
    String explain(TransitionRefused refused, long appealId, StaffMember presser) {
        return switch (refused.reason()) {
            case WRONG_STATE, STALE -> stale(appealId, presser);
            case SELF_APPROVAL -> "Нельзя согласовать или вернуть собственный ответ: его рассматривает другой "
                    + "согласующий.";
            case NOT_ALLOWED -> "Это действие вам недоступно: карточка предназначена другому сотруднику.";
            case REASON_TOO_SHORT -> "Причина слишком короткая. Опишите, почему обращение не относится к вашей "
                    + "компетенции, и укажите нормативный правовой акт (например: «в соответствии с п. 3.2 "
                    + "Положения об Управлении ЖКХ вопрос относится к ведению управляющей компании»).";
            case REASON_WITHOUT_LEGAL_BASIS -> "В причине нет ссылки на нормативный правовой акт (НПА). Укажите "
                    + "закон, постановление, положение, статью или пункт, по которому обращение вне вашей "
                    + "компетенции.";
            case PHOTOS_REQUIRED -> "Нужна фотофиксация: ответ должен содержать фото с того же ракурса, что у "
                    + "заявителя. Пришлите фото в чат, затем нажмите «Отправить на согласование» под подтверждением.";
            case PROOF_REQUIRED -> "Ответ на «решаемое» сообщение Инцидент Менеджмент должен подтверждать решение: "
                    + "приложите фото, видео или документ (п. 20 Регламента), затем нажмите «Отправить на "
                    + "согласование».";
            case POSTPONED_TWICE -> "Решение по обращению уже откладывалось дважды: больше откладывать нельзя. "
                    + "Выберите «Решено», «Не решено» или «Отклонено».";
            case NO_SECONDARY_APPROVER -> "Повторно отложить решение можно только с согласованием директора МКУ "
                    + "«МЦУР», а он не указан в справочнике сотрудников. Обратитесь к координатору.";
            case POSTPONE_DATE_INVALID -> postponeDate(appealId);
            case TEXT_REQUIRED -> "Ответ не может быть пустым: пришлите текст ответа.";
            case UNKNOWN_EXECUTOR -> "Такого исполнителя нет в справочнике.";
            case NOT_FOUND -> "Обращение не найдено.";
            case INVALID_RESOLUTION -> "Так закрыть обращение нельзя: без ответа закрываются угрозы или "
                    + "оскорбления и дубликаты.";
            case RETURN_WINDOW_PASSED -> "Принятое в работу обращение можно вернуть только в течение суток после "
                    + "принятия: этот срок истёк. Обратитесь к координатору.";
            case APPLICANT_NOT_NOTIFIED -> "Перед согласованием сообщите заявителю результат рассмотрения (по "
                    + "телефону или по e-mail) и отметьте это кнопкой.";
            case CO_EXECUTOR_INVALID -> "Этот сотрудник уже участвует в работе над обращением: он ответственный "
                    + "исполнитель или уже соисполнитель.";
            case COMMENT_TOO_SHORT -> "Комментарий слишком короткий: опишите подробнее (не менее 5 символов).";
        };
    }

    /**
     * «Карточка устарела»: to someone who may see the appeal, its current status and who acted last; to anyone
     * else (a forged press, a former executor) nothing about it.
     */
    String stale(long appealId, StaffMember presser) {
        if (presser == null) {
            return STALE;
        }
        return appeals.find(appealId).filter(a -> access.mayView(presser, a)).map(this::describe).orElse(STALE);
    }

    private String describe(AppealView a) {
        AppealView.HistoryItem last = a.stepEntry();
        String who = last.actorId() == null ? "автоматически" : texts.name(last.actorId());
        return "Карточка устарела: обращение № " + a.number() + " уже в статусе «" + a.status().title()
                + "» (" + who + ", " + texts.time(last.at()) + ").";
    }
}
