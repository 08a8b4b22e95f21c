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
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/**
 * The questions asked in free text whose answer carries out a transition: the reasons of a return, a rework and a
 * quality return, the basis of a redirect, the edited answer and a request for help.
 */
@Component
public class Questions implements DialogOwner {

    private final ConversationRepository conversations;
    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final DialogReplies replies;
    private final Clock clock;

    Questions(ConversationRepository conversations, AppealCommands appeals, AppealQueries queries,
              DialogReplies replies, Clock clock) {
        this.conversations = conversations;
        this.appeals = appeals;
        this.queries = queries;
        this.replies = replies;
        this.clock = clock;
    }

    public void askReturnReason(Inbound in, AppealView a) {
        // return-needs-legal-basis: false (seed 004 п.11): written reasons, no act to cite
        ask(in, State.AWAITING_RETURN_REASON, a, queries.returnNeedsLegalBasis(a) ? Words.ASK_RETURN_REASON
                : Words.ASK_RETURN_REASON_WITHOUT_ACT);
    }

    public void askReworkReason(Inbound in, AppealView a) {
        ask(in, State.AWAITING_REWORK_REASON, a, Words.ASK_REWORK_REASON);
    }

    public void askQualityReturnReason(Inbound in, AppealView a) {
        ask(in, State.AWAITING_QUALITY_RETURN_REASON, a, Words.ASK_QUALITY_RETURN_REASON);
    }

    public void askRedirect(Inbound in, AppealView a) {
        ask(in, State.AWAITING_REDIRECT_BASIS, a, Words.ASK_REDIRECT_BASIS);
    }

    public void askEditedAnswer(Inbound in, AppealView a) {
        ask(in, State.AWAITING_EDITED_ANSWER, a, Words.ASK_EDITED_ANSWER);
    }

    /** «Нужна помощь» (seed 000 п.16): the bot asks what help is needed. */
    public void askHelp(Inbound in, AppealView a) {
        if (conversations.of(in.chat()).filter(c -> c.appealId() == a.id() && c.answerText() != null)
                .isPresent()) {
            // the answer being prepared is not thrown away for the question
            replies.text(in, Words.ANSWER_IN_PREPARATION.text(Html.escape(a.number())));
            return;
        }
        ask(in, State.AWAITING_HELP_TEXT, a, Words.ASK_HELP);
    }

    @Override
    public Set<State> states() {
        return EnumSet.of(State.AWAITING_RETURN_REASON, State.AWAITING_REWORK_REASON,
                State.AWAITING_QUALITY_RETURN_REASON, State.AWAITING_REDIRECT_BASIS, State.AWAITING_EDITED_ANSWER,
                State.AWAITING_HELP_TEXT);
    }

    /** The answer to the question: the transition is carried out with it, and the dialog ends. */
    @Override
    public void text(Inbound in, Conversation c, String text) {
        String me = in.staff().id();
        switch (c.state()) {
            case AWAITING_RETURN_REASON -> {
                appeals.returnToCoordinators(c.appealId(), c.step(), me, text);
                conversations.delete(c);
            }
            case AWAITING_REWORK_REASON -> {
                appeals.sendToRework(c.appealId(), c.step(), me, text);
                done(in, c, Words.SENT_TO_REWORK.text());
            }
            case AWAITING_HELP_TEXT -> {
                appeals.requestHelp(c.appealId(), me, text);
                done(in, c, Words.HELP_REQUESTED.text());
            }
            case AWAITING_QUALITY_RETURN_REASON -> {
                appeals.returnForQuality(c.appealId(), c.step(), me, text);
                done(in, c, Words.SENT_TO_REWORK.text());
            }
            case AWAITING_REDIRECT_BASIS -> {
                AppealView after = appeals.redirect(c.appealId(), c.step(), me, text);
                done(in, c, (after.status() == AppealStatus.CLOSED ? Words.REDIRECTED_AND_CLOSED
                        : Words.REDIRECT_FOR_REVIEW).text());
            }
            case AWAITING_EDITED_ANSWER -> {
                appeals.editAnswer(c.appealId(), c.step(), me, text);
                done(in, c, Words.ANSWER_EDITED.text());
            }
            default -> throw new IllegalStateException("not a question of Questions: " + c.state());
        }
    }

    private void ask(Inbound in, State state, AppealView a, Words question) {
        conversations.begin(in, state, a, clock.instant());
        replies.text(in, question.text(Html.escape(a.number())));
    }

    private void done(Inbound in, Conversation c, String reply) {
        conversations.delete(c);
        replies.text(in, reply);
    }

    /** The questions and their replies. */
    enum Words implements Text {
        ASK_RETURN_REASON,
        ASK_RETURN_REASON_WITHOUT_ACT,
        ASK_REWORK_REASON,
        ASK_QUALITY_RETURN_REASON,
        ASK_REDIRECT_BASIS,
        ASK_EDITED_ANSWER,
        ANSWER_IN_PREPARATION,
        ASK_HELP,
        SENT_TO_REWORK,
        HELP_REQUESTED,
        REDIRECTED_AND_CLOSED,
        REDIRECT_FOR_REVIEW,
        ANSWER_EDITED;

        @Override
        public String area() {
            return "bot.dialogs";
        }
    }
}
