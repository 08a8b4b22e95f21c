package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Resolution;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/** «Закрыть без ответа» (seed 004 п.21): threats or obscenity, or a duplicate, then the comment that closes it. */
@Component
public class CloseDialog implements DialogOwner {

    private final ConversationRepository conversations;
    private final AppealCommands appeals;
    private final DialogReplies replies;
    private final Clock clock;

    CloseDialog(ConversationRepository conversations, AppealCommands appeals, DialogReplies replies, Clock clock) {
        this.conversations = conversations;
        this.appeals = appeals;
        this.replies = replies;
        this.clock = clock;
    }

    /** The two ways to close, as buttons. */
    public void chooseHowToClose(Inbound in, AppealView a) {
        List<List<Button>> keyboard = List.of(
                List.of(new Callback(Action.CLOSE_AS, a.id(), a.step(), "N").button(Buttons.THREATS.text())),
                List.of(new Callback(Action.CLOSE_AS, a.id(), a.step(), "D").button(Buttons.DUPLICATE.text())));
        replies.card(in, a, new Message(Words.CHOOSE_HOW_TO_CLOSE.text(Html.escape(a.number())), null, keyboard),
                Card.Kind.CLOSE_CHOICE);
    }

    /** The way chosen ({@code N} or {@code D}): the bot asks for the comment. */
    public void askCloseComment(Inbound in, AppealView a, String how) {
        State state = switch (how == null ? "" : how) {
            case "N" -> State.AWAITING_NO_ANSWER_COMMENT;
            case "D" -> State.AWAITING_DUPLICATE_COMMENT;
            default -> throw new TransitionRefused(Reason.STALE, "unknown close option " + how);
        };
        conversations.begin(in, state, a, clock.instant());
        replies.text(in, (state == State.AWAITING_NO_ANSWER_COMMENT ? Words.ASK_NO_ANSWER_COMMENT
                : Words.ASK_DUPLICATE_COMMENT).text(Html.escape(a.number())));
    }

    @Override
    public Set<State> states() {
        return EnumSet.of(State.AWAITING_NO_ANSWER_COMMENT, State.AWAITING_DUPLICATE_COMMENT);
    }

    /** The comment: the appeal is closed with it. */
    @Override
    public void text(Inbound in, Conversation c, String text) {
        Resolution how = c.state() == State.AWAITING_NO_ANSWER_COMMENT ? Resolution.NO_ANSWER : Resolution.DUPLICATE;
        appeals.closeWithoutAnswer(c.appealId(), c.step(), in.staff().id(), how, text);
        conversations.delete(c);
        replies.text(in, Words.CLOSED_WITHOUT_ANSWER.text(Html.escape(how.title())));
    }

    /** The choice, the questions and the reply. */
    enum Words implements Text {
        CHOOSE_HOW_TO_CLOSE,
        ASK_NO_ANSWER_COMMENT,
        ASK_DUPLICATE_COMMENT,
        CLOSED_WITHOUT_ANSWER;

        @Override
        public String area() {
            return "bot.dialogs";
        }
    }
}
