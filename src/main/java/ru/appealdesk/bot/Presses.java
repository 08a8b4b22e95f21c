package ru.appealdesk.bot;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.workflow.AppealAccess.Dialog;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused.Reason;
import ru.appealdesk.workflow.TransitionRefused;

/**
 * Handles button presses. Every press is checked: the presser must be the person (or hold the role) the step
 * belongs to, and the appeal must still be at the step the button was made for; otherwise an alert, no change.
 */
@Component
class Presses {

    static final String RETIRED = "Карточка устарела: её кнопки больше не действуют. Актуальные кнопки — в последнем "
            + "сообщении по этому обращению.";

    private final AppealService appeals;
    private final AppealAccess access;
    private final Dialogs dialogs;
    private final AnswerDialog answers;
    private final Outbox outbox;
    private final Refusals refusals;
    private final StepCards stepCards;
    private final CoExecutorDialogs coExecutors;
    private final CardRepository cards;

    Presses(AppealService appeals, AppealAccess access, Dialogs dialogs, AnswerDialog answers, Outbox outbox,
            Refusals refusals, StepCards stepCards, CoExecutorDialogs coExecutors, CardRepository cards) {
        this.cards = cards;
        this.coExecutors = coExecutors;
        this.stepCards = stepCards;
        this.appeals = appeals;
        this.access = access;
        this.dialogs = dialogs;
        this.answers = answers;
        this.outbox = outbox;
        this.refusals = refusals;
    }

    void handle(Inbound in, CallbackQuery query) {
        if (!in.registered()) {
            outbox.answerCallback(in.chatId(), query.getId(), Replies.NOT_REGISTERED, true);
            return;
        }
        Optional<Callback> parsed = Callback.parse(query.getData());
        if (parsed.isEmpty()) {
            outbox.answerCallback(in.chatId(), query.getId(), "Неизвестная кнопка: действие не выполнено.", true);
            return;
        }
        Callback cb = parsed.get();
        if (query.getMessage() != null && query.getMessage().getMessageId() != null
                && cards.isRetired(in.chatId(), query.getMessage().getMessageId(), DraftCards.DIALOG)) {
            // a dialog's earlier message: its buttons are gone or going (the edit may not have reached the phone),
            // the latest message has them. Other cards end with their step, which the refusal below explains.
            outbox.answerCallback(in.chatId(), query.getId(), RETIRED, true);
            return;
        }
        try {
            String reply = perform(in, cb);
            outbox.answerCallback(in.chatId(), query.getId(), reply, false);
        } catch (TransitionRefused refused) {
            outbox.answerCallback(in.chatId(), query.getId(), refusals.explain(refused, cb.appealId(), in.staff()),
                    true);
            if (refused.reason() == Reason.PHOTOS_REQUIRED) {
                outbox.text(in.chatId(), Refusals.PHOTOS_NEXT_STEP, Outbox.PRIORITY_REPLY);
            }
            if (refused.reason() == Reason.PROOF_REQUIRED) {
                outbox.text(in.chatId(), Refusals.PROOF_NEXT_STEP, Outbox.PRIORITY_REPLY);
            }
        }
    }

