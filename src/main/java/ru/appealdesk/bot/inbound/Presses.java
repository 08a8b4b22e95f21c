package ru.appealdesk.bot.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.CardRepository;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.bot.dialogs.AnswerDialog;
import ru.appealdesk.bot.dialogs.CoExecutorDialogs;
import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.dialogs.DraftCards;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused.Reason;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.TransitionRefused;

/**
 * Handles button presses. Every press is checked: the presser must be the person (or hold the role) the step
 * belongs to, and the appeal must still be at the step the button was made for; otherwise an alert, no change.
 */
@Component
class Presses {

    static final String RETIRED = Words.RETIRED.text();

    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final AppealAccess access;
    private final Dialogs dialogs;
    private final AnswerDialog answers;
    private final Outbox outbox;
    private final Refusals refusals;
    private final StepCards stepCards;
    private final CoExecutorDialogs coExecutors;
    private final CardRepository cards;

    Presses(AppealCommands appeals, AppealQueries queries, AppealAccess access, Dialogs dialogs, AnswerDialog answers,
            Outbox outbox, Refusals refusals, StepCards stepCards, CoExecutorDialogs coExecutors, CardRepository cards) {
        this.cards = cards;
        this.coExecutors = coExecutors;
        this.stepCards = stepCards;
        this.appeals = appeals;
        this.queries = queries;
        this.access = access;
        this.dialogs = dialogs;
        this.answers = answers;
        this.outbox = outbox;
        this.refusals = refusals;
    }

    void handle(Inbound in, CallbackQuery query) {
        if (!in.registered()) {
            outbox.answerCallback(in.chatId(), query.getId(), Replies.NOT_REGISTERED, true);
            return;
        }
        Optional<Callback> parsed = Callback.parse(query.getData());
        if (parsed.isEmpty()) {
            outbox.answerCallback(in.chatId(), query.getId(), Words.UNKNOWN_BUTTON.text(), true);
            return;
        }
        Callback cb = parsed.get();
        if (query.getMessage() != null && query.getMessage().getMessageId() != null
                && cards.isRetired(in.chatId(), query.getMessage().getMessageId(), DraftCards.DIALOG)) {
            // a dialog's earlier message: its buttons are gone or going (the edit may not have reached the phone),
            // the latest message has them. Other cards end with their step, which the refusal below explains.
            outbox.answerCallback(in.chatId(), query.getId(), RETIRED, true);
            return;
        }
        try {
            String reply = perform(in, cb);
            outbox.answerCallback(in.chatId(), query.getId(), reply, false);
        } catch (TransitionRefused refused) {
            outbox.answerCallback(in.chatId(), query.getId(), refusals.explain(refused, cb.appealId(), in.staff()),
                    true);
            if (refused.reason() == Reason.PHOTOS_REQUIRED) {
                outbox.text(in.chatId(), Refusals.PHOTOS_NEXT_STEP, Outbox.PRIORITY_REPLY);
            }
            if (refused.reason() == Reason.PROOF_REQUIRED) {
                outbox.text(in.chatId(), Refusals.PROOF_NEXT_STEP, Outbox.PRIORITY_REPLY);
            }
        }
    }

