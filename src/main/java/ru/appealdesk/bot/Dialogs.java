package ru.appealdesk.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.Callback.Action;
import ru.appealdesk.bot.Conversation.State;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.workflow.AnswerDraft;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.AttachmentKind;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.Resolution;
import ru.appealdesk.workflow.TransitionRefused.Reason;
import ru.appealdesk.workflow.TransitionRefused;

/**
 * Free-text questions and the answer dialog: «Подготовить ответ» → type → (date for «Отложено») → text → photos
 * or documents → «Отправить на согласование». The state lives in {@link Conversation}.
 */
@Component
class Dialogs {

    private static final Logger log = LoggerFactory.getLogger(Dialogs.class);
    /** A date as staff type it, {@code ДД.ММ.ГГГГ}, checked strictly (31.02 is refused). */
    static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    static final int MAX_TEXT = 4000;
    private static final String OWN_TEXT = "-";

    private final ConversationRepository conversations;
    private final AppealService appeals;
    private final AttachmentStore files;
    private final Outbox outbox;
    private final CardMessages cardMessages;
    private final CardTexts texts;
    private final Refusals refusals;
    private final Clock clock;
    private final DraftCards draftCards;
    private final CoExecutorDialogs coExecutors;
    private final ru.appealdesk.directory.Directory directory;
    private final IncomingFiles incomingFiles;

    Dialogs(ConversationRepository conversations, AppealService appeals, AttachmentStore files,
            Outbox outbox, CardMessages cardMessages, CardTexts texts, Refusals refusals, Clock clock,
            DraftCards draftCards, CoExecutorDialogs coExecutors, ru.appealdesk.directory.Directory directory,
            IncomingFiles incomingFiles) {
        this.directory = directory;
        this.incomingFiles = incomingFiles;
        this.draftCards = draftCards;
        this.coExecutors = coExecutors;
        this.conversations = conversations;
        this.appeals = appeals;
        this.files = files;
        this.outbox = outbox;
        this.cardMessages = cardMessages;
        this.texts = texts;
        this.refusals = refusals;
        this.clock = clock;
    }

    void askReturnReason(Inbound in, AppealView a) {
        start(in, State.AWAITING_RETURN_REASON, a);
        reply(in, "↩️ Укажите причину возврата обращения № " + Html.escape(a.number())
                + " со ссылкой на нормативный правовой акт (НПА), по которому вопрос не относится к вашей "
                + "компетенции. Следующее ваше сообщение будет принято как причина. /cancel — отменить.");
    }

    void askReworkReason(Inbound in, AppealView a) {
        start(in, State.AWAITING_REWORK_REASON, a);
        reply(in, "🔁 Укажите, что нужно доработать в ответе по обращению № " + Html.escape(a.number())
                + ". Следующее ваше сообщение будет передано исполнителю. /cancel — отменить.");
    }

    void askQualityReturnReason(Inbound in, AppealView a) {
        start(in, State.AWAITING_QUALITY_RETURN_REASON, a);
        reply(in, "🔁 Укажите, почему согласованный ответ по обращению № " + Html.escape(a.number())
                + " нельзя разместить и что доработать. Следующее ваше сообщение будет передано исполнителю. "
                + "/cancel — отменить.");
    }

    void askRedirect(Inbound in, AppealView a) {
        start(in, State.AWAITING_REDIRECT_BASIS, a);
        reply(in, "↗️ Укажите, в какую организацию перенаправить обращение № " + Html.escape(a.number())
                + " и на каком основании (например: «В Министерство транспорта МО: содержание региональной дороги, "
                + "ст. 8 59-ФЗ»). /cancel — отменить.");
    }

    void askEditedAnswer(Inbound in, AppealView a) {
        start(in, State.AWAITING_EDITED_ANSWER, a);
        reply(in, "✏️ Пришлите исправленный текст ответа по обращению № " + Html.escape(a.number())
                + " одним сообщением: он заменит текст исполнителя (прежний сохранится в истории). "
                + "/cancel — отменить.");
    }

