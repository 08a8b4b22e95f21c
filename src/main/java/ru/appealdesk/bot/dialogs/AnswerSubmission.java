package ru.appealdesk.bot.dialogs;

import java.util.List;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.workflow.AnswerDraft;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.AttachmentKind;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * The answer dialog's end: «Отправить на согласование», and before it, where the applicant must be told the result
 * first (seed 000 п.15), how they were told.
 */
@Component
public class AnswerSubmission {

    private final ConversationRepository conversations;
    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final DraftCards draftCards;
    private final DialogReplies replies;

    AnswerSubmission(ConversationRepository conversations, AppealCommands appeals, AppealQueries queries,
                     DraftCards draftCards, DialogReplies replies) {
        this.conversations = conversations;
        this.appeals = appeals;
        this.queries = queries;
        this.draftCards = draftCards;
        this.replies = replies;
    }

    /** Submits the draft; false when the bot asks first how the applicant was told, and the answer to that submits. */
    public boolean submit(Inbound in, AppealView a) {
        Conversation c = draft(in, a);
        boolean hasPhoto = c.attachedFiles().stream().anyMatch(f -> f.kind() == AttachmentKind.PHOTO);
        // a question to the applicant (seed 004 п.13) proves nothing, answers no photo and tells no result
        boolean question = c.answerType() == ru.appealdesk.workflow.AnswerType.CLARIFICATION;
        if (!question && !a.photos().isEmpty() && !hasPhoto) {
            // said before the notification question, which would otherwise come first
            throw new TransitionRefused(Reason.PHOTOS_REQUIRED, "the answer needs photos");
        }
        if (!question && !AnswerCards.proof(a).isEmpty() && c.attachedFiles().isEmpty()) {
            throw new TransitionRefused(Reason.PROOF_REQUIRED, "a fast-track answer needs its proof");
        }
        boolean hasEvidence = c.attachedFiles().stream().anyMatch(f -> f.kind().evidence());
        if (queries.answerEvidenceRequired(a, c.answerType()) && !hasEvidence) {
            // seed 000 п.6, 001 §4.6: refused here, before anything is asked or changed
            throw new TransitionRefused(Reason.EVIDENCE_REQUIRED, "the answer needs a photo or a document");
        }
        if (!question && queries.applicantNoticeRequired(a) && c.applicantNotified() == null) {
            draftCards.retire(in.chat(), a.id());
            replies.card(in, a, AnswerCards.notifiedQuestion(a), Card.Kind.ANSWER_DRAFT);
            return false;
        }
        List<AppealView.Attachment> attachments = c.attachedFiles().stream()
                .map(f -> new AppealView.Attachment(f.fileId(), f.kind())).toList();
        appeals.submitAnswer(a.id(), a.step(), in.staff().id(), new AnswerDraft(c.answerType(), c.answerText(),
                c.postponedUntil(), attachments, c.applicantNotified(), c.templateId()));
        conversations.delete(c);
        return true;
    }

    /** «Уведомлён по телефону» / «Направлено на e-mail»: recorded with the answer, which goes for approval. */
    public void applicantNotified(Inbound in, AppealView a, String how) {
        Conversation c = draft(in, a);
        c.applicantNotified(switch (how == null ? "" : how) {
            case "P" -> "PHONE";
            case "E" -> "EMAIL";
            default -> throw new TransitionRefused(Reason.STALE, "unknown notification " + how);
        });
        submit(in, a);
    }

    private Conversation draft(Inbound in, AppealView a) {
        return conversations.about(in.chat(), a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
    }
}
