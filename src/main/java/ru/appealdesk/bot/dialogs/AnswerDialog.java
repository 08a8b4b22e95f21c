package ru.appealdesk.bot.dialogs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardMessages;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.IncomingFiles;
import ru.appealdesk.bot.inbound.Refusals;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.AnswerTemplate;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AnswerDraft;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.AttachmentKind;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * The answer dialog: «Подготовить ответ» → type → (date for «Отложено») → «вариант решения» or own text → photos,
 * videos or documents → «Отправить на согласование» (→ how the applicant was told). The state lives in
 * {@link Conversation}; {@link Dialogs} hands over the texts and files that belong to it.
 */
@Component
public class AnswerDialog {

    private final ConversationRepository conversations;
    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final AttachmentStore files;
    private final Outbox outbox;
    private final CardMessages cardMessages;
    private final CardTexts texts;
    private final Refusals refusals;
    private final DraftCards draftCards;
    private final Directory directory;
    private final IncomingFiles incomingFiles;
    private final Clock clock;

    AnswerDialog(ConversationRepository conversations, AppealCommands appeals, AppealQueries queries,
            AttachmentStore files, Outbox outbox, CardMessages cardMessages, CardTexts texts, Refusals refusals, DraftCards draftCards, Directory directory,
            IncomingFiles incomingFiles, Clock clock) {
        this.conversations = conversations;
        this.appeals = appeals;
        this.queries = queries;
        this.files = files;
        this.outbox = outbox;
        this.cardMessages = cardMessages;
        this.texts = texts;
        this.refusals = refusals;
        this.draftCards = draftCards;
        this.directory = directory;
        this.incomingFiles = incomingFiles;
        this.clock = clock;
    }

    /** «Подготовить ответ»: the type card; a draft already being written is kept (a second tap is often a slip). */
    public void chooseType(Inbound in, AppealView a) {
        if (conversations.about(in.userId(), a).filter(c -> c.answerText() != null || !c.attachedFiles().isEmpty())
                .isPresent()) {
            reply(in, Words.ALREADY_IN_PREPARATION.text(Html.escape(a.number())));
            return;
        }
        draftCards.retire(in.chatId(), a.id());
        conversations.begin(in, State.CHOOSING_ANSWER_TYPE, a, clock.instant());
        show(in, a, AnswerCards.typeChoice(a, queries.postponableUntil(a).isPresent()), Card.Kind.ANSWER_TYPE);
    }

