package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.directory.AnswerTemplate;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * The «варианты решения» of {@code templates.yml} for the appeal's category and the answer type as buttons, and
 * «Свой текст» (seed 000 п.1, 3, 6); a text message is the executor's own text either way
 * ({@link AnswerDraftDialog}).
 */
@Component
public class TemplateChoice {

    private final ConversationRepository conversations;
    private final Directory directory;
    private final DialogReplies replies;
    private final DraftCards draftCards;
    private final Clock clock;

    TemplateChoice(ConversationRepository conversations, Directory directory, DialogReplies replies,
                   DraftCards draftCards, Clock clock) {
        this.conversations = conversations;
        this.directory = directory;
        this.replies = replies;
        this.draftCards = draftCards;
        this.clock = clock;
    }

    void offer(Inbound in, AppealView a, AnswerType type, String lead) {
        replies.card(in, a, AnswerCards.templates(a, directory.templates(a.category(), type.name()), lead),
                Card.Kind.ANSWER_TYPE);
    }

    /**
     * A «вариант решения» pressed: its text, filled in from the appeal, becomes the draft; or «Свой текст». Only
     * before a draft exists: the draft retires the template card, whose presses are then refused. Returns the toast.
     */
    public String templateChosen(Inbound in, AppealView a, String choice) {
        Conversation c = conversations.about(in.chat(), a).filter(x -> x.state() == State.AWAITING_ANSWER_TEXT)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer being written"));
        if (AnswerCards.OWN_TEXT.equals(choice)) {
            replies.text(in, Words.ASK_OWN_TEXT.text());
            return Words.WAITING_FOR_TEXT_TOAST.text();
        }
        // a card of another answer type (the executor chose again) or a template gone from the configuration
        AnswerTemplate template = Optional.ofNullable(choice).flatMap(directory::template)
                .filter(t -> t.category().equals(a.category()) && t.type().equals(c.answerType().name()))
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "template " + choice + " does not fit"));
        String text = template.fill(a.number(), CardTexts.DATE.format(a.receivedAt()
                .atZone(directory.organization().timeZone()).toLocalDate()), a.address());
        if (text.length() > Dialogs.MAX_TEXT) {
            replies.text(in, Words.TEMPLATE_TOO_LONG.text(Dialogs.MAX_TEXT));
            return Words.TEMPLATE_TOO_LONG_TOAST.text();
        }
        c.answerFromTemplate(template.id(), text);
        c.moveTo(State.COLLECTING_ATTACHMENTS, clock.instant());
        draftCards.showAnswer(in, c, a, Words.TEMPLATE_FILLED.text(Html.escape(template.title())), text);
        return Words.TEMPLATE_FILLED_TOAST.text();
    }

    /** The replies and toasts of the choice (a toast ends in _TOAST). */
    enum Words implements Text {
        ASK_OWN_TEXT,
        WAITING_FOR_TEXT_TOAST,
        TEMPLATE_TOO_LONG,
        TEMPLATE_TOO_LONG_TOAST,
        TEMPLATE_FILLED,
        TEMPLATE_FILLED_TOAST;

        @Override
        public String area() {
            return "bot.answer";
        }
    }
}
