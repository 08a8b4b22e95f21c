package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/** «Ответ получен» (seed 004 п.13): a coordinator types the applicant's reply; the appeal goes back to the executor. */
@Component
public class ClarificationDialog implements DialogOwner {

    private final ConversationRepository conversations;
    private final AppealCommands appeals;
    private final DialogReplies replies;
    private final Clock clock;

    ClarificationDialog(ConversationRepository conversations, AppealCommands appeals, DialogReplies replies,
                        Clock clock) {
        this.conversations = conversations;
        this.appeals = appeals;
        this.replies = replies;
        this.clock = clock;
    }

    /** The bot asks for the reply's text. */
    public void askReply(Inbound in, AppealView a) {
        conversations.begin(in, State.AWAITING_CLARIFICATION, a, clock.instant());
        replies.text(in, Words.ASK_CLARIFICATION_REPLY.text(Html.escape(a.number())));
    }

    @Override
    public Set<State> states() {
        return EnumSet.of(State.AWAITING_CLARIFICATION);
    }

    /** The reply: the wait ends with it. */
    @Override
    public void text(Inbound in, Conversation c, String text) {
        AppealView a = appeals.endClarification(c.appealId(), c.step(), in.staff().id(),
                Transition.RECEIVE_CLARIFICATION, text);
        conversations.delete(c);
        replies.text(in, Words.CLARIFICATION_RECORDED.text(Html.escape(a.number())));
    }

    /** The question and the reply. */
    enum Words implements Text {
        ASK_CLARIFICATION_REPLY,
        CLARIFICATION_RECORDED;

        @Override
        public String area() {
            return "bot.dialogs";
        }
    }
}
