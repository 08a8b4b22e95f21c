package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardMessages;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.IncomingFiles;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * Co-executors in the chat (PRODUCT.md §10): «Соисполнители» lists candidate executors, a press adds one; a
 * co-executor's «Передать материалы» asks for a text, then takes photos and documents, then «Отправить
 * ответственному». The materials dialog is not tied to the appeal's step: the responsible executor may move on
 * meanwhile.
 */
@Component
public class CoExecutorDialogs {

    private static final int MAX_CANDIDATES = 24;

    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final AppealAccess access;
    private final Directory directory;
    private final ConversationRepository conversations;
    private final CardMessages cardMessages;
    private final DraftCards draftCards;
    private final Outbox outbox;
    private final IncomingFiles incomingFiles;
    private final Clock clock;

    CoExecutorDialogs(AppealCommands appeals, AppealQueries queries, AppealAccess access, Directory directory,
                      ConversationRepository conversations, CardMessages cardMessages, DraftCards draftCards,
                      Outbox outbox, IncomingFiles incomingFiles, Clock clock) {
        this.appeals = appeals;
        this.queries = queries;
        this.access = access;
        this.directory = directory;
        this.conversations = conversations;
        this.cardMessages = cardMessages;
        this.draftCards = draftCards;
        this.outbox = outbox;
        this.incomingFiles = incomingFiles;
        this.clock = clock;
    }

    /** «Соисполнители»: one button per executor who could join — the category's first, then the department's. */
    public void chooseCoExecutor(Inbound in, AppealView a) {
        if (!access.mayAddCoExecutors(in.staff(), a)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, in.staff().id() + " may not add co-executors");
        }
        Set<StaffMember> ordered = new LinkedHashSet<>();
        directory.category(a.category()).map(directory::executorsFor).ifPresent(ordered::addAll);
        directory.allExecutors().stream().filter(s -> s.departmentId().equals(a.departmentId())).forEach(ordered::add);
        ordered.addAll(directory.allExecutors());
        List<StaffMember> candidates = ordered.stream().filter(s -> !s.id().equals(a.executorId()))
                .filter(s -> a.coExecutor(s.id()).isEmpty()).limit(MAX_CANDIDATES).toList();
        if (candidates.isEmpty()) {
            reply(in, Words.NOBODY_TO_ADD.text(Html.escape(a.number())));
            return;
        }
        Message card = CoExecutorCards.choice(a, candidates);
        cardMessages.send(in.chatId(), card.header(), card.body(), card.buttons(), Outbox.PRIORITY_REPLY,
                Card.Kind.CO_EXECUTOR_CHOICE, a.id(), a.step());
    }

    public void add(Inbound in, long appealId, String staffId) {
        AppealView a = queries.find(appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + appealId));
        if (!access.mayAddCoExecutors(in.staff(), a)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, in.staff().id() + " may not add co-executors");
        }
        appeals.addCoExecutor(appealId, in.staff().id(), staffId);
    }

    /** «Передать материалы»: the bot asks for the text first. */
    public void startMaterials(Inbound in, long appealId) {
        AppealView a = access.checkCoExecutor(appealId, in.staff());
        conversations.begin(in, State.AWAITING_MATERIALS_TEXT, a, clock.instant());
        reply(in, Words.ASK_TEXT.text(Html.escape(a.number()), Html.escape(name(a.executorId()))));
    }

    /** The text of the materials (again: it replaces the earlier text). */
    void text(Inbound in, Conversation c, String text) {
        if (text.isBlank()) {
            reply(in, Words.EMPTY_TEXT.text());
            return;
        }
        AppealView a = access.checkCoExecutor(c.appealId(), in.staff());
        c.answerText(text);
        c.moveTo(State.COLLECTING_MATERIALS, clock.instant());
        showDraft(in, a, Words.TEXT_SAVED.text(incomingFiles.accepted()),
                text, c.attachedFiles().size(), false);
    }

    /** The confirmation of a file added to the materials. */
    void fileAdded(Inbound in, Conversation c, boolean album) {
        AppealView a = access.checkCoExecutor(c.appealId(), in.staff());
        showDraft(in, a, Words.FILE_ADDED.text(Html.escape(a.number()), c.attachedFiles().size()), null,
                c.attachedFiles().size(), album);
    }

    /** «Отправить ответственному». */
    public void send(Inbound in, long appealId) {
        Conversation c = conversations.findById(in.userId())
                .filter(x -> x.state() == State.COLLECTING_MATERIALS && x.appealId() == appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no materials draft"));
        List<AppealView.Attachment> files = c.attachedFiles().stream()
                .map(f -> new AppealView.Attachment(f.fileId(), f.kind())).toList();
        AppealView a = access.checkCoExecutor(appealId, in.staff());
        // a substitute delivers in the name of the co-executor who is away
        String coExecutor = access.coExecutorActedFor(in.staff(), a).orElse(in.staff().id());
        appeals.deliverMaterials(appealId, coExecutor, c.answerText(), files);
        conversations.delete(c);
    }

    private void showDraft(Inbound in, AppealView a, String header, String body, int files, boolean album) {
        draftCards.show(in, a, 0, header, body, CoExecutorCards.materialsButtons(a), album, Card.Kind.MATERIALS_DRAFT);
    }

    private String name(String staffId) {
        return Optional.ofNullable(staffId).flatMap(directory::staff).map(StaffMember::shortName).orElse("—");
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chatId(), html, Outbox.PRIORITY_REPLY);
    }

    /** The words of the co-executors' dialogs. */
    enum Words implements Text {
        NOBODY_TO_ADD,
        CHOOSE,
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
