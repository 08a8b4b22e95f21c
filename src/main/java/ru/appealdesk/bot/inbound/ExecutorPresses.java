package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.dialogs.Questions;
import ru.appealdesk.bot.inbound.Presses.Words;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealView;

/** The executor's step buttons: «Принять», «Вернуть» (asks the reason), «Нужна помощь» (asks what help). */
@Component
class ExecutorPresses implements PressHandler {

    private final AppealCommands appeals;
    private final AppealAccess access;
    private final Questions questions;

    ExecutorPresses(AppealCommands appeals, AppealAccess access, Questions questions) {
        this.appeals = appeals;
        this.access = access;
        this.questions = questions;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.ACCEPT, Action.RETURN, Action.HELP);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        switch (cb.action()) {
            case ACCEPT -> {
                appeals.accept(cb.appealId(), cb.step(), in.staff().id());
                return Words.ACCEPTED.text();
            }
            case RETURN -> {
                questions.askReturnReason(in, dialog(in, cb));
                return Words.GIVE_RETURN_REASON.text();
            }
            case HELP -> {
                questions.askHelp(in, dialog(in, cb));
                return Words.DESCRIBE_HELP.text();
            }
            default -> throw new IllegalArgumentException("not an executor's button: " + cb.action());
        }
    }

    /** The appeal, if the presser may begin the transition the button names at the button's step (the table says). */
    private AppealView dialog(Inbound in, Callback cb) {
        return access.checkDialog(cb.appealId(), cb.step(), in.staff(), cb.action().transition());
    }
}