    /** «Закрыть без ответа»: threats or obscenity, or a duplicate (seed 004 п.21). */
    void chooseHowToClose(Inbound in, AppealView a) {
        List<List<Button>> keyboard = List.of(
                List.of(new Callback(Action.CLOSE_AS, a.id(), a.step(), "N").button("⚠️ Угрозы или оскорбления")),
                List.of(new Callback(Action.CLOSE_AS, a.id(), a.step(), "D").button("📑 Дубликат")));
        cardMessages.send(in.chatId(), "🚫 Обращение № " + Html.escape(a.number()) + " будет закрыто без ответа. "
                        + "Выберите основание:", null, keyboard, Outbox.PRIORITY_REPLY, Card.Kind.CLOSE_CHOICE, a.id(),
                a.step());
    }

    void askCloseComment(Inbound in, AppealView a, String how) {
        State state = switch (how == null ? "" : how) {
            case "N" -> State.AWAITING_NO_ANSWER_COMMENT;
            case "D" -> State.AWAITING_DUPLICATE_COMMENT;
            default -> throw new TransitionRefused(Reason.STALE, "unknown close option " + how);
        };
        start(in, state, a);
        reply(in, state == State.AWAITING_NO_ANSWER_COMMENT
                ? "⚠️ Опишите, какие угрозы или оскорбления содержит обращение № " + Html.escape(a.number())
                + " (ст. 11 59-ФЗ). Следующее ваше сообщение закроет обращение без ответа. /cancel — отменить."
                : "📑 Укажите номер обращения, дубликатом которого является № " + Html.escape(a.number())
                + ", и комментарий. Следующее ваше сообщение закроет обращение. /cancel — отменить.");
    }

