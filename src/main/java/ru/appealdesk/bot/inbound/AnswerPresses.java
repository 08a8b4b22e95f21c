package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.dialogs.AnswerDraftDialog;
import ru.appealdesk.bot.dialogs.AnswerSubmission;
import ru.appealdesk.bot.dialogs.AnswerTypeChoice;
import ru.appealdesk.bot.dialogs.TemplateChoice;
import ru.appealdesk.bot.inbound.Presses.Words;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealView;

/**
 * The answer dialog's buttons: «Подготовить ответ», the type, a «вариант решения», «Убрать вложения», «Отправить на
 * согласование» and how the applicant was told. Each is checked against the table before the dialog moves.
 */
@Component
class AnswerPresses implements PressHandler {

    private final AppealAccess access;
    private final AnswerTypeChoice types;
    private final TemplateChoice templates;
    private final AnswerDraftDialog drafts;
    private final AnswerSubmission submission;

    AnswerPresses(AppealAccess access, AnswerTypeChoice types, TemplateChoice templates, AnswerDraftDialog drafts,
                  AnswerSubmission submission) {
        this.access = access;
        this.types = types;
        this.templates = templates;
        this.drafts = drafts;
        this.submission = submission;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.PREPARE_ANSWER, Action.ANSWER_TYPE, Action.TEMPLATE, Action.REMOVE_FILES,
                Action.SUBMIT, Action.NOTIFIED);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        AppealView a = access.checkDialog(cb.appealId(), cb.step(), in.staff(), cb.action().transition());
        switch (cb.action()) {
            case PREPARE_ANSWER -> {
                types.chooseType(in, a);
                return Words.CHOOSE_ANSWER_TYPE.text();
            }
            case ANSWER_TYPE -> {
                types.typeChosen(in, a, cb.argument());
                return Words.ANSWER_TYPE_CHOSEN.text();
            }
            case TEMPLATE -> {
                return templates.templateChosen(in, a, cb.argument());
            }
            case REMOVE_FILES -> {
                drafts.removeFiles(in, a);
                return Words.FILES_REMOVED.text();
            }
            case SUBMIT -> {
                return submission.submit(in, a) ? Words.SUBMITTED.text() : Words.CONFIRM_NOTICE.text();
            }
            case NOTIFIED -> {
                submission.applicantNotified(in, a, cb.argument());
                return Words.SUBMITTED.text();
            }
            default -> throw new IllegalArgumentException("not an answer dialog's button: " + cb.action());
        }
    }
}
