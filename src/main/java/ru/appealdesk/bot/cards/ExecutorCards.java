package ru.appealdesk.bot.cards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/** The cards of the person who works on an appeal (the executor, a co-executor), drawn from facts alone. */
public final class ExecutorCards {

    private ExecutorCards() {
    }

    /**
     * «Новое обращение для вас» with «Взять в работу» / «Вернуть»; a repeat says what the earlier appeal was
     * answered ({@code earlier}: that appeal, empty when it is not found; ignored for an appeal that is no repeat).
     */
    public static Message executor(CardFacts f, Optional<AppealView> earlier) {
        AppealView a = f.appeal();
        List<List<Button>> keyboard = List.of(List.of(Keyboards.offer(a, Transition.ACCEPT),
                Keyboards.offer(a, Transition.RETURN)));
        String title = (a.repeatOf() == null ? StepWords.NEW_FOR_YOU : StepWords.REPEAT_FOR_YOU).text();
        return Message.card(f, CardLines.header(title, f), repeatNote(a, earlier) + CardLines.appealText(f), keyboard);
    }

    /**
     * The approved answer for the executor to place where the source's {@code placed-by} is EXECUTOR (seed 000 п.10,
     * 12; 002 п.4): the text to place and «Размещено»; returns for quality stay the coordinators'.
     */
    public static Message toPlace(CardFacts f) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.APPROVED_TITLE.text(), f)
                + StepWords.TEXT_TO_PUBLISH.text(Html.escape(a.answer().type().title())), a.answer().text(),
                List.of(List.of(Keyboards.offer(a, Transition.PUBLISH))));
    }

    /**
     * The card of an appeal in work: «Подготовить ответ», «Вернуть до …» while the return window is open
     * ({@code returnableUntil} not null, ЕЦУР), «Соисполнители», «Нужна помощь».
     */
    public static Message accepted(CardFacts f, String title, Instant returnableUntil) {
        AppealView a = f.appeal();
        List<Button> row = new ArrayList<>(List.of(Keyboards.offer(a, Transition.SUBMIT_ANSWER)));
        if (returnableUntil != null) {
            // ЕЦУР (seed 000 п.9): accepted by mistake, it can still be returned for a day
            row.add(Keyboards.offer(a, Transition.RETURN, StepWords.RETURN_UNTIL.text(f.time(returnableUntil))));
        }
        List<List<Button>> keyboard = List.of(row, List.of(Keyboards.offer(a, Transition.ADD_OWN_CO_EXECUTOR),
                Keyboards.offer(a, Transition.REQUEST_HELP)));
        return Message.card(f, CardLines.header(title, f), clarification(f) + CardLines.appealText(f)
                + CardLines.materials(f), keyboard);
    }

    /**
     * The applicant's reply to the last clarification, or that none came (seed 004 п.13), as plain text like the rest
     * of the card's body; empty if never asked. Without personal data in the chats the reply, like the appeal's text,
     * stays on the appeal's page.
     */
    static String clarification(CardFacts f) {
        return f.appeal().lastClarification().map(h -> h.type() != ru.appealdesk.workflow.HistoryType
                .CLARIFICATION_RECEIVED ? StepWords.CLARIFICATION_NONE.text()
                : f.personalData() ? StepWords.CLARIFICATION_REPLY.text(h.comment())
                : StepWords.CLARIFICATION_REPLY_WITHHELD.text()).orElse("");
    }

    /** PRODUCT.md §9: after «Отложено» was placed, the executor owes the final answer by the postponed date. */
    public static Message postponed(CardFacts f) {
        AppealView a = f.appeal();
        return Message.card(f, CardLines.header(StepWords.POSTPONED_TITLE.text(), f),
                StepWords.PREVIOUS.text(previousAnswer(a)),
                List.of(List.of(Keyboards.offer(a, Transition.SUBMIT_ANSWER, Buttons.PREPARE_FINAL_ANSWER.text())),
                        List.of(Keyboards.offer(a, Transition.ADD_OWN_CO_EXECUTOR))));
    }

    /** «Вы соисполнитель»: the appeal, the co-executor's own deadline and «Передать материалы». */
    public static Message coExecutor(CardFacts f, AppealView.CoExecutor co) {
        AppealView a = f.appeal();
        String delivered = co.deliveredAt() == null ? ""
                : StepWords.MATERIALS_DELIVERED.text(f.time(co.deliveredAt()));
        return Message.card(f, CardLines.header(StepWords.CO_EXECUTOR_TITLE.text(), f)
                + StepWords.YOUR_DUE.text(Html.bold(f.time(co.dueAt())), f.left(co.dueAt())),
                StepWords.DELIVER_TO_EXECUTOR.text(f.name(a.executorId()), delivered) + CardLines.appealText(f),
                List.of(List.of(Keyboards.offer(a, Transition.DELIVER_MATERIALS, 0,
                        Buttons.DELIVER_MATERIALS.text()))));
    }

    /** Seed 004 п.18: a repeat shows the earlier appeal's answer, so the same reply is not given twice. */
    static String repeatNote(AppealView a, Optional<AppealView> earlier) {
        if (a.repeatOf() == null) {
            return "";
        }
        String about = earlier.map(e -> e.answer() == null ? StepWords.EARLIER_NOT_ANSWERED.text()
                        : StepWords.EARLIER_ANSWER.text(e.answer().type().title(), e.answer().text()))
                .orElse(StepWords.EARLIER_NOT_FOUND.text());
        return StepWords.REPEAT_NOTE.text(a.repeatOf(), about);
    }

    /** «Ответ (тип): текст», or that there is none yet. */
    public static String previousAnswer(AppealView a) {
        return a.answer() == null ? StepWords.NO_ANSWER.text()
                : StepWords.ANSWER.text(a.answer().type().title(), a.answer().text());
    }
}
