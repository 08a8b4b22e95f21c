package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.dialogs.ClarificationDialog;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.Transition;

/**
 * The coordinators' buttons on an appeal awaiting the applicant (seed 004 п.13): «Ответ получен» (asks the reply's
 * text), «Ответа нет», and after {@code clarification-wait} «Закрыть: нет уточнения».
 */
@Component
class ClarificationPresses implements PressHandler {

    private final AppealCommands appeals;
    private final AppealAccess access;
    private final ClarificationDialog dialog;

    ClarificationPresses(AppealCommands appeals, AppealAccess access, ClarificationDialog dialog) {
        this.appeals = appeals;
        this.access = access;
        this.dialog = dialog;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.CLARIFICATION_RECEIVED, Action.NO_CLARIFICATION, Action.CLOSE_NO_CLARIFICATION);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        String me = in.staff().id();
        switch (cb.action()) {
            case CLARIFICATION_RECEIVED -> {
                dialog.askReply(in, access.checkDialog(cb.appealId(), cb.step(), in.staff(),
                        Transition.RECEIVE_CLARIFICATION));
                return Words.WRITE_REPLY.text();
            }
            case NO_CLARIFICATION -> {
                appeals.endClarification(cb.appealId(), cb.step(), me, Transition.NO_CLARIFICATION_REPLY, null);
                return Words.NO_REPLY_RECORDED.text();
            }
            case CLOSE_NO_CLARIFICATION -> {
                appeals.endClarification(cb.appealId(), cb.step(), me, Transition.CLOSE_NO_CLARIFICATION, null);
                return Words.CLOSED_NO_CLARIFICATION.text();
            }
            default -> throw new IllegalArgumentException("not a clarification button: " + cb.action());
        }
    }

    /** The replies to the presses. */
    enum Words implements Text {
        WRITE_REPLY,
        NO_REPLY_RECORDED,
        CLOSED_NO_CLARIFICATION;

        @Override
        public String area() {
            return "bot.presses";
        }
    }
}