    private String perform(Inbound in, Callback cb) {
        String me = in.staff().id();
        Optional<Transition> plain = cb.plain();
        if (plain.isPresent()) {
            // the table is all of it: who may, from where, to where (Transition.plain)
            appeals.perform(cb.appealId(), cb.step(), me, plain.get());
            return plain.get().reply().text();
        }
        switch (cb.action()) {
            case PERFORM -> throw new TransitionRefused(Reason.STALE, "no plain transition " + cb.argument());
            case ACCEPT -> {
                appeals.accept(cb.appealId(), cb.step(), me);
                return Words.ACCEPTED.text();
            }
            case RETURN -> {
                AppealView a = dialog(in, cb);
                dialogs.askReturnReason(in, a);
                return Words.GIVE_RETURN_REASON.text();
            }
            case ASSIGN -> {
                appeals.reassign(cb.appealId(), cb.step(), me, cb.argument());
                return Words.ASSIGNED.text();
            }
            case REJECT_RETURN -> {
                appeals.rejectReturn(cb.appealId(), cb.step(), me);
                return Words.RETURN_REJECTED.text();
            }
            case PREPARE_ANSWER -> {
                AppealView a = dialog(in, cb);
                answers.chooseType(in, a);
                return Words.CHOOSE_ANSWER_TYPE.text();
            }
            case ANSWER_TYPE -> {
                AppealView a = dialog(in, cb);
                answers.typeChosen(in, a, cb.argument());
                return Words.ANSWER_TYPE_CHOSEN.text();
            }
            case SUBMIT -> {
                AppealView a = dialog(in, cb);
                return answers.submit(in, a) ? Words.SUBMITTED.text()
                        : Words.CONFIRM_NOTICE.text();
            }
            case TEMPLATE -> {
                AppealView a = dialog(in, cb);
                return answers.templateChosen(in, a, cb.argument());
            }
            case NOTIFIED -> {
                AppealView a = dialog(in, cb);
                answers.applicantNotified(in, a, cb.argument());
                return Words.SUBMITTED.text();
            }
            case HELP -> {
                AppealView a = dialog(in, cb);
                dialogs.askHelp(in, a);
                return Words.DESCRIBE_HELP.text();
            }
            case REMOVE_FILES -> {
                AppealView a = dialog(in, cb);
                answers.removeFiles(in, a);
                return Words.FILES_REMOVED.text();
            }
            case APPROVE -> {
                AppealView a = appeals.approve(cb.appealId(), cb.step(), me);
                return a.status() == AppealStatus.ANSWER_REVIEW ? Words.PRE_APPROVED.text()
                        : Words.APPROVED.text();
            }
            case REWORK -> {
                AppealView a = dialog(in, cb);
                dialogs.askReworkReason(in, a);
                return Words.GIVE_REWORK_REASON.text();
            }
            case OPEN -> {
                AppealView a = current(cb);
                if (!access.mayView(in.staff(), a)) {
                    throw new TransitionRefused(Reason.NOT_ALLOWED, "may not view");
                }
                stepCards.showTo(a, in.staff(), in.chatId());
                return Words.CARD.text();
            }
            case CLOSE -> {
                AppealView a = dialog(in, cb);
                dialogs.chooseHowToClose(in, a);
                return Words.CHOOSE_BASIS.text();
            }
            case CLOSE_AS -> {
                AppealView a = dialog(in, cb);
                dialogs.askCloseComment(in, a, cb.argument());
                return Words.WRITE_COMMENT.text();
            }
            case QUALITY_RETURN -> {
                AppealView a = dialog(in, cb);
                dialogs.askQualityReturnReason(in, a);
                return Words.GIVE_REWORK_REASON.text();
            }
            case EDIT_ANSWER -> {
                AppealView a = dialog(in, cb);
                dialogs.askEditedAnswer(in, a);
                return Words.SEND_CORRECTED_TEXT.text();
            }
            case REDIRECT -> {
                AppealView a = dialog(in, cb);
                dialogs.askRedirect(in, a);
                return Words.WHERE_AND_WHY.text();
            }
            case REDIRECT_APPROVE -> {
                appeals.approveRedirect(cb.appealId(), cb.step(), me);
                return Words.REDIRECT_APPROVED.text();
            }
            case TO_OPERATOR -> {
                appeals.handToOperator(cb.appealId(), cb.step(), me);
                return Words.MARKED_TO_OPERATOR.text();
            }
            case DELEGATE -> {
                AppealView a = dialog(in, cb);
                stepCards.chooseDelegate(a, in.staff(), in.chatId());
                return Words.CHOOSE_DELEGATE.text();
            }
            case DELEGATE_TO -> {
                appeals.delegateReview(cb.appealId(), cb.step(), me, cb.argument());
                return Words.DELEGATED.text();
            }
            case CO_EXECUTORS -> {
                // a note, not a step: any open card of the appeal may offer it; who may is checked
                coExecutors.chooseCoExecutor(in, current(cb));
                return Words.CHOOSE_CO_EXECUTOR.text();
            }
            case ADD_CO_EXECUTOR -> {
                coExecutors.add(in, cb.appealId(), cb.argument());
                return Words.CO_EXECUTOR_ADDED.text();
            }
            case DELIVER -> {
                coExecutors.startMaterials(in, cb.appealId());
                return Words.DESCRIBE_MATERIALS.text();
            }
            case SEND_MATERIALS -> {
                coExecutors.send(in, cb.appealId());
                return Words.MATERIALS_DELIVERED.text();
            }
            case PUBLISHED -> {
                appeals.markPublished(cb.appealId(), cb.step(), me);
                return Words.MARKED_PUBLISHED.text();
            }
        }
        throw new IllegalStateException("unhandled action " + cb.action());
    }

    /** The appeal, if the presser may begin the transition the button names at the button's step (the table says). */
    private AppealView dialog(Inbound in, Callback cb) {
        return access.checkDialog(cb.appealId(), cb.step(), in.staff(), cb.action().transition());
    }

    private AppealView current(Callback cb) {
        return queries.find(cb.appealId())
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + cb.appealId()));
    }

    /** What a press answers (the toast over the chat). */
    enum Words implements Text {
        RETIRED,
        UNKNOWN_BUTTON,
        ACCEPTED,
        GIVE_RETURN_REASON,
        ASSIGNED,
        RETURN_REJECTED,
        CHOOSE_ANSWER_TYPE,
        ANSWER_TYPE_CHOSEN,
        SUBMITTED,
        CONFIRM_NOTICE,
        DESCRIBE_HELP,
        FILES_REMOVED,
        PRE_APPROVED,
        APPROVED,
        GIVE_REWORK_REASON,
        CARD,
        CHOOSE_BASIS,
        WRITE_COMMENT,
        SEND_CORRECTED_TEXT,
        WHERE_AND_WHY,
        REDIRECT_APPROVED,
        MARKED_TO_OPERATOR,
        CHOOSE_DELEGATE,
        DELEGATED,
        CHOOSE_CO_EXECUTOR,
        CO_EXECUTOR_ADDED,
        DESCRIBE_MATERIALS,
        MATERIALS_DELIVERED,
        MARKED_PUBLISHED;

        @Override
        public String area() {
            return "bot.presses";
        }
    }
}
