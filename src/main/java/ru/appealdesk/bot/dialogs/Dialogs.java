package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardMessages;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.IncomingFiles;
import ru.appealdesk.bot.inbound.Refusals;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.AttachmentKind;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.FileTypes;
import ru.appealdesk.workflow.Resolution;
import ru.appealdesk.workflow.TransitionRefused.Reason;
import ru.appealdesk.workflow.TransitionRefused;

/**
 * The questions the bot asks in free text (a reason, a basis, a comment, a request for help) and the routing of
 * every text and file to the dialog waiting for it: the answer ({@link AnswerDialog}) or a co-executor's materials
 * ({@link CoExecutorDialogs}). The state lives in {@link Conversation}.
 */
@Component
public class Dialogs {

    /** A date as staff type it, {@code ДД.ММ.ГГГГ}, checked strictly (31.02 is refused). */
    public static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    static final int MAX_TEXT = 4000;

    private final ConversationRepository conversations;
    private final AppealCommands appeals;
    private final AttachmentStore files;
    private final Outbox outbox;
    private final CardMessages cardMessages;
    private final Refusals refusals;
    private final AnswerDialog answers;
    private final CoExecutorDialogs coExecutors;
    private final IncomingFiles incomingFiles;
    private final DraftCards draftCards;
    private final Clock clock;

    Dialogs(ConversationRepository conversations, AppealCommands appeals, AttachmentStore files, Outbox outbox,
            CardMessages cardMessages, Refusals refusals, AnswerDialog answers, CoExecutorDialogs coExecutors,
            IncomingFiles incomingFiles, DraftCards draftCards, Clock clock) {
        this.draftCards = draftCards;
        this.conversations = conversations;
        this.appeals = appeals;
        this.files = files;
        this.outbox = outbox;
        this.cardMessages = cardMessages;
        this.refusals = refusals;
        this.answers = answers;
        this.coExecutors = coExecutors;
        this.incomingFiles = incomingFiles;
        this.clock = clock;
    }

    public void askReturnReason(Inbound in, AppealView a) {
        start(in, State.AWAITING_RETURN_REASON, a);
        reply(in, Words.ASK_RETURN_REASON.text(Html.escape(a.number())));
    }

    public void askReworkReason(Inbound in, AppealView a) {
        start(in, State.AWAITING_REWORK_REASON, a);
        reply(in, Words.ASK_REWORK_REASON.text(Html.escape(a.number())));
    }

    public void askQualityReturnReason(Inbound in, AppealView a) {
        start(in, State.AWAITING_QUALITY_RETURN_REASON, a);
        reply(in, Words.ASK_QUALITY_RETURN_REASON.text(Html.escape(a.number())));
    }

    public void askRedirect(Inbound in, AppealView a) {
        start(in, State.AWAITING_REDIRECT_BASIS, a);
        reply(in, Words.ASK_REDIRECT_BASIS.text(Html.escape(a.number())));
    }

    public void askEditedAnswer(Inbound in, AppealView a) {
        start(in, State.AWAITING_EDITED_ANSWER, a);
        reply(in, Words.ASK_EDITED_ANSWER.text(Html.escape(a.number())));
    }

    /** «Закрыть без ответа»: threats or obscenity, or a duplicate (seed 004 п.21). */
    public void chooseHowToClose(Inbound in, AppealView a) {
        List<List<Button>> keyboard = List.of(
                List.of(new Callback(Action.CLOSE_AS, a.id(), a.step(), "N").button(Buttons.THREATS.text())),
                List.of(new Callback(Action.CLOSE_AS, a.id(), a.step(), "D").button(Buttons.DUPLICATE.text())));
        cardMessages.send(in.chatId(), Words.CHOOSE_HOW_TO_CLOSE.text(Html.escape(a.number())), null, keyboard,
                Outbox.PRIORITY_REPLY, Card.Kind.CLOSE_CHOICE, a.id(), a.step());
    }