    public void typeChosen(Inbound in, AppealView a, String code) {
        AnswerType type = Optional.ofNullable(code).flatMap(AnswerDialog::typeOf)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "unknown answer type " + code));
        Conversation c = conversations.about(in.userId(), a)
                .orElseGet(() -> conversations.begin(in, State.CHOOSING_ANSWER_TYPE, a, clock.instant()));
        Optional<LocalDate> latest = type == AnswerType.POSTPONED ? queries.postponableUntil(a) : Optional.empty();
        if (type == AnswerType.POSTPONED && latest.isEmpty()) {
            // a stale type card, or one made before the limit passed: the aggregate says why
            queries.checkPostponement(a.id(), null);
        }
        c.chooseType(type);
        draftCards.retire(in.chatId(), a.id());
        if (type == AnswerType.POSTPONED) {
            c.moveTo(State.AWAITING_POSTPONE_DATE, clock.instant());
            String approval = a.postponeCount() == 0 ? ""
                    : Words.SECOND_POSTPONEMENT_APPROVAL.text(Html.escape(texts.secondaryApproverName()));
            reply(in, Words.ASK_POSTPONE_DATE.text(CardTexts.DATE.format(latest.get()), approval));
        } else {
            c.moveTo(State.AWAITING_ANSWER_TEXT, clock.instant());
            offerTemplates(in, a, type, Words.TYPE_CHOSEN.text(type.title()));
        }
    }

    /**
     * The «варианты решения» of {@code templates.yml} for this category and answer type as buttons, and «Свой
     * текст» (seed 000 п.1, 3, 6); a text message is the executor's own text either way.
     */
    private void offerTemplates(Inbound in, AppealView a, AnswerType type, String lead) {
        show(in, a, AnswerCards.templates(a, directory.templates(a.category(), type.name()), lead),
                Card.Kind.ANSWER_TYPE);
    }

    /**
     * A «вариант решения» pressed: its text, filled in from the appeal, becomes the draft; or «Свой текст». Only
     * before a draft exists: the draft retires the template card, whose presses {@link Presses} then refuses.
     */
    public String templateChosen(Inbound in, AppealView a, String choice) {
        Conversation c = conversations.about(in.userId(), a).filter(x -> x.state() == State.AWAITING_ANSWER_TEXT)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer being written"));
        if (AnswerCards.OWN_TEXT.equals(choice)) {
            reply(in, Words.ASK_OWN_TEXT.text());
            return Words.WAITING_FOR_TEXT_TOAST.text();
        }
        // a card of another answer type (the executor chose again) or a template gone from the configuration
        AnswerTemplate template = Optional.ofNullable(choice).flatMap(directory::template)
                .filter(t -> t.category().equals(a.category()) && t.type().equals(c.answerType().name()))
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "template " + choice + " does not fit"));
        String text = template.fill(a.number(), CardTexts.DATE.format(a.receivedAt()
                .atZone(directory.organization().timeZone()).toLocalDate()), a.address());
        if (text.length() > Dialogs.MAX_TEXT) {
            reply(in, Words.TEMPLATE_TOO_LONG.text(Dialogs.MAX_TEXT));
            return Words.TEMPLATE_TOO_LONG_TOAST.text();
        }
        c.answerFromTemplate(template.id(), text);
        c.moveTo(State.COLLECTING_ATTACHMENTS, clock.instant());
        showDraft(in, c, a, Words.TEMPLATE_FILLED.text(Html.escape(template.title())), text);
        return Words.TEMPLATE_FILLED_TOAST.text();
    }

    /**
     * «Отправить на согласование»; false when the applicant must be told the result first (seed 000 п.15): the
     * bot asks how, and the answer to that submits.
     */
    public boolean submit(Inbound in, AppealView a) {
        Conversation c = conversations.about(in.userId(), a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        boolean hasPhoto = c.attachedFiles().stream().anyMatch(f -> f.kind() == AttachmentKind.PHOTO);
        if (!a.photos().isEmpty() && !hasPhoto) {
            // said before the notification question, which would otherwise come first
            throw new TransitionRefused(Reason.PHOTOS_REQUIRED, "the answer needs photos");
        }
        if (!AnswerCards.proof(a).isEmpty() && c.attachedFiles().isEmpty()) {
            throw new TransitionRefused(Reason.PROOF_REQUIRED, "a fast-track answer needs its proof");
        }
        if (queries.applicantNoticeRequired(a) && c.applicantNotified() == null) {
            draftCards.retire(in.chatId(), a.id());
            show(in, a, AnswerCards.notifiedQuestion(a), Card.Kind.ANSWER_DRAFT);
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
        Conversation c = conversations.about(in.userId(), a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        c.applicantNotified(switch (how == null ? "" : how) {
            case "P" -> "PHONE";
            case "E" -> "EMAIL";
            default -> throw new TransitionRefused(Reason.STALE, "unknown notification " + how);
        });
        submit(in, a);
    }

    /** A text message while the answer is being prepared: the date, the answer's text, or a hint. */
    void text(Inbound in, Conversation c, String text) {
        switch (c.state()) {
            case CHOOSING_ANSWER_TYPE -> reply(in, Words.CHOOSE_TYPE_FIRST.text());
            case AWAITING_POSTPONE_DATE -> postponeDate(in, c, text);
            case AWAITING_ANSWER_TEXT, COLLECTING_ATTACHMENTS -> answerText(in, c, text);
            default -> throw new IllegalStateException("not an answer dialog: " + c.state());
        }
    }

    /** The confirmation of a file added to the answer being prepared. */
    void fileAdded(Inbound in, Conversation c, boolean album) {
        int count = c.attachedFiles().size();
        AppealView a = queries.find(c.appealId()).orElseThrow();
        draftCards.show(in, a, c.step(), Words.FILE_ADDED.text(Html.escape(a.number()), count), null, count, album);
    }

    /** «Убрать вложения»: the draft keeps its text and loses its files. */
    public void removeFiles(Inbound in, AppealView a) {
        Conversation c = conversations.about(in.userId(), a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        files.deleteDrafts(c.attachedFiles().stream().map(Conversation.AttachedFile::fileId).toList());
        c.clearAttachments();
        draftCards.show(in, a, c.step(), Words.FILES_REMOVED.text(Html.escape(a.number())), null, 0, false);
    }

    private void postponeDate(Inbound in, Conversation c, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, Dialogs.DATE_INPUT);
        } catch (DateTimeParseException e) {
            reply(in, Words.DATE_FORMAT.text(CardTexts.DATE.format(LocalDate.now(clock).plusDays(10))));
            return;
        }
        queries.checkPostponement(c.appealId(), date);
        c.postponeUntil(date);
        c.moveTo(State.AWAITING_ANSWER_TEXT, clock.instant());
        offerTemplates(in, queries.find(c.appealId()).orElseThrow(), AnswerType.POSTPONED,
                Words.POSTPONED_UNTIL.text(CardTexts.DATE.format(date)));
    }

    private void answerText(Inbound in, Conversation c, String text) {
        if (text.isBlank()) {
            reply(in, Html.escape(refusals.explain(new TransitionRefused(Reason.TEXT_REQUIRED, "blank"),
                    c.appealId(), in.staff())));
            return;
        }
        boolean replacing = c.state() == State.COLLECTING_ATTACHMENTS;
        c.answerText(text);
        c.moveTo(State.COLLECTING_ATTACHMENTS, clock.instant());
        AppealView a = queries.find(c.appealId()).orElseThrow();
        showDraft(in, c, a, (replacing ? Words.TEXT_UPDATED : Words.TEXT_SAVED).text(), text);
    }

    private void showDraft(Inbound in, Conversation c, AppealView a, String lead, String text) {
        draftCards.show(in, a, c.step(), AnswerCards.draftHeader(a, lead, c.answerType(), incomingFiles.accepted()),
                text, c.attachedFiles().size(), false);
    }

    private void show(Inbound in, AppealView a, Message card, Card.Kind kind) {
        cardMessages.send(in.chatId(), card.header(), card.body(), card.buttons(), Outbox.PRIORITY_REPLY, kind,
                a.id(), a.step());
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chatId(), html, Outbox.PRIORITY_REPLY);
    }

    private static Optional<AnswerType> typeOf(String code) {
        for (AnswerType t : AnswerType.values()) {
            if (AnswerCards.code(t).equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The answer dialog's questions, drafts and toasts (a toast ends in _TOAST). */
    enum Words implements Text {
        ALREADY_IN_PREPARATION,
        AGAIN,
        CHOOSE_TYPE,
        SECOND_POSTPONEMENT_APPROVAL,
        ASK_POSTPONE_DATE,
        TYPE_CHOSEN,
        OFFER_TEMPLATES,
        NO_TEMPLATES,
        ASK_OWN_TEXT,
        WAITING_FOR_TEXT_TOAST,
        TEMPLATE_TOO_LONG,
        TEMPLATE_TOO_LONG_TOAST,
        TEMPLATE_FILLED,
        TEMPLATE_FILLED_TOAST,
        ASK_APPLICANT_NOTIFIED,
        CHOOSE_TYPE_FIRST,
        FILE_ADDED,
        FILES_REMOVED,
        DATE_FORMAT,
        POSTPONED_UNTIL,
        TEXT_UPDATED,
        TEXT_SAVED,
        DRAFT,
        APPLICANT_PHOTOS,
        PROOF;

        @Override
        public String area() {
            return "bot.answer";
        }
    }
}
