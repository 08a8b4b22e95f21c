package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * The answer dialog's beginning: «Подготовить ответ» → the type → for «Отложено» the date; then the «варианты
 * решения» ({@link TemplateChoice}). Owns the states of choosing the type and waiting for the date.
 */
@Component
public class AnswerTypeChoice implements DialogOwner {

    private final ConversationRepository conversations;
    private final AppealQueries queries;
    private final DraftCards draftCards;
    private final CardTexts texts;
    private final DialogReplies replies;
    private final TemplateChoice templates;
    private final Clock clock;

    AnswerTypeChoice(ConversationRepository conversations, AppealQueries queries, DraftCards draftCards,
                     CardTexts texts, DialogReplies replies, TemplateChoice templates, Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.draftCards = draftCards;
        this.texts = texts;
        this.replies = replies;
        this.templates = templates;
        this.clock = clock;
    }

    /** «Подготовить ответ»: the type card; a draft already being written is kept (a second tap is often a slip). */
    public void chooseType(Inbound in, AppealView a) {
        if (conversations.about(in.chat(), a).filter(c -> c.answerText() != null || !c.attachedFiles().isEmpty())
                .isPresent()) {
            replies.text(in, Words.ALREADY_IN_PREPARATION.text(Html.escape(a.number())));
            return;
        }
        draftCards.retire(in.chat(), a.id());
        conversations.begin(in, State.CHOOSING_ANSWER_TYPE, a, clock.instant());
        replies.card(in, a, AnswerCards.typeChoice(a, queries.postponableUntil(a).isPresent()),
                Card.Kind.ANSWER_TYPE);
    }

    public void typeChosen(Inbound in, AppealView a, String code) {
        AnswerType type = Optional.ofNullable(code).flatMap(AnswerTypeChoice::typeOf)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "unknown answer type " + code));
        Conversation c = conversations.about(in.chat(), a)
                .orElseGet(() -> conversations.begin(in, State.CHOOSING_ANSWER_TYPE, a, clock.instant()));
        Optional<LocalDate> latest = type == AnswerType.POSTPONED ? queries.postponableUntil(a) : Optional.empty();
        if (type == AnswerType.POSTPONED && latest.isEmpty()) {
            // a stale type card, or one made before the limit passed: the aggregate says why
            queries.checkPostponement(a.id(), null);
        }
        c.chooseType(type);
        draftCards.retire(in.chat(), a.id());
        if (type == AnswerType.POSTPONED) {
            c.moveTo(State.AWAITING_POSTPONE_DATE, clock.instant());
            String approval = a.postponeCount() == 0 ? ""
                    : Words.SECOND_POSTPONEMENT_APPROVAL.text(Html.escape(texts.secondaryApproverName()));
            replies.text(in, Words.ASK_POSTPONE_DATE.text(CardTexts.DATE.format(latest.get()), approval));
        } else {
            c.moveTo(State.AWAITING_ANSWER_TEXT, clock.instant());
            templates.offer(in, a, type, Words.TYPE_CHOSEN.text(type.title()));
        }
    }

    @Override
    public Set<State> states() {
        return EnumSet.of(State.CHOOSING_ANSWER_TYPE, State.AWAITING_POSTPONE_DATE);
    }

    /** A text before the type is chosen (a hint), or the date of the postponement. */
    @Override
    public void text(Inbound in, Conversation c, String text) {
        if (c.state() == State.CHOOSING_ANSWER_TYPE) {
            replies.text(in, Words.CHOOSE_TYPE_FIRST.text());
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip(), Dialogs.DATE_INPUT);
        } catch (DateTimeParseException e) {
            replies.text(in, Words.DATE_FORMAT.text(CardTexts.DATE.format(LocalDate.now(clock).plusDays(10))));
            return;
        }
        queries.checkPostponement(c.appealId(), date);
        c.postponeUntil(date);
        c.moveTo(State.AWAITING_ANSWER_TEXT, clock.instant());
        templates.offer(in, queries.find(c.appealId()).orElseThrow(), AnswerType.POSTPONED,
                Words.POSTPONED_UNTIL.text(CardTexts.DATE.format(date)));
    }

    private static Optional<AnswerType> typeOf(String code) {
        for (AnswerType t : AnswerType.values()) {
            if (AnswerCards.code(t).equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The questions of the type and the date. */
    enum Words implements Text {
        ALREADY_IN_PREPARATION,
        SECOND_POSTPONEMENT_APPROVAL,
        ASK_POSTPONE_DATE,
        TYPE_CHOSEN,
        CHOOSE_TYPE_FIRST,
        DATE_FORMAT,
        POSTPONED_UNTIL;

        @Override
        public String area() {
            return "bot.answer";
        }
    }
}
