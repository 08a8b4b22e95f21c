package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.Refusals;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * The answer's draft: its own text (again: it replaces the text), then photos, videos or documents, and «Убрать
 * вложения». Owns the states of waiting for the text and collecting the attachments.
 */
@Component
public class AnswerDraftDialog implements DialogOwner {

    private final ConversationRepository conversations;
    private final AppealQueries queries;
    private final AttachmentStore files;
    private final DraftCards draftCards;
    private final DialogReplies replies;
    private final Refusals refusals;
    private final Clock clock;

    AnswerDraftDialog(ConversationRepository conversations, AppealQueries queries, AttachmentStore files,
                      DraftCards draftCards, DialogReplies replies, Refusals refusals, Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.files = files;
        this.draftCards = draftCards;
        this.replies = replies;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    public Set<State> states() {
        return EnumSet.of(State.AWAITING_ANSWER_TEXT, State.COLLECTING_ATTACHMENTS);
    }

    /** The answer's text. */
    @Override
    public void text(Inbound in, Conversation c, String typed) {
        String text = typed.strip();
        if (text.isBlank()) {
            replies.text(in, Html.escape(refusals.explain(new TransitionRefused(Reason.TEXT_REQUIRED, "blank"),
                    c.appealId(), in.staff())));
            return;
        }
        boolean replacing = c.state() == State.COLLECTING_ATTACHMENTS;
        c.answerText(text);
        c.moveTo(State.COLLECTING_ATTACHMENTS, clock.instant());
        AppealView a = queries.find(c.appealId()).orElseThrow();
        draftCards.showAnswer(in, c, a, (replacing ? Words.TEXT_UPDATED : Words.TEXT_SAVED).text(), text);
    }

    /** The confirmation of a file added to the answer being prepared. */
    void fileAdded(Inbound in, Conversation c, boolean album) {
        int count = c.attachedFiles().size();
        AppealView a = queries.find(c.appealId()).orElseThrow();
        draftCards.show(in, a, c.step(), Words.FILE_ADDED.text(Html.escape(a.number()), count), null, count, album);
    }

    /** «Убрать вложения»: the draft keeps its text and loses its files. */
    public void removeFiles(Inbound in, AppealView a) {
        Conversation c = conversations.about(in.chat(), a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        files.deleteDrafts(c.attachedFiles().stream().map(Conversation.AttachedFile::fileId).toList());
        c.clearAttachments();
        draftCards.show(in, a, c.step(), Words.FILES_REMOVED.text(Html.escape(a.number())), null, 0, false);
    }

    /** The draft's confirmations. */
    enum Words implements Text {
        FILE_ADDED,
        FILES_REMOVED,
        TEXT_UPDATED,
        TEXT_SAVED;

        @Override
        public String area() {
            return "bot.answer";
        }
    }
}
