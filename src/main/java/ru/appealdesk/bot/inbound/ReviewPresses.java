package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.bot.dialogs.Questions;
import ru.appealdesk.bot.inbound.Presses.Words;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/**
 * The reviewers' buttons: the approver's «Согласовать», «На доработку» and «Редактировать текст» (both ask a text),
 * «Делегировать» and whom to; the moderator's agreement to a redirect.
 */
@Component
class ReviewPresses implements PressHandler {

    private final AppealCommands appeals;
    private final AppealAccess access;
    private final Questions questions;
    private final StepCards stepCards;

    ReviewPresses(AppealCommands appeals, AppealAccess access, Questions questions, StepCards stepCards) {
        this.appeals = appeals;
        this.access = access;
        this.questions = questions;
        this.stepCards = stepCards;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.APPROVE, Action.SIGN, Action.REWORK, Action.EDIT_ANSWER, Action.DELEGATE, Action.DELEGATE_TO,
                Action.REDIRECT_APPROVE);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        String me = in.staff().id();
        switch (cb.action()) {
            case APPROVE -> {
                AppealView a = appeals.approve(cb.appealId(), cb.step(), me);
                return a.status() == AppealStatus.ANSWER_REVIEW ? Words.PRE_APPROVED.text() : Words.APPROVED.text();
            }
            case SIGN -> {
                appeals.sign(cb.appealId(), cb.step(), me);
                return Words.SIGNED.text();
            }
            case REWORK -> {
                questions.askReworkReason(in, dialog(in, cb));
                return Words.GIVE_REWORK_REASON.text();
            }
            case EDIT_ANSWER -> {
                questions.askEditedAnswer(in, dialog(in, cb));
                return Words.SEND_CORRECTED_TEXT.text();
            }
            case DELEGATE -> {
                stepCards.chooseDelegate(dialog(in, cb), in.staff(), in.chat());
                return Words.CHOOSE_DELEGATE.text();
            }
            case DELEGATE_TO -> {
                appeals.delegateReview(cb.appealId(), cb.step(), me, cb.argument());
                return Words.DELEGATED.text();
            }
            case REDIRECT_APPROVE -> {
                appeals.approveRedirect(cb.appealId(), cb.step(), me);
                return Words.REDIRECT_APPROVED.text();
            }
            default -> throw new IllegalArgumentException("not a reviewer's button: " + cb.action());
        }
    }

    /** The appeal, if the presser may begin the transition the button names at the button's step (the table says). */
    private AppealView dialog(Inbound in, Callback cb) {
        return access.checkDialog(cb.appealId(), cb.step(), in.staff(), cb.action().transition());
    }
}
