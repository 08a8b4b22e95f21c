package ru.appealdesk.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.Callback.Action;
import ru.appealdesk.bot.Conversation.State;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.AnswerTemplate;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.workflow.AnswerDraft;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealService;
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
class AnswerDialog {

    private static final String OWN_TEXT = "-";

    private final ConversationRepository conversations;
    private final AppealService appeals;
    private final AttachmentStore files;
    private final Outbox outbox;
    private final CardMessages cardMessages;
    private final CardTexts texts;
    private final Refusals refusals;
    private final DraftCards draftCards;
    private final Directory directory;
    private final IncomingFiles incomingFiles;
    private final Clock clock;

    AnswerDialog(ConversationRepository conversations, AppealService appeals, AttachmentStore files, Outbox outbox,
            CardMessages cardMessages, CardTexts texts, Refusals refusals, DraftCards draftCards, Directory directory,
            IncomingFiles incomingFiles, Clock clock) {
        this.conversations = conversations;
        this.appeals = appeals;
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
    void chooseType(Inbound in, AppealView a) {
        if (conversations.about(in.userId(), a).filter(c -> c.answerText() != null || !c.attachedFiles().isEmpty())
                .isPresent()) {
            reply(in, "✍️ Ответ по обращению № " + Html.escape(a.number()) + " уже готовится: черновик и его кнопки — "
                    + "в последнем сообщении. Чтобы начать заново (например, выбрать другой тип ответа), отправьте "
                    + "/cancel и нажмите «Подготовить ответ» ещё раз.");
            return;
        }
        draftCards.retire(in.chatId(), a.id());
        conversations.begin(in, State.CHOOSING_ANSWER_TYPE, a, clock.instant());
        // PRODUCT.md §9: the final answer after a postponement is «Решено», «Не решено» or «Отклонено»; a second
        // «Отложено» only where the secondary approver will agree it first (seed 000 п.14), never a third
        List<Button> second = new ArrayList<>(List.of(type(a, AnswerType.REJECTED, "🚫 ")));
        if (appeals.postponableUntil(a).isPresent()) {
            second.add(0, a.postponeCount() == 0 ? type(a, AnswerType.POSTPONED, "⏳ ")
                    : type(a, AnswerType.POSTPONED, "⏳ ", " повторно"));
        }
        List<List<Button>> keyboard = List.of(
                List.of(type(a, AnswerType.RESOLVED, "✅ "), type(a, AnswerType.NOT_RESOLVED, "⚠️ ")), second);
        cardMessages.send(in.chatId(), "✍️ Ответ по обращению № " + Html.escape(a.number()) + ": выберите тип ответа.",
                null, keyboard, Outbox.PRIORITY_REPLY, Card.Kind.ANSWER_TYPE, a.id(), a.step());
    }

    void typeChosen(Inbound in, AppealView a, String code) {
        AnswerType type = Optional.ofNullable(code).flatMap(AnswerDialog::typeOf)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "unknown answer type " + code));
        Conversation c = conversations.about(in.userId(), a)
                .orElseGet(() -> conversations.begin(in, State.CHOOSING_ANSWER_TYPE, a, clock.instant()));
        Optional<LocalDate> latest = type == AnswerType.POSTPONED ? appeals.postponableUntil(a) : Optional.empty();
        if (type == AnswerType.POSTPONED && latest.isEmpty()) {
            // a stale type card, or one made before the limit passed: the aggregate says why
            appeals.checkPostponement(a.id(), null);
        }
        c.chooseType(type);
        draftCards.retire(in.chatId(), a.id());
        if (type == AnswerType.POSTPONED) {
            c.moveTo(State.AWAITING_POSTPONE_DATE, clock.instant());
            String approval = a.postponeCount() == 0 ? "" : " Повторно отложенное решение сначала согласует "
                    + Html.escape(texts.secondaryApproverName()) + " (директор МКУ «МЦУР»).";
            reply(in, "⏳ До какой даты откладывается решение? Введите дату в формате ДД.ММ.ГГГГ, не позднее "
                    + CardTexts.DATE.format(latest.get()) + "." + approval);
        } else {
            c.moveTo(State.AWAITING_ANSWER_TEXT, clock.instant());
            offerTemplates(in, a, type, "Тип ответа: «" + type.title() + "».");
        }
    }

    /**
     * The «варианты решения» of {@code templates.yml} for this category and answer type as buttons, and «Свой
     * текст» (seed 000 п.1, 3, 6); a text message is the executor's own text either way.
     */
    private void offerTemplates(Inbound in, AppealView a, AnswerType type, String lead) {
        List<AnswerTemplate> templates = directory.templates(a.category(), type.name());
        List<List<Button>> keyboard = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            keyboard.add(List.of(new Callback(Action.TEMPLATE, a.id(), a.step(), templates.get(i).id())
                    .button("📋 " + templates.get(i).title())));
        }
        keyboard.add(List.of(new Callback(Action.TEMPLATE, a.id(), a.step(), OWN_TEXT).button(Buttons.OWN_TEXT.text())));
        cardMessages.send(in.chatId(), lead + "\nПришлите текст ответа заявителю одним сообщением"
                + (templates.isEmpty() ? " (готовых вариантов решения для этой категории нет)."
                : " или выберите вариант решения — он будет подставлен в черновик:"), null, keyboard,
                Outbox.PRIORITY_REPLY, Card.Kind.ANSWER_TYPE, a.id(), a.step());
    }

    /**
     * A «вариант решения» pressed: its text, filled in from the appeal, becomes the draft; or «Свой текст». Only
     * before a draft exists: the draft retires the template card, whose presses {@link Presses} then refuses.
     */
    String templateChosen(Inbound in, AppealView a, String choice) {
        Conversation c = conversations.about(in.userId(), a).filter(x -> x.state() == State.AWAITING_ANSWER_TEXT)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer being written"));
        if (OWN_TEXT.equals(choice)) {
            reply(in, "✍️ Пришлите текст ответа заявителю одним сообщением.");
            return "Жду текст ответа";
        }
        // a card of another answer type (the executor chose again) or a template gone from the configuration
        AnswerTemplate template = Optional.ofNullable(choice).flatMap(directory::template)
                .filter(t -> t.category().equals(a.category()) && t.type().equals(c.answerType().name()))
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "template " + choice + " does not fit"));
        String text = template.fill(a.number(), CardTexts.DATE.format(a.receivedAt()
                .atZone(directory.organization().timeZone()).toLocalDate()), a.address());
        if (text.length() > Dialogs.MAX_TEXT) {
            reply(in, "С адресом этого обращения вариант решения длиннее " + Dialogs.MAX_TEXT + " символов. "
                    + "Пришлите свой текст ответа одним сообщением.");
            return "Вариант решения слишком длинный";
        }
        c.answerFromTemplate(template.id(), text);
        c.moveTo(State.COLLECTING_ATTACHMENTS, clock.instant());
        showDraft(in, c, a, "📋 Вариант решения «" + Html.escape(template.title()) + "» подставлен. Отправьте ответ "
                + "как есть или пришлите свой текст одним сообщением — он заменит черновик.", text);
        return "Вариант решения подставлен";
    }

    /**
     * «Отправить на согласование»; false when the applicant must be told the result first (seed 000 п.15): the
     * bot asks how, and the answer to that submits.
     */
    boolean submit(Inbound in, AppealView a) {
        Conversation c = conversations.about(in.userId(), a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        boolean hasPhoto = c.attachedFiles().stream().anyMatch(f -> f.kind() == AttachmentKind.PHOTO);
        if (!a.photos().isEmpty() && !hasPhoto) {
            // said before the notification question, which would otherwise come first
            throw new TransitionRefused(Reason.PHOTOS_REQUIRED, "the answer needs photos");
        }
        if (!proof(a).isEmpty() && c.attachedFiles().isEmpty()) {
            throw new TransitionRefused(Reason.PROOF_REQUIRED, "a fast-track answer needs its proof");
        }
        if (appeals.applicantNoticeRequired(a) && c.applicantNotified() == null) {
            draftCards.retire(in.chatId(), a.id());
            cardMessages.send(in.chatId(), "📞 Заявитель уведомлён о результате рассмотрения обращения № "
                    + Html.escape(a.number()) + "? Перед согласованием исполнитель сообщает заявителю результат по "
                    + "телефону, а если он не отвечает — по электронной почте (п. 15 Порядка).", null,
                    List.of(List.of(new Callback(Action.NOTIFIED, a.id(), a.step(), "P")
                                    .button(Buttons.NOTIFIED_BY_PHONE.text()),
                            new Callback(Action.NOTIFIED, a.id(), a.step(), "E").button(Buttons.NOTIFIED_BY_EMAIL.text()))),
                    Outbox.PRIORITY_REPLY, Card.Kind.ANSWER_DRAFT, a.id(), a.step());
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
    void applicantNotified(Inbound in, AppealView a, String how) {
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
            case CHOOSING_ANSWER_TYPE -> reply(in, "Сначала выберите тип ответа кнопкой выше.");
            case AWAITING_POSTPONE_DATE -> postponeDate(in, c, text);
            case AWAITING_ANSWER_TEXT, COLLECTING_ATTACHMENTS -> answerText(in, c, text);
            default -> throw new IllegalStateException("not an answer dialog: " + c.state());
        }
    }

    /** The confirmation of a file added to the answer being prepared. */
    void fileAdded(Inbound in, Conversation c, boolean album) {
        int count = c.attachedFiles().size();
        AppealView a = appeals.find(c.appealId()).orElseThrow();
        draftCards.show(in, a, c.step(), "📎 Файл добавлен к ответу по обращению № " + Html.escape(a.number())
                + " (всего вложений: " + count + "). Пришлите ещё или нажмите «Отправить на согласование».", null,
                count, album);
    }

    /** «Убрать вложения»: the draft keeps its text and loses its files. */
    void removeFiles(Inbound in, AppealView a) {
        Conversation c = conversations.about(in.userId(), a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        files.deleteDrafts(c.attachedFiles().stream().map(Conversation.AttachedFile::fileId).toList());
        c.clearAttachments();
        draftCards.show(in, a, c.step(), "🗑 Вложения убраны из ответа по обращению № " + Html.escape(a.number())
                + ". Пришлите фото или документы заново либо нажмите «Отправить на согласование».", null, 0, false);
    }

    private void postponeDate(Inbound in, Conversation c, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, Dialogs.DATE_INPUT);
        } catch (DateTimeParseException e) {
            reply(in, "Дата должна быть в формате ДД.ММ.ГГГГ, например "
                    + CardTexts.DATE.format(LocalDate.now(clock).plusDays(10)) + ". Введите дату ещё раз.");
            return;
        }
        appeals.checkPostponement(c.appealId(), date);
        c.postponeUntil(date);
        c.moveTo(State.AWAITING_ANSWER_TEXT, clock.instant());
        offerTemplates(in, appeals.find(c.appealId()).orElseThrow(), AnswerType.POSTPONED,
                "Решение откладывается до " + CardTexts.DATE.format(date) + ".");
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
        AppealView a = appeals.find(c.appealId()).orElseThrow();
        showDraft(in, c, a, replacing ? "Текст ответа обновлён." : "Текст ответа сохранён.", text);
    }

    private void showDraft(Inbound in, Conversation c, AppealView a, String lead, String text) {
        String photos = a.photos().isEmpty() ? "" : "\n❗ Заявитель приложил фото (" + a.photos().size()
                + "): ответ должен содержать фото с того же ракурса.";
        draftCards.show(in, a, c.step(), lead
                + " Тип: «" + Html.escape(c.answerType().title()) + "».\nПришлите фото, видео или документы ("
                + incomingFiles.accepted() + "), если нужно, и нажмите «Отправить на согласование»." + photos
                + proof(a)
                + "\n\n<b>Черновик:</b>\n", text, c.attachedFiles().size(), false);
    }

    /** Seed 004 п.20: a fast-track answer of Инцидент Менеджмент carries its proof. */
    private static String proof(AppealView a) {
        return a.source() == Source.INCIDENT && a.priority() == Priority.FAST_TRACK
                ? "\n❗ «Решаемое» сообщение: приложите фото, видео или документ, подтверждающие решение." : "";
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chatId(), html, Outbox.PRIORITY_REPLY);
    }

    private static Button type(AppealView a, AnswerType type, String emoji) {
        return type(a, type, emoji, "");
    }

    private static Button type(AppealView a, AnswerType type, String emoji, String suffix) {
        return new Callback(Action.ANSWER_TYPE, a.id(), a.step(), type.name().substring(0, 1) + type.ordinal())
                .button(emoji + type.title() + suffix);
    }

    private static Optional<AnswerType> typeOf(String code) {
        for (AnswerType t : AnswerType.values()) {
            if ((t.name().substring(0, 1) + t.ordinal()).equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
