package ru.appealdesk.bot.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.Approvers;

/** The cards of those who approve: an answer, a redirect, whom to hand the review to; and the plain card. */
public final class ReviewCards {

    private ReviewCards() {
    }

    /**
     * The answer under review: approve (with the chain's stage, if in a department's chain), rework, edit,
     * delegate. A repeated postponement is titled so (seed 000 п.14: the director of МКУ «МЦУР» agrees first).
     */
    public static Message review(CardFacts f, Optional<Approvers.Stage> stage) {
        AppealView a = f.appeal();
        if (stage.filter(Approvers.Stage::signing).isPresent()) {
            return signature(f);
        }
        // 001 §4.6: in a department's approval chain the card says which stage it is
        String approve = stage.map(s -> StepWords.APPROVE_STAGE.text(s.stage(), s.of())).orElse(Buttons.APPROVE.text());
        List<List<Button>> keyboard = List.of(List.of(
                Keyboards.offer(a, Transition.APPROVE, approve),
                Keyboards.offer(a, Transition.SEND_TO_REWORK)),
                List.of(Keyboards.offer(a, Transition.EDIT_ANSWER),
                        Keyboards.offer(a, Transition.DELEGATE_REVIEW)));
        boolean repeatedPostponement = a.secondaryReview() && a.postponeCount() > 0
                && a.answer().type() == AnswerType.POSTPONED;
        String title = (repeatedPostponement ? StepWords.REPEATED_POSTPONEMENT_TITLE : StepWords.REVIEW_TITLE).text();
        return Message.card(f, CardLines.header(title, f), CardLines.appealAndAnswer(f), keyboard);
    }

    /** The answer all others approved, for the deputy head to sign (seed 000 п.6): «Подписать», «На доработку». */
    static Message signature(CardFacts f) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.SIGNATURE_TITLE.text(), f), CardLines.appealAndAnswer(f),
                List.of(List.of(Keyboards.offer(a, Transition.SIGN), Keyboards.offer(a, Transition.SEND_TO_REWORK))));
    }

    /** A redirect awaiting the moderator: where to and why, approve or reject. */
    public static Message redirectReview(CardFacts f, String whereAndWhy) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.REDIRECT_REVIEW_TITLE.text(), f),
                StepWords.WHERE_AND_WHY.text(whereAndWhy) + CardLines.appealText(f),
                List.of(List.of(Keyboards.offer(a, Transition.APPROVE_REDIRECT),
                        Keyboards.offer(a, Transition.REJECT_REDIRECT))));
    }

    /** Whom to hand the review to: one button per candidate (at most 24), two a row; no header. */
    public static Message delegates(AppealView a, List<StaffMember> candidates) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(candidates.size(), 24); i += 2) {
            rows.add(candidates.subList(i, Math.min(i + 2, candidates.size())).stream()
                    .map(s -> new Callback(Action.DELEGATE_TO, a.id(), a.step(), s.id()).button("↪️ " + s.shortName()))
                    .toList());
        }
        return new Message(StepWords.CHOOSE_DELEGATE.text(Html.escape(a.number())), null, rows);
    }

    /** The appeal as it stands, without buttons: for a reader whose step it is not. */
    public static Message plain(CardFacts f) {
        return Message.card(f, CardLines.header(StepWords.CARD_TITLE.text(), f), CardLines.appealAndAnswer(f), null);
    }
}
