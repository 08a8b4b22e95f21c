package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.dialogs.CloseDialog;
import ru.appealdesk.bot.dialogs.Questions;
import ru.appealdesk.bot.inbound.Presses.Words;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealView;

/**
 * The coordinators' buttons: assigning, keeping a returned appeal with its executor, «Перенаправить» and «Закрыть без
 * ответа» (both ask a text), the hand-over to the operator, the quality return (asks the reason), «Размещено».
 */
@Component
class CoordinatorPresses implements PressHandler {

    private final AppealCommands appeals;
    private final AppealAccess access;
    private final Questions questions;
    private final CloseDialog closing;

    CoordinatorPresses(AppealCommands appeals, AppealAccess access, Questions questions, CloseDialog closing) {
        this.appeals = appeals;
        this.access = access;
        this.questions = questions;
        this.closing = closing;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.ASSIGN, Action.REJECT_RETURN, Action.REDIRECT, Action.CLOSE, Action.CLOSE_AS,
                Action.TO_OPERATOR, Action.QUALITY_RETURN, Action.PUBLISHED);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        String me = in.staff().id();
        switch (cb.action()) {
            case ASSIGN -> {
                appeals.reassign(cb.appealId(), cb.step(), me, cb.argument());
                return Words.ASSIGNED.text();
            }
            case REJECT_RETURN -> {
                appeals.rejectReturn(cb.appealId(), cb.step(), me);
                return Words.RETURN_REJECTED.text();
            }
            case REDIRECT -> {
                questions.askRedirect(in, dialog(in, cb));
                return Words.WHERE_AND_WHY.text();
            }
            case CLOSE -> {
                closing.chooseHowToClose(in, dialog(in, cb));
                return Words.CHOOSE_BASIS.text();
            }
            case CLOSE_AS -> {
                closing.askCloseComment(in, dialog(in, cb), cb.argument());
                return Words.WRITE_COMMENT.text();
            }
            case TO_OPERATOR -> {
                appeals.handToOperator(cb.appealId(), cb.step(), me);
                return Words.MARKED_TO_OPERATOR.text();
            }
            case QUALITY_RETURN -> {
                questions.askQualityReturnReason(in, dialog(in, cb));
                return Words.GIVE_REWORK_REASON.text();
            }
            case PUBLISHED -> {
                appeals.markPublished(cb.appealId(), cb.step(), me);
                return Words.MARKED_PUBLISHED.text();
            }
            default -> throw new IllegalArgumentException("not a coordinator's button: " + cb.action());
        }
    }

    /** The appeal, if the presser may begin the transition the button names at the button's step (the table says). */
    private AppealView dialog(Inbound in, Callback cb) {
        return access.checkDialog(cb.appealId(), cb.step(), in.staff(), cb.action().transition());
    }
}
