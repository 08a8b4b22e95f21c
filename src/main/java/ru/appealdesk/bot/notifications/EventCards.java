package ru.appealdesk.bot.notifications;

import java.util.List;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.CardFacts;
import ru.appealdesk.bot.cards.CardLines;
import ru.appealdesk.bot.cards.ExecutorCards;
import ru.appealdesk.bot.cards.Keyboards;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.bot.cards.StepWords;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/**
 * The cards an event brings besides the step cards: the head's socially significant appeal, a request for help,
 * a reopened appeal, the third disagreement, an answer sent to rework; the numbers an absence's notice lists; drawn
 * from facts alone.
 */
final class EventCards {

    private EventCards() {
    }

    /** Seed 002 п.11, seed 004 п.25: a socially significant appeal goes to the head at once. */
    static Message sociallySignificant(CardFacts f) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(EventWords.SOCIALLY_SIGNIFICANT_TITLE.text(), f),
                CardLines.appealText(f), List.of(List.of(Keyboards.button(a, Action.OPEN, Buttons.OPEN))));
    }

    /** «Нужна помощь» (seed 000 п.16): who asks, what they ask, and the appeal. */
    static Message help(CardFacts f, String executorId, String request) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(EventWords.HELP_TITLE.text(Html.escape(f.name(executorId))), f),
                EventWords.HELP_REQUEST.text(request) + CardLines.appealText(f),
                List.of(List.of(Keyboards.button(a, Action.OPEN, Buttons.OPEN))));
    }

    /** The applicant disagrees: the executor answers again ({@code count}: how many times it was reopened). */
    static Message reopened(CardFacts f, int count, String comment) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(EventWords.REOPENED_TITLE.text(count), f),
                disagreement(f, comment) + "\n\n" + StepWords.PREVIOUS.text(ExecutorCards.previousAnswer(a)),
                List.of(List.of(Keyboards.offer(a, Transition.SUBMIT_ANSWER))));
    }

    /** Seed 001 §2: after the third disagreement the operator of the portal decides. */
    static Message thirdDisagreement(CardFacts f, String comment) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(EventWords.THIRD_DISAGREEMENT_TITLE.text(), f),
                disagreement(f, comment),
                List.of(List.of(Keyboards.offer(a, Transition.HAND_TO_OPERATOR))));
    }

    /** The applicant's comment, their own words: in the chat only where the chats carry personal data. */
    private static String disagreement(CardFacts f, String comment) {
        return f.personalData() ? EventWords.DISAGREEMENT.text(comment) : CardLines.appealText(f);
    }

    /** The answer came back: who sent it, why, and the appeal with the answer. */
    static Message rework(CardFacts f, String moderatorId, String reason) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(EventWords.REWORK_TITLE.text(), f),
                EventWords.REWORK_REASON.text(f.name(moderatorId), reason, CardLines.appealAndAnswer(f)),
                List.of(List.of(Keyboards.offer(a, Transition.SUBMIT_ANSWER))));
    }

    /**
     * The numbers of an absent person's appeals after their count in the coordinators' message: thousands may have
     * moved, so the event carries the first of them (workflow decides how many) and the rest are counted; empty when
     * there are none.
     */
    static String absentNumbers(List<String> numbers, int count) {
        if (numbers.isEmpty()) {
            return "";
        }
        return ": " + Html.escape(String.join(", ", numbers))
                + (count > numbers.size() ? EventWords.ABSENT_AND_MORE.text(count - numbers.size()) : "");
    }
}
