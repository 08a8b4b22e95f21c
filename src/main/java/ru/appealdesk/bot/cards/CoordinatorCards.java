package ru.appealdesk.bot.cards;

import java.util.List;
import java.util.Optional;

import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/** The coordinators' cards: whom to assign, what to publish, what to watch; drawn from facts alone. */
public final class CoordinatorCards {

    private CoordinatorCards() {
    }

    /** Nobody holds the appeal: one button per candidate executor, then redirect, close and co-executors. */
    public static Message unrouted(CardFacts f, List<StaffMember> candidates, Optional<AppealView> earlier) {
        return unrouted(f, candidates, earlier, false);
    }

    /** The same; {@code toDecider}: a {@code case-decider} is named, so a row offers the hand-over (001 §3). */
    public static Message unrouted(CardFacts f, List<StaffMember> candidates, Optional<AppealView> earlier,
                                   boolean toDecider) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.UNROUTED_TITLE.text(), f),
                ExecutorCards.repeatNote(a, earlier) + CardLines.appealText(f),
                toDecider(a, toDecider, Keyboards.executors(a, candidates, List.of(Keyboards.redirect(a),
                        Keyboards.close(a), Keyboards.coExecutors(a)))));
    }

    /** The executor returned the appeal: their reason, the other executors, «Отклонить возврат». */
    public static Message returned(CardFacts f, List<StaffMember> candidates, String reason) {
        return returned(f, candidates, reason, false);
    }

    /** The same; {@code toDecider}: a row offers the hand-over to the {@code case-decider} (001 §3). */
    public static Message returned(CardFacts f, List<StaffMember> candidates, String reason, boolean toDecider) {
        AppealView a = f.appeal();
        List<List<Button>> keyboard = Keyboards.executors(a, candidates, List.of(
                Keyboards.offer(a, Transition.REJECT_RETURN),
                Keyboards.redirect(a), Keyboards.close(a), Keyboards.coExecutors(a)));
        return Message.card(f, CardLines.header(StepWords.RETURNED_TITLE.text(), f),
                StepWords.RETURN_REASON.text(f.name(a.executorId()), reason) + CardLines.appealText(f),
                toDecider(a, toDecider, keyboard));
    }

    /**
     * The case-decider's card (001 §3): the coordinators' choice of executor, by the decider now, and «Вернуть
     * координаторам»; {@code by}: the coordinator who handed it over.
     */
    public static Message decision(CardFacts f, List<StaffMember> candidates, Optional<AppealView> earlier,
                                   String by) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.CASE_DECISION_TITLE.text(), f),
                StepWords.CASE_DECISION_WHY.text(Html.escape(by)) + ExecutorCards.repeatNote(a, earlier)
                        + CardLines.appealText(f),
                Keyboards.executors(a, candidates, List.of(Keyboards.offer(a, Transition.BACK_TO_COORDINATORS))));
    }

    private static List<List<Button>> toDecider(AppealView a, boolean offer, List<List<Button>> keyboard) {
        if (!offer) {
            return keyboard;
        }
        List<List<Button>> rows = new java.util.ArrayList<>(keyboard);
        rows.add(List.of(Keyboards.offer(a, Transition.TO_CASE_DECIDER)));
        return rows;
    }

    /** The approved answer to publish on the portal: «Опубликовано» or a return for quality. */
    public static Message approved(CardFacts f) {
        AppealView a = f.appeal();
        List<List<Button>> keyboard = List.of(List.of(
                Keyboards.offer(a, Transition.PUBLISH),
                Keyboards.offer(a, Transition.QUALITY_RETURN)),
                List.of(Keyboards.coExecutors(a)));
        return Message.card(f, CardLines.header(StepWords.APPROVED_TITLE.text(), f)
                + StepWords.TEXT_TO_PUBLISH.text(Html.escape(a.answer().type().title())), a.answer().text(), keyboard);
    }

    /** The approved answer as a curator checks it: its text and a return for quality, no «Размещено». */
    public static Message qualityCheck(CardFacts f) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.APPROVED_TITLE.text(), f)
                        + StepWords.TEXT_TO_PUBLISH.text(Html.escape(a.answer().type().title())), a.answer().text(),
                List.of(List.of(Keyboards.offer(a, Transition.QUALITY_RETURN))));
    }

    /**
     * «Отложенное обращение: назначьте исполнителя»: one button per candidate, the previous executor first;
     * {@code share}: the share of the postponed period at which it came (null when the regulation sets none).
     */
    public static Message postponedReassign(CardFacts f, List<StaffMember> candidates, Integer share) {
        AppealView a = f.appeal();
        String why = share == null ? "" : StepWords.REASSIGN_WHY.text(share);
        return Message.card(f, CardLines.header(StepWords.POSTPONED_REASSIGN_TITLE.text(), f),
                why + StepWords.PREVIOUS_EXECUTOR.text(f.name(a.executorId()), ExecutorCards.previousAnswer(a)),
                Keyboards.executors(a, candidates, List.of(Keyboards.coExecutors(a))));
    }

    /** A coordinator's view of an appeal in work: the executor has it; the coordinator may still close it. */
    public static Message oversight(CardFacts f) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.OVERSIGHT_TITLE.text(Html.escape(f.name(a.executorId()))), f),
                CardLines.appealText(f), List.of(List.of(Keyboards.close(a), Keyboards.coExecutors(a))));
    }

    /**
     * A clarification was placed (seed 004 п.13): the question, since when and until when the applicant is awaited,
     * «Ответ получен» and «Ответа нет»; once {@code clarification-wait} passed ({@code overdue}) also the closing.
     */
    public static Message awaiting(CardFacts f, java.time.Instant waitEnds, boolean overdue) {
        AppealView a = f.appeal();
        List<List<Button>> keyboard = new java.util.ArrayList<>(List.of(List.of(
                Keyboards.offer(a, Transition.RECEIVE_CLARIFICATION),
                Keyboards.offer(a, Transition.NO_CLARIFICATION_REPLY))));
        if (overdue) {
            keyboard.add(List.of(Keyboards.offer(a, Transition.CLOSE_NO_CLARIFICATION,
                    Buttons.CLOSE_NO_CLARIFICATION.text())));
        }
        String title = (overdue ? StepWords.CLARIFICATION_OVERDUE_TITLE : StepWords.AWAITING_TITLE).text();
        String question = a.answer() == null ? "" : a.answer().text();
        return Message.card(f, CardLines.header(title, f) + StepWords.AWAITING_SINCE.text(
                        f.time(a.stepStartedAt()), f.time(waitEnds)), Html.escape(question) + CardLines.appealText(f),
                keyboard);
    }
}