    void chooseType(Inbound in, AppealView a) {
        start(in, State.CHOOSING_ANSWER_TYPE, a);
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
        AnswerType type = Optional.ofNullable(code).flatMap(Dialogs::typeOf)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "unknown answer type " + code));
        Conversation c = current(in, a).orElseGet(() -> start(in, State.CHOOSING_ANSWER_TYPE, a));
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
        List<ru.appealdesk.directory.AnswerTemplate> templates = directory.templates(a.category(), type.name());
        List<List<Button>> keyboard = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            keyboard.add(List.of(new Callback(Action.TEMPLATE, a.id(), a.step(), templates.get(i).id())
                    .button("📋 " + templates.get(i).title())));
        }
        keyboard.add(List.of(new Callback(Action.TEMPLATE, a.id(), a.step(), OWN_TEXT).button("✍️ Свой текст")));
        cardMessages.send(in.chatId(), lead + "\nПришлите текст ответа заявителю одним сообщением"
                + (templates.isEmpty() ? " (готовых вариантов решения для этой категории нет)."
                : " или выберите вариант решения — он будет подставлен в черновик:"), null, keyboard,
                Outbox.PRIORITY_REPLY, Card.Kind.ANSWER_TYPE, a.id(), a.step());
    }

    /** A «вариант решения» pressed: its text, filled in from the appeal, becomes the draft; or «Свой текст». */
    String templateChosen(Inbound in, AppealView a, String choice) {
        Conversation c = current(in, a).filter(x -> x.state() == State.AWAITING_ANSWER_TEXT
                        || x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer being written"));
        if (OWN_TEXT.equals(choice)) {
            reply(in, "✍️ Пришлите текст ответа заявителю одним сообщением" + (c.answerText() == null ? "."
                    : ": он заменит черновик."));
            return "Жду текст ответа";
        }
        // a card of another answer type (the executor chose again) or a template gone from the configuration
        ru.appealdesk.directory.AnswerTemplate template = Optional.ofNullable(choice).flatMap(directory::template)
                .filter(t -> t.category().equals(a.category()) && t.type().equals(c.answerType().name()))
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "template " + choice + " does not fit"));
        String text = template.fill(a.number(), CardTexts.DATE.format(a.receivedAt()
                .atZone(directory.organization().timeZone()).toLocalDate()), a.address());
        if (text.length() > MAX_TEXT) {
            reply(in, "С адресом этого обращения вариант решения длиннее " + MAX_TEXT + " символов. Пришлите свой "
                    + "текст ответа одним сообщением.");
            return "Вариант решения слишком длинный";
        }
        boolean replacing = c.state() == State.COLLECTING_ATTACHMENTS;
        c.answerFromTemplate(template.id(), text);
        c.moveTo(State.COLLECTING_ATTACHMENTS, clock.instant());
        showDraft(in, c, a, "📋 Вариант решения «" + Html.escape(template.title()) + "» подставлен"
                + (replacing ? " вместо прежнего текста" : "") + ". Отправьте ответ как есть или пришлите свой текст "
                + "одним сообщением — он заменит черновик.", text);
        return "Вариант решения подставлен";
    }

    /**
     * «Отправить на согласование»; false when the applicant must be told the result first (seed 000 п.15): the
     * bot asks how, and the answer to that submits.
     */
    boolean submit(Inbound in, AppealView a) {
        Conversation c = current(in, a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
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
                                    .button("📞 Уведомлён по телефону"),
                            new Callback(Action.NOTIFIED, a.id(), a.step(), "E").button("📧 Направлено на e-mail"))),
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
        Conversation c = current(in, a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        c.applicantNotified(switch (how == null ? "" : how) {
            case "P" -> "PHONE";
            case "E" -> "EMAIL";
            default -> throw new TransitionRefused(Reason.STALE, "unknown notification " + how);
        });
        submit(in, a);
    }

    /** «Нужна помощь» (seed 000 п.16): the bot asks what help is needed. */
    void askHelp(Inbound in, AppealView a) {
        if (conversations.findById(in.userId()).filter(c -> c.appealId() == a.id() && c.answerText() != null)
                .isPresent()) {
            // the answer being prepared is not thrown away for the question
            reply(in, "Сейчас готовится ответ по обращению № " + Html.escape(a.number()) + ". Отправьте его на "
                    + "согласование или отмените (/cancel), затем нажмите «Нужна помощь» ещё раз.");
            return;
        }
        start(in, State.AWAITING_HELP_TEXT, a);
        reply(in, "🆘 Опишите, с чем нужна помощь по обращению № " + Html.escape(a.number()) + ": что мешает "
                + "подготовить ответ и с кем уже связывались. Сообщение получат курирующий заместитель главы и "
                + "координаторы. /cancel — отменить.");
    }

    /** A text message outside a command; false if no question is pending. */
    boolean onText(Inbound in, String text) {
        Optional<Conversation> found = conversations.findById(in.userId());
        if (found.isEmpty()) {
            return false;
        }
        Conversation c = found.get();
        if (text.length() > MAX_TEXT) {
            reply(in, "Сообщение слишком длинное (" + text.length() + " символов). Сократите его до " + MAX_TEXT
                    + " символов и отправьте снова.");
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
                    reply(in, "🔁 Ответ возвращён исполнителю на доработку.");
                }
                case AWAITING_POSTPONE_DATE -> postponeDate(in, c, text.strip());
                case AWAITING_ANSWER_TEXT, COLLECTING_ATTACHMENTS -> answerText(in, c, text.strip());
                case CHOOSING_ANSWER_TYPE -> reply(in, "Сначала выберите тип ответа кнопкой выше.");
                case AWAITING_MATERIALS_TEXT, COLLECTING_MATERIALS -> coExecutors.text(in, c, text.strip());
                case AWAITING_HELP_TEXT -> {
                    appeals.requestHelp(c.appealId(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, "🆘 Запрос помощи отправлен заместителю главы и координаторам.");
                }
                case AWAITING_QUALITY_RETURN_REASON -> {
                    appeals.returnForQuality(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, "🔁 Ответ возвращён исполнителю на доработку.");
                }
                case AWAITING_REDIRECT_BASIS -> {
                    AppealView after = appeals.redirect(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, after.status() == AppealStatus.CLOSED ? "↗️ Обращение перенаправлено и закрыто."
                            : "↗️ Перенаправление отправлено на согласование модератору.");
                }
                case AWAITING_EDITED_ANSWER -> {
                    appeals.editAnswer(c.appealId(), c.step(), in.staff().id(), text);
                    conversations.delete(c);
                    reply(in, "✏️ Текст ответа изменён. Проверьте его в новой карточке и согласуйте.");
                }
                case AWAITING_NO_ANSWER_COMMENT, AWAITING_DUPLICATE_COMMENT -> {
                    Resolution how = c.state() == State.AWAITING_NO_ANSWER_COMMENT ? Resolution.NO_ANSWER
                            : Resolution.DUPLICATE;
                    appeals.closeWithoutAnswer(c.appealId(), c.step(), in.staff().id(), how, text);
                    conversations.delete(c);
                    reply(in, "🚫 Обращение закрыто: «" + Html.escape(how.title()) + "».");
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

    /** A photo or document; answers «not expected» outside the answer dialog. */
    /** A photo or document for the answer being prepared, already fetched by {@link IncomingFiles}. */
    void onFile(Inbound in, Optional<IncomingFiles.Download> prefetched) {
        Optional<Conversation> found = conversations.findById(in.userId())
                .filter(c -> c.state() == State.COLLECTING_ATTACHMENTS || c.state() == State.COLLECTING_MATERIALS);
        if (found.isEmpty() || prefetched.isEmpty()) {
            reply(in, "Сейчас я не жду файлов. Фото, видео и документы прикладываются к ответу (или к материалам "
                    + "соисполнителя) после ввода его текста.");
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
        int count = c.attachedFiles().size();
        AppealView a = appeals.find(c.appealId()).orElseThrow();
        draftCards.show(in, a, c.step(), "📎 Файл добавлен к ответу по обращению № " + Html.escape(a.number())
                + " (всего вложений: " + count + "). Пришлите ещё или нажмите «Отправить на согласование».", null,
                count, download.file().mediaGroupId() != null);
    }

    /** «Убрать вложения»: the draft keeps its text and loses its files. */
    void removeFiles(Inbound in, AppealView a) {
        Conversation c = current(in, a).filter(x -> x.state() == State.COLLECTING_ATTACHMENTS)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no answer draft"));
        files.deleteDrafts(c.attachedFiles().stream().map(Conversation.AttachedFile::fileId).toList());
        c.clearAttachments();
        draftCards.show(in, a, c.step(), "🗑 Вложения убраны из ответа по обращению № " + Html.escape(a.number())
                + ". Пришлите фото или документы заново либо нажмите «Отправить на согласование».", null, 0, false);
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
    boolean cancel(Inbound in) {
        Optional<Conversation> found = conversations.findById(in.userId());
        found.ifPresent(c -> {
            files.deleteDrafts(c.attachedFiles().stream().map(Conversation.AttachedFile::fileId).toList());
            conversations.delete(c);
        });
        return found.isPresent();
    }

    private void postponeDate(Inbound in, Conversation c, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, DATE_INPUT);
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
                + " Тип: «" + Html.escape(c.answerType().title()) + "».\nПришлите фото, видео или документы "
                + "(JPG, PNG, TIFF, MP4, MOV, PDF; файл — до 20 МБ), если нужно, и нажмите «Отправить на "
                + "согласование»." + photos + proof(a)
                + "\n\n<b>Черновик:</b>\n", text, c.attachedFiles().size(), false);
    }

    /** Seed 004 п.20: a fast-track answer of Инцидент Менеджмент carries its proof. */
    private static String proof(AppealView a) {
        return a.source() == ru.appealdesk.directory.Source.INCIDENT
                && a.priority() == ru.appealdesk.directory.Priority.FAST_TRACK
                ? "\n❗ «Решаемое» сообщение: приложите фото, видео или документ, подтверждающие решение." : "";
    }

    private Conversation start(Inbound in, State state, AppealView a) {
        Conversation c = conversations.findById(in.userId()).orElseGet(() -> new Conversation(in.userId(), in.chatId()));
        c.start(state, a.id(), a.step(), clock.instant());
        return conversations.save(c);
    }

    private Optional<Conversation> current(Inbound in, AppealView a) {
        return conversations.findById(in.userId()).filter(c -> c.appealId() == a.id() && c.step() == a.step());
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
