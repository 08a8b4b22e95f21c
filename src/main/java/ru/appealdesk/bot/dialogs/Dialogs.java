package ru.appealdesk.bot.dialogs;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.Refusals;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * Every text outside a command goes to the dialog waiting for it, found by the state of the sender's
 * {@link Conversation} (each state has one {@link DialogOwner}); a refusal is explained and, where the dialog can go
 * no further, ends it. {@code /cancel} drops the dialog.
 */
@Component
public class Dialogs {

    /** A date as staff type it, {@code ДД.ММ.ГГГГ}, checked strictly (31.02 is refused). */
    public static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    static final int MAX_TEXT = 4000;

    private final ConversationRepository conversations;
    private final Map<State, DialogOwner> owners = new EnumMap<>(State.class);
    private final DialogReplies replies;
    private final Refusals refusals;
    private final AttachmentStore files;
    private final DraftCards draftCards;

    Dialogs(ConversationRepository conversations, List<DialogOwner> owners, DialogReplies replies, Refusals refusals,
            AttachmentStore files, DraftCards draftCards) {
        this.conversations = conversations;
        for (DialogOwner owner : owners) {
            for (State state : owner.states()) {
                if (this.owners.put(state, owner) != null) {
                    throw new IllegalStateException("two dialogs own the state " + state);
                }
            }
        }
        for (State state : State.values()) {
            if (!this.owners.containsKey(state)) {
                throw new IllegalStateException("no dialog owns the state " + state);
            }
        }
        this.replies = replies;
        this.refusals = refusals;
        this.files = files;
        this.draftCards = draftCards;
    }

    /** A text message outside a command; false if no question is pending. */
    public boolean onText(Inbound in, String text) {
        Optional<Conversation> found = conversations.of(in.chat());
        if (found.isEmpty()) {
            return false;
        }
        Conversation c = found.get();
        if (text.length() > MAX_TEXT) {
            replies.text(in, Words.TOO_LONG.text(text.length(), MAX_TEXT));
            return true;
        }
        try {
            owners.get(c.state()).text(in, c, text);
        } catch (TransitionRefused refused) {
            if (refused.reason() == Reason.STALE || refused.reason() == Reason.WRONG_STATE
                    || refused.reason() == Reason.NOT_ALLOWED || refused.reason() == Reason.NOT_FOUND) {
                conversations.delete(c);
            }
            replies.text(in, Html.escape(refusals.explain(refused, c.appealId(), in.staff())));
        }
        return true;
    }

    /** Drops a pending question; false if there was none. */
    public boolean cancel(Inbound in) {
        Optional<Conversation> found = conversations.of(in.chat());
        found.ifPresent(c -> {
            files.deleteDrafts(c.attachedFiles().stream().map(Conversation.AttachedFile::fileId).toList());
            conversations.delete(c);
            draftCards.retire(in.chat(), c.appealId()); // the cancelled dialog's buttons go too
        });
        return found.isPresent();
    }

    /** What the router itself says. */
    enum Words implements Text {
        TOO_LONG;

        @Override
        public String area() {
            return "bot.dialogs";
        }
    }
}