    private String perform(Inbound in, Callback cb) {
        String me = in.staff().id();
        switch (cb.action()) {
            case ACCEPT -> {
                appeals.accept(cb.appealId(), cb.step(), me);
                return "Принято в работу";
            }
            case RETURN -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.RETURN);
                dialogs.askReturnReason(in, a);
                return "Укажите причину возврата";
            }
            case ASSIGN -> {
                appeals.reassign(cb.appealId(), cb.step(), me, cb.argument());
                return "Исполнитель назначен";
            }
            case REJECT_RETURN -> {
                appeals.rejectReturn(cb.appealId(), cb.step(), me);
                return "Возврат отклонён";
            }
            case PREPARE_ANSWER -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.ANSWER);
                answers.chooseType(in, a);
                return "Выберите тип ответа";
            }
            case ANSWER_TYPE -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.ANSWER);
                answers.typeChosen(in, a, cb.argument());
                return "Тип ответа выбран";
            }
            case SUBMIT -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.ANSWER);
                return answers.submit(in, a) ? "Ответ отправлен на согласование"
                        : "Подтвердите, что заявитель уведомлён";
            }
            case TEMPLATE -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.ANSWER);
                return answers.templateChosen(in, a, cb.argument());
            }
            case NOTIFIED -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.ANSWER);
                answers.applicantNotified(in, a, cb.argument());
                return "Ответ отправлен на согласование";
            }
            case HELP -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.ANSWER);
                dialogs.askHelp(in, a);
                return "Опишите, с чем нужна помощь";
            }
            case REMOVE_FILES -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.ANSWER);
                answers.removeFiles(in, a);
                return "Вложения убраны";
            }
            case APPROVE -> {
                AppealView a = appeals.approve(cb.appealId(), cb.step(), me);
                return a.status() == AppealStatus.ANSWER_REVIEW ? "Согласовано, ответ передан согласующему"
                        : "Ответ согласован";
            }
            case REWORK -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.REWORK);
                dialogs.askReworkReason(in, a);
                return "Укажите причину возврата на доработку";
            }
            case OPEN -> {
                AppealView a = current(cb);
                if (!access.mayView(in.staff(), a)) {
                    throw new TransitionRefused(Reason.NOT_ALLOWED, "may not view");
                }
                stepCards.showTo(a, in.staff(), in.chatId());
                return "Карточка обращения";
            }
            case CLOSE -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.CLOSE);
                dialogs.chooseHowToClose(in, a);
                return "Выберите основание";
            }
            case CLOSE_AS -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.CLOSE);
                dialogs.askCloseComment(in, a, cb.argument());
                return "Напишите комментарий";
            }
            case QUALITY_RETURN -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.QUALITY_RETURN);
                dialogs.askQualityReturnReason(in, a);
                return "Укажите причину возврата на доработку";
            }
            case EDIT_ANSWER -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.EDIT_ANSWER);
                dialogs.askEditedAnswer(in, a);
                return "Пришлите исправленный текст";
            }
            case REDIRECT -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.REDIRECT);
                dialogs.askRedirect(in, a);
                return "Укажите, куда и на каком основании";
            }
            case REDIRECT_APPROVE -> {
                appeals.decideRedirect(cb.appealId(), cb.step(), me, true);
                return "Перенаправление согласовано";
            }
            case REDIRECT_REJECT -> {
                appeals.decideRedirect(cb.appealId(), cb.step(), me, false);
                return "Перенаправление отклонено";
            }
            case TO_OPERATOR -> {
                appeals.handToOperator(cb.appealId(), cb.step(), me);
                return "Отмечено: передано оператору";
            }
            case DELEGATE -> {
                AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), Dialog.EDIT_ANSWER);
                stepCards.chooseDelegate(a, in.staff(), in.chatId());
                return "Выберите, кому передать";
            }
            case DELEGATE_TO -> {
                appeals.delegateReview(cb.appealId(), cb.step(), me, cb.argument());
                return "Согласование передано";
            }
            case CO_EXECUTORS -> {
                // a note, not a step: any open card of the appeal may offer it; who may is checked
                coExecutors.chooseCoExecutor(in, current(cb));
                return "Выберите соисполнителя";
            }
            case ADD_CO_EXECUTOR -> {
                coExecutors.add(in, cb.appealId(), cb.argument());
                return "Соисполнитель добавлен";
            }
            case DELIVER -> {
                coExecutors.startMaterials(in, cb.appealId());
                return "Опишите материалы";
            }
            case SEND_MATERIALS -> {
                coExecutors.send(in, cb.appealId());
                return "Материалы переданы ответственному исполнителю";
            }
            case PUBLISHED -> {
                appeals.markPublished(cb.appealId(), cb.step(), me);
                return "Отмечено: ответ размещён";
            }
        }
        throw new IllegalStateException("unhandled action " + cb.action());
    }

    private AppealView current(Callback cb) {
        return appeals.find(cb.appealId())
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + cb.appealId()));
    }
}