    public void askCloseComment(Inbound in, AppealView a, String how) {
        State state = switch (how == null ? "" : how) {
            case "N" -> State.AWAITING_NO_ANSWER_COMMENT;
            case "D" -> State.AWAITING_DUPLICATE_COMMENT;
            default -> throw new TransitionRefused(Reason.STALE, "unknown close option " + how);
        };
        start(in, state, a);
        reply(in, (state == State.AWAITING_NO_ANSWER_COMMENT ? Words.ASK_NO_ANSWER_COMMENT : Words.ASK_DUPLICATE_COMMENT)
                .text(Html.escape(a.number())));
    }

    /** «Нужна помощь» (seed 000 п.16): the bot asks what help is needed. */
    public void askHelp(Inbound in, AppealView a) {
        if (conversations.findById(in.userId()).filter(c -> c.appealId() == a.id() && c.answerText() != null)
                .isPresent()) {
            // the answer being prepared is not thrown away for the question
            reply(in, Words.ANSWER_IN_PREPARATION.text(Html.escape(a.number())));
            return;
        }
        start(in, State.AWAITING_HELP_TEXT, a);
        reply(in, Words.ASK_HELP.text(Html.escape(a.number())));
    }

    /** A text message outside a command; false if no question is pending. */
    public boolean onText(Inbound in, String text) {
        Optional<Conversation> found = conversations.findById(in.userId());
        if (found.isEmpty()) {
            return false;
        }
        Conversation c = found.get();
        if (text.length() > MAX_TEXT) {
            reply(in, Words.TOO_LONG.text(text.length(), MAX_TEXT));
            return true;
        }
        try {
            switch (c.state()) {
                case AWAITING_RETURN_REASON -> {
                    appeals.returnToCoordinators(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                }
                case AWAITING_REWORK_REASON -> {
                    appeals.sendToRework(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, Words.SENT_TO_REWORK.text());
                }
                case CHOOSING_ANSWER_TYPE, AWAITING_POSTPONE_DATE, AWAITING_ANSWER_TEXT, COLLECTING_ATTACHMENTS ->
                        answers.text(in, c, text.strip());
                case AWAITING_MATERIALS_TEXT, COLLECTING_MATERIALS -> coExecutors.text(in, c, text.strip());
                case AWAITING_HELP_TEXT -> {
                    appeals.requestHelp(c.appealId(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, Words.HELP_REQUESTED.text());
                }
                case AWAITING_QUALITY_RETURN_REASON -> {
                    appeals.returnForQuality(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, Words.SENT_TO_REWORK.text());
                }
                case AWAITING_REDIRECT_BASIS -> {
                    AppealView after = appeals.redirect(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, (after.status() == AppealStatus.CLOSED ? Words.REDIRECTED_AND_CLOSED
                            : Words.REDIRECT_FOR_REVIEW).text());
                }
                case AWAITING_EDITED_ANSWER -> {
                    appeals.editAnswer(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, Words.ANSWER_EDITED.text());
                }
                case AWAITING_NO_ANSWER_COMMENT, AWAITING_DUPLICATE_COMMENT -> {
                    Resolution how = c.state() == State.AWAITING_NO_ANSWER_COMMENT ? Resolution.NO_ANSWER
                            : Resolution.DUPLICATE;
                    appeals.closeWithoutAnswer(c.appealId(), c.step(), in.staff().id(), how, text);
                    conversations.delete(c);
                    reply(in, Words.CLOSED_WITHOUT_ANSWER.text(Html.escape(how.title())));
                }
            }
        } catch (TransitionRefused refused) {
            if (refused.reason() == Reason.STALE || refused.reason() == Reason.WRONG_STATE
                    || refused.reason() == Reason.NOT_ALLOWED || refused.reason() == Reason.NOT_FOUND) {
                conversations.delete(c);
            }
            reply(in, Html.escape(refusals.explain(refused, c.appealId(), in.staff())));
        }
        return true;
    }

    /**
     * A photo, video or document, already fetched by {@link IncomingFiles}, for the answer or the materials being
     * prepared; «not expected» outside those dialogs.
     */
    public void onFile(Inbound in, Optional<IncomingFiles.Download> prefetched) {
        Optional<Conversation> found = conversations.findById(in.userId())
                .filter(c -> c.state() == State.COLLECTING_ATTACHMENTS || c.state() == State.COLLECTING_MATERIALS);
        if (found.isEmpty() || prefetched.isEmpty()) {
            reply(in, Words.NO_FILES_EXPECTED.text());
            return;
        }
        IncomingFiles.Download download = prefetched.get();
        if (download.refusal() != null) {
            reply(in, download.refusal());
            return;
        }
        Conversation c = found.get();
        long used = c.attachedFiles().stream().mapToLong(Conversation.AttachedFile::sizeBytes).sum();
        if (used + download.content().length > incomingFiles.maxAnswerBytes()) {
            reply(in, incomingFiles.tooLarge());
            return;
        }
        AttachmentKind kind = FileTypes.isImage(download.mimeType()) ? AttachmentKind.PHOTO
                : FileTypes.isVideo(download.mimeType()) ? AttachmentKind.VIDEO : AttachmentKind.DOCUMENT;
        String name = nameFor(download.file().name(), download.mimeType());
        AttachmentStore.FileInfo stored = files.store(kind, name, download.mimeType(), download.content(),
                download.file().telegramRef());
        c.attach(new Conversation.AttachedFile(kind, stored.id(), download.file().telegramRef(),
                download.content().length));
        if (c.state() == State.COLLECTING_MATERIALS) {
            coExecutors.fileAdded(in, c, download.file().mediaGroupId() != null);
            return;
        }
        answers.fileAdded(in, c, download.file().mediaGroupId() != null);
    }

    /** The sender's file name, with the extension of what the file really is. */
    private static String nameFor(String name, String mimeType) {
        String extension = FileTypes.extension(mimeType);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean fits = lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"))
                || (extension.equals(".mov") && lower.endsWith(".qt"))
                || (extension.equals(".tif") && lower.endsWith(".tiff"));
        String base = name.length() > 200 ? name.substring(0, 200) : name;
        return fits ? base : base + extension;
    }

    /** Drops a pending question; false if there was none. */
    public boolean cancel(Inbound in) {
        Optional<Conversation> found = conversations.findById(in.userId());
        found.ifPresent(c -> {
            files.deleteDrafts(c.attachedFiles().stream().map(Conversation.AttachedFile::fileId).toList());
            conversations.delete(c);
            draftCards.retire(in.chatId(), c.appealId()); // the cancelled dialog's buttons go too
        });
        return found.isPresent();
    }

    private void start(Inbound in, State state, AppealView a) {
        conversations.begin(in, state, a, clock.instant());
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chatId(), html, Outbox.PRIORITY_REPLY);
    }

    /** The questions of the free-text dialogs and their replies. */
    enum Words implements Text {
        ASK_RETURN_REASON,
        ASK_REWORK_REASON,
        ASK_QUALITY_RETURN_REASON,
        ASK_REDIRECT_BASIS,
        ASK_EDITED_ANSWER,
        CHOOSE_HOW_TO_CLOSE,
        ASK_NO_ANSWER_COMMENT,
        ASK_DUPLICATE_COMMENT,
        ANSWER_IN_PREPARATION,
        ASK_HELP,
        TOO_LONG,
        SENT_TO_REWORK,
        HELP_REQUESTED,
        REDIRECTED_AND_CLOSED,
        REDIRECT_FOR_REVIEW,
        ANSWER_EDITED,
        CLOSED_WITHOUT_ANSWER,
        NO_FILES_EXPECTED;

        @Override
        public String area() {
            return "bot.dialogs";
        }
    }
}
