package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.IncomingFiles;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealView;

/**
 * A co-executor's «Передать материалы» (PRODUCT.md §10): the bot asks for a text, then takes photos and documents
 * until «Отправить ответственному» ({@link MaterialsDelivery}). Not tied to the appeal's step: the responsible
 * executor may move on meanwhile. Owns the states of waiting for the text and collecting the materials.
 */
@Component
public class MaterialsDialog implements DialogOwner {

    private final AppealAccess access;
    private final Directory directory;
    private final ConversationRepository conversations;
    private final DraftCards draftCards;
    private final DialogReplies replies;
    private final IncomingFiles incomingFiles;
    private final Clock clock;

    MaterialsDialog(AppealAccess access, Directory directory, ConversationRepository conversations,
                    DraftCards draftCards, DialogReplies replies, IncomingFiles incomingFiles, Clock clock) {
        this.access = access;
        this.directory = directory;
        this.conversations = conversations;
        this.draftCards = draftCards;
        this.replies = replies;
        this.incomingFiles = incomingFiles;
        this.clock = clock;
    }

    /** «Передать материалы»: the bot asks for the text first. */
    public void startMaterials(Inbound in, long appealId) {
        AppealView a = access.checkCoExecutor(appealId, in.staff());
        conversations.begin(in, State.AWAITING_MATERIALS_TEXT, a, clock.instant());
        replies.text(in, Words.ASK_TEXT.text(Html.escape(a.number()), Html.escape(name(a.executorId()))));
    }

    @Override
    public Set<State> states() {
        return EnumSet.of(State.AWAITING_MATERIALS_TEXT, State.COLLECTING_MATERIALS);
    }

    /** The text of the materials (again: it replaces the earlier text). */
    @Override
    public void text(Inbound in, Conversation c, String typed) {
        String text = typed.strip();
        if (text.isBlank()) {
            replies.text(in, Words.EMPTY_TEXT.text());
            return;
        }
        AppealView a = access.checkCoExecutor(c.appealId(), in.staff());
        c.answerText(text);
        c.moveTo(State.COLLECTING_MATERIALS, clock.instant());
        showDraft(in, a, Words.TEXT_SAVED.text(incomingFiles.accepted()), text, false);
    }

    /** The confirmation of a file added to the materials. */
    void fileAdded(Inbound in, Conversation c, boolean album) {
        AppealView a = access.checkCoExecutor(c.appealId(), in.staff());
        showDraft(in, a, Words.FILE_ADDED.text(Html.escape(a.number()), c.attachedFiles().size()), null, album);
    }

    private void showDraft(Inbound in, AppealView a, String header, String body, boolean album) {
        draftCards.show(in, a, 0, header, body, CoExecutorCards.materialsButtons(a), album, Card.Kind.MATERIALS_DRAFT);
    }

    private String name(String staffId) {
        return Optional.ofNullable(staffId).flatMap(directory::staff).map(StaffMember::shortName).orElse("—");
    }

    /** The materials dialog's question and confirmations. */
    enum Words implements Text {
        ASK_TEXT,
        EMPTY_TEXT,
        TEXT_SAVED,
        FILE_ADDED;

        @Override
        public String area() {
            return "bot.co-executors";
        }
    }
}
