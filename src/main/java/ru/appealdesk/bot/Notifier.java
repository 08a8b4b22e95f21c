package ru.appealdesk.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.Callback.Action;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.sla.Alerts.PostponedReassignDue;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealEvents.AnswerApproved;
import ru.appealdesk.workflow.AppealEvents.AnswerEdited;
import ru.appealdesk.workflow.AppealEvents.AnswerPreApproved;
import ru.appealdesk.workflow.AppealEvents.AnswerSentToRework;
import ru.appealdesk.workflow.AppealEvents.AnswerSubmitted;
import ru.appealdesk.workflow.AppealEvents.AppealAccepted;
import ru.appealdesk.workflow.AppealEvents.AppealAssigned;
import ru.appealdesk.workflow.AppealEvents.AppealClosed;
import ru.appealdesk.workflow.AppealEvents.AppealEvent;
import ru.appealdesk.workflow.AppealEvents.AppealRegistered;
import ru.appealdesk.workflow.AppealEvents.AppealReleased;
import ru.appealdesk.workflow.AppealEvents.AppealPostponed;
import ru.appealdesk.workflow.AppealEvents.AppealReopened;
import ru.appealdesk.workflow.AppealEvents.CoExecutorAdded;
import ru.appealdesk.workflow.AppealEvents.HelpRequested;
import ru.appealdesk.workflow.AppealEvents.ReviewDelegated;
import ru.appealdesk.workflow.AppealEvents.AbsenceHandled;
import ru.appealdesk.workflow.AppealEvents.AppealSubstituted;
import ru.appealdesk.workflow.AppealEvents.MaterialsDelivered;
import ru.appealdesk.workflow.AppealEvents.PostponedReassigned;
import ru.appealdesk.workflow.AppealEvents.RedirectRejected;
import ru.appealdesk.workflow.AppealEvents.RedirectRequested;
import ru.appealdesk.workflow.AppealEvents.AppealReturned;
import ru.appealdesk.workflow.AppealEvents.ReturnRejected;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Approvers;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.Resolution;

/**
 * Turns workflow events into messages, inside the transaction of the change: closes the cards of the step that
 * ended (saying what happened and who acted) and sends the cards of the step that began.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Directory directory;
    private final StaffAccounts accounts;
    private final CardRepository cards;
    private final Outbox outbox;
    private final AppealAccess access;
    private final CardMessages cardMessages;
    private final CardTexts texts;
    private final AttachmentStore files;
    private final WorkingTime workingTime;
    private final java.time.Clock clock;
    private final Approvers approvers;
    private final AppealService appeals;
    private final Recipients recipients;
    private final ru.appealdesk.directory.Absences absences;

    Notifier(Directory directory, StaffAccounts accounts, CardRepository cards, Outbox outbox,
             CardMessages cardMessages, AppealAccess access,
             CardTexts texts, AttachmentStore files, WorkingTime workingTime, java.time.Clock clock,
             Approvers approvers, AppealService appeals, Recipients recipients,
             ru.appealdesk.directory.Absences absences) {
        this.recipients = recipients;
        this.absences = absences;
        this.approvers = approvers;
        this.appeals = appeals;
        this.workingTime = workingTime;
        this.clock = clock;
        this.directory = directory;
        this.accounts = accounts;
        this.cards = cards;
        this.outbox = outbox;
        this.access = access;
        this.cardMessages = cardMessages;
        this.texts = texts;
        this.files = files;
    }

    @EventListener
    void on(AppealRegistered e) {
        AppealView a = appeal(e);
        if (!e.routed()) {
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> unroutedCard(a, c));
        }
        if (a.sociallySignificant()) {
            // seed 002 п.11, seed 004 п.25: a socially significant appeal goes to the head at once
            directory.withRole(Role.HEAD).forEach(head -> chatOf(head.id()).ifPresent(chat -> card(a, chat,
                    texts.header("❗ <b>Социально значимое обращение</b>", a, false), "Текст обращения:\n" + a.text(),
                    List.of(List.of(Callback.of(Action.OPEN, a.id(), a.step()).button("📄 Открыть"))),
                    Outbox.PRIORITY_CARD, null, a.id(), a.step())));
        }
    }

    @EventListener
    void on(AppealAssigned e) {
        AppealView a = appeal(e);
        if (!e.atRegistration()) {
            closeCards(a, "➡️ Назначено исполнителю " + texts.name(e.executorId())
                    + (e.byStaffId() == null ? "" : " (" + texts.name(e.byStaffId()) + ")"));
        }
        if (e.previousExecutorId() != null && !e.previousExecutorId().equals(e.executorId())) {
            tell(e.previousExecutorId(), "ℹ️ Обращение № " + Html.escape(a.number())
                    + " передано другому исполнителю: " + Html.escape(texts.name(e.executorId())) + ".");
        }
        executorCard(a);
    }

    @EventListener
    void on(AppealAccepted e) {
        AppealView a = appeal(e);
        Runnable notify = () -> {
            closeCards(a, e.automatic() ? "⏱ Принято в работу автоматически" : "✅ Принято в работу");
            String title = e.automatic()
                    ? "⏱ Срок на возврат истёк: обращение принято в работу автоматически и закреплено за вами."
                    : "✅ Вы приняли обращение в работу.";
            acceptedCard(a, title);
        };
        if (e.automatic()) {
            outbox.notBefore(quietUntil(a), notify);
        } else {
            notify.run();
        }
    }

    @EventListener
    void on(AppealReleased e) {
        AppealView a = appeal(e);
        outbox.notBefore(quietUntil(a), () -> {
            closeCards(a, "⏱ Не принято в работу до установленного времени — передано координаторам");
            tell(e.executorId(), "⏱ Обращение № " + Html.escape(a.number()) + " не было принято в работу до "
                    + "установленного времени и передано координаторам для назначения.");
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> unroutedCard(a, c));
        });
    }

    /** System-initiated messages wait for working time, except for HIGH priority appeals. */
    private java.time.Instant quietUntil(AppealView a) {
        java.time.Instant now = clock.instant();
        return a.priority() == ru.appealdesk.directory.Priority.HIGH ? now : workingTime.nextWorkingInstant(now);
    }

    @EventListener
    void on(AppealReturned e) {
        AppealView a = appeal(e);
        closeCards(a, "↩️ Возвращено координатору");
        tell(e.executorId(), "↩️ Обращение № " + Html.escape(a.number())
                + " возвращено координатору. Причина передана.");
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> returnedCard(a, c, e.reason()));
    }

    @EventListener
    void on(ReturnRejected e) {
        AppealView a = appeal(e);
        closeCards(a, "❌ Возврат отклонён (" + texts.name(e.coordinatorId()) + ")");
        acceptedCard(a, "❌ Координатор " + Html.escape(texts.name(e.coordinatorId()))
                + " отклонил возврат: обращение остаётся за вами и находится в работе.");
    }

    @EventListener
    void on(AnswerSubmitted e) {
        AppealView a = appeal(e);
        closeCards(a, "📨 Ответ отправлен на согласование");
        tell(e.executorId(), "📨 Ответ по обращению № " + Html.escape(a.number())
                + " отправлен на согласование.");
        recipients.distinct(approvers.of(a)).forEach(m -> reviewCard(a, m));
    }

    @EventListener
    void on(AppealPostponed e) {
        AppealView a = appeal(e);
        closeCards(a, "📌 Размещён ответ «Отложено» (" + texts.name(e.coordinatorId()) + ")");
        postponedCard(a);
    }

    @EventListener
    void on(CoExecutorAdded e) {
        AppealView a = e.appeal();
        coExecutorCard(a, e.staffId());
        if (a.executorId() != null && !a.executorId().equals(e.byStaffId())) {
            tell(a.executorId(), "👥 К обращению № " + Html.escape(a.number()) + " привлечён соисполнитель "
                    + Html.escape(texts.name(e.staffId())) + " (срок передачи материалов — " + texts.time(e.dueAt())
                    + "). Его материалы придут вам в этот чат.");
        }
    }

    /** «Вы соисполнитель»: the appeal, the co-executor's own deadline and «Передать материалы». */
    private void coExecutorCard(AppealView a, String staffId) {
        a.coExecutor(staffId).ifPresent(co -> chatOf(staffId).ifPresent(chat -> {
            applicantPhotos(a, chat);
            String delivered = co.deliveredAt() == null ? "" : "\nМатериалы уже переданы " + texts.time(co.deliveredAt())
                    + "; новая передача заменит текст и добавит файлы.";
            card(a, chat, texts.header("👥 <b>Вы соисполнитель</b>", a, false) + "Ваш срок: "
                            + Html.bold(texts.time(co.dueAt())) + " (" + texts.left(co.dueAt()) + ")\n",
                    "Ответственный исполнитель — " + texts.name(a.executorId()) + ": передайте ему материалы "
                            + "(что сделано, фото и документы)." + delivered + "\n\nТекст обращения:\n" + a.text(),
                    List.of(List.of(Callback.of(Action.DELIVER, a.id(), 0).button("📎 Передать материалы"))),
                    Outbox.PRIORITY_CARD, Card.Kind.CO_EXECUTOR, a.id(), a.step());
        }));
    }

    @EventListener
    void on(MaterialsDelivered e) {
        AppealView a = e.appeal();
        AppealView.CoExecutor co = a.coExecutor(e.staffId()).orElseThrow();
        // nobody holds the appeal yet (NEW, RETURNED): the coordinators get the materials; the executor's cards
        // show them later
        List<String> to = a.executorId() != null && AppealStatus.WITH_EXECUTOR.contains(a.status())
                ? List.of(a.executorId())
                : recipients.distinct(directory.withRole(Role.COORDINATOR)).stream().map(StaffMember::id).toList();
        tell(e.staffId(), "📨 Материалы по обращению № " + Html.escape(a.number()) + " переданы: "
                + Html.escape(to.stream().map(texts::name).collect(Collectors.joining(", "))) + ".");
        to.forEach(person -> chatOf(person).ifPresent(chat -> {
            outbox.text(chat.id(), chat.mark() + "📎 <b>Материалы соисполнителя "
                    + Html.escape(texts.name(e.staffId()))
                    + "</b> по обращению № " + Html.escape(a.number()) + ":\n" + Html.escape(co.materials())
                    + (co.files().isEmpty() ? "" : "\nФайлов: " + co.files().size() + " (ниже)."),
                    Outbox.PRIORITY_CARD);
            sendFiles(co.files(), chat.id());
        }));
    }

    /** «Нужна помощь» (seed 000 п.16): the deputy head of the department and the coordinators get the request. */
    @EventListener
    void on(HelpRequested e) {
        AppealView a = e.appeal();
        List<StaffMember> to = new ArrayList<>();
        directory.deputyHeadOf(a.departmentId()).ifPresent(to::add);
        recipients.distinct(directory.withRole(Role.COORDINATOR)).stream().filter(c -> !to.contains(c))
                .forEach(to::add);
        to.forEach(person -> chatOf(person.id()).ifPresent(chat -> card(a, chat,
                texts.header("🆘 <b>Исполнитель " + Html.escape(texts.name(e.executorId())) + " просит помощи</b>", a,
                        false), "Запрос:\n" + e.text() + "\n\nТекст обращения:\n" + a.text(),
                List.of(List.of(Callback.of(Action.OPEN, a.id(), a.step()).button("📄 Открыть"))), Outbox.PRIORITY_CARD,
                null, a.id(), a.step())));
    }

    /** «Передать согласование»: the card moves to the person the review was handed to (003 Руководитель). */
    @EventListener
    void on(ReviewDelegated e) {
        AppealView a = appeal(e);
        closeCards(a, "↪️ Согласование передано: " + texts.name(e.toId()) + " (" + texts.name(e.fromId()) + ")");
        directory.staff(e.toId()).ifPresent(to -> reviewCard(a, to));
    }

    /** Approvers of the answer choose whom to hand the review to. */
    void chooseDelegate(AppealView a, StaffMember presser, long chatId) {
        List<StaffMember> candidates = approvers.delegates(a, presser);
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(candidates.size(), 24); i += 2) {
            rows.add(candidates.subList(i, Math.min(i + 2, candidates.size())).stream()
                    .map(s -> new Callback(Action.DELEGATE_TO, a.id(), a.step(), s.id()).button("↪️ " + s.shortName()))
                    .toList());
        }
        cardMessages.send(chatId, "↪️ Кому передать согласование ответа по обращению № " + Html.escape(a.number())
                + "? Карточка перейдёт к нему.", null, rows, Outbox.PRIORITY_REPLY, Card.Kind.DELEGATE_CHOICE, a.id(),
                a.step());
    }

    /** The executor is away: the substitute gets the card of the step the appeal is at (seed 002 п.4). */
    @EventListener
    void on(AppealSubstituted e) {
        AppealView a = appeal(e);
        // an absence begins at midnight: the cards wait for working time (PRODUCT.md §6)
        outbox.notBefore(quietUntil(a), () -> {
            closeCards(a, "👤 Передано заместителю " + texts.name(e.substituteId()) + ": "
                    + texts.name(e.absentId()) + " отсутствует");
            switch (a.status()) {
                case ASSIGNED -> executorCard(a);
                case POSTPONED -> postponedCard(a);
                default -> acceptedCard(a, "👤 <b>Вы замещаете " + Html.escape(texts.name(e.absentId()))
                        + "</b>: обращение передано вам");
            }
        });
    }

    /** The same executor goes on with a postponed appeal: only the coordinators' cards close. */
    @EventListener
    void on(ru.appealdesk.workflow.AppealEvents.PostponedConfirmed e) {
        AppealView a = e.appeal();
        String line = "<i>" + Html.escape("👤 Исполнитель подтверждён: " + texts.name(e.executorId()) + " ("
                + texts.name(e.coordinatorId()) + ")") + "</i>";
        cards.activeOf(a.id()).stream().filter(c -> c.kind() == Card.Kind.POSTPONED_REASSIGN)
                .forEach(c -> cardMessages.close(c, line));
        tell(e.executorId(), "👤 Координатор оставил за вами отложенное обращение № " + Html.escape(a.number())
                + ": подготовьте итоговый ответ.");
    }

    /** The coordinators learn who is away and who took over; with nobody to take over, they must act at once. */
    @EventListener
    void on(AbsenceHandled e) {
        String who = Html.escape(texts.name(e.absence().staffId()));
        String period = CardTexts.DATE.format(e.absence().from()) + " по " + CardTexts.DATE.format(e.absence().to());
        String numbers = e.numbers().isEmpty() ? "" : ": " + Html.escape(String.join(", ", e.numbers().subList(0,
                Math.min(e.numbers().size(), 30)))) + (e.numbers().size() > 30 ? " …" : "");
        String text = e.substituteId() != null
                ? "👤 " + who + " отсутствует с " + period + ", замещает " + Html.escape(texts.name(e.substituteId()))
                + ". Передано обращений: " + e.numbers().size() + numbers + "."
                : "⚠️ " + who + " отсутствует с " + period + ", а замещающего нет (не назначен или тоже отсутствует). "
                + "Обращений за ним: " + e.numbers().size() + numbers + " — переназначьте их.";
        outbox.notBefore(workingTime.nextWorkingInstant(clock.instant()), () -> {
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> tell(c.id(), text));
            if (e.substituteId() != null) {
                tell(e.substituteId(), "👤 Вы замещаете " + who + " с " + period + ". Передано обращений: "
                        + e.numbers().size() + ". Карточки, напоминания и эскалации для " + who
                        + " будут приходить вам с пометкой «за " + who + "».");
            }
        });
    }

    /** ПОС (seed 002 п.10): the share of the postponed period is left, the coordinators assign the executor. */
    @EventListener
    void on(PostponedReassignDue due) {
        appeals.find(due.appealId()).filter(a -> a.step() == due.step() && a.status() == AppealStatus.POSTPONED)
                .ifPresent(a -> recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> postponedReassignCard(a, c)));
    }

    @EventListener
    void on(PostponedReassigned e) {
        AppealView a = appeal(e);
        closeCards(a, "👤 Исполнитель отложенного обращения: " + texts.name(e.executorId()) + " ("
                + texts.name(e.coordinatorId()) + ")");
        if (e.previousExecutorId() != null && !e.previousExecutorId().equals(e.executorId())) {
            tell(e.previousExecutorId(), "ℹ️ Отложенное обращение № " + Html.escape(a.number())
                    + " передано другому исполнителю: " + Html.escape(texts.name(e.executorId())) + ".");
        }
        postponedCard(a);
    }

    /** «Отложенное обращение: назначьте исполнителя»: one button per candidate executor, the previous one first. */
    private void postponedReassignCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            List<StaffMember> candidates = new ArrayList<>(directory.category(a.category())
                    .map(directory::executorsFor).filter(l -> !l.isEmpty()).orElseGet(directory::allExecutors));
            candidates.removeIf(s -> s.id().equals(a.executorId()));
            directory.staff(a.executorId()).filter(s -> s.hasRole(Role.EXECUTOR)).ifPresent(s -> candidates.add(0, s));
            Integer share = directory.regulation(a.source()).postponedReassignAtPercent();
            String why = share == null ? "" : "Осталось не более " + share + " % срока отсрочки: назначьте "
                    + "исполнителя — прежнего или другого (п. 10 Регламента ПОС).\n";
            card(a, chat, texts.header("⏳ <b>Отложенное обращение: назначьте исполнителя</b>", a, false),
                    why + "Прежний исполнитель: " + texts.name(a.executorId()) + "\n\nПрежний " + previousAnswer(a),
                    executorButtons(a, candidates, List.of(coExecutorsButton(a))), Outbox.PRIORITY_CARD,
                    Card.Kind.POSTPONED_REASSIGN,
                    a.id(), a.step());
        });
    }

    /** PRODUCT.md §9: after «Отложено» was placed, the executor owes the final answer by the postponed date. */
    private void postponedCard(AppealView a) {
        chatOf(a.executorId()).ifPresent(chat -> card(a, chat,
                texts.header("⏳ <b>Ответ «Отложено» размещён</b> — подготовьте итоговый ответ", a, true),
                "Прежний " + previousAnswer(a), List.of(List.of(Callback.of(Action.PREPARE_ANSWER, a.id(), a.step())
                        .button("✍️ Подготовить итоговый ответ")), List.of(coExecutorsButton(a))), Outbox.PRIORITY_CARD,
                Card.Kind.ACCEPTED, a.id(), a.step()));
    }

    @EventListener
    void on(RedirectRequested e) {
        AppealView a = appeal(e);
        closeCards(a, "↗️ Перенаправление на согласовании (" + texts.name(e.coordinatorId()) + ")");
        recipients.distinct(directory.withRole(Role.MODERATOR)).forEach(m -> redirectReviewCard(a, m, e.whereAndWhy()));
    }

    @EventListener
    void on(RedirectRejected e) {
        AppealView a = appeal(e);
        closeCards(a, "✖️ Перенаправление не согласовано (" + texts.name(e.moderatorId()) + ")");
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> unroutedCard(a, c));
    }

    private void redirectReviewCard(AppealView a, StaffMember moderator, String whereAndWhy) {
        chatOf(moderator.id()).ifPresent(chat -> card(a, chat,
                texts.header("↗️ <b>Перенаправление на согласование</b>", a, true),
                "Куда и на каком основании:\n" + whereAndWhy + "\n\nТекст обращения:\n" + a.text(),
                List.of(List.of(Callback.of(Action.REDIRECT_APPROVE, a.id(), a.step()).button("✅ Согласовать"),
                        Callback.of(Action.REDIRECT_REJECT, a.id(), a.step()).button("✖️ Отклонить"))),
                Outbox.PRIORITY_CARD, Card.Kind.REVIEW, a.id(), a.step()));
    }

    @EventListener
    void on(AnswerEdited e) {
        AppealView a = appeal(e);
        closeCards(a, "✏️ Текст ответа изменён (" + texts.name(e.moderatorId()) + ")");
        tell(a.executorId(), "✏️ " + Html.escape(texts.name(e.moderatorId())) + " изменил(а) текст вашего ответа "
                + "по обращению № " + Html.escape(a.number()) + " при согласовании.");
        recipients.distinct(approvers.of(a)).forEach(m -> reviewCard(a, m));
    }

    @EventListener
    void on(AnswerPreApproved e) {
        AppealView a = appeal(e);
        AppealView.HistoryItem stage = a.stepEntry();
        closeCards(a, ("CHAIN_APPROVED".equals(stage.type()) ? "✅ " + stage.comment() : "✅ Согласовано повторно")
                + " (" + texts.name(e.approverId()) + ")");
        recipients.distinct(approvers.of(a)).forEach(m -> reviewCard(a, m));
    }

    @EventListener
    void on(AppealReopened e) {
        AppealView a = appeal(e);
        String disagreement = "Комментарий заявителя:\n" + e.comment();
        if (a.status() == AppealStatus.NEW) {
            tell(e.previousExecutorId(), "ℹ️ Заявитель не согласен с ответом по обращению № "
                    + Html.escape(a.number()) + "; оно передано координаторам для назначения.");
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> unroutedCard(a, c));
        } else {
            chatOf(a.executorId()).ifPresent(chat -> {
                applicantPhotos(a, chat);
                List<List<Button>> keyboard = List.of(List.of(
                        Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button("✍️ Подготовить ответ")));
                card(a, chat, texts.header("❗ <b>Заявитель не согласен с ответом (возврат " + e.count()
                                + " из 3)</b>", a, true), disagreement + "\n\nПрежний " + previousAnswer(a),
                        keyboard, Outbox.PRIORITY_CARD, Card.Kind.ACCEPTED, a.id(), a.step());
            });
        }
        if (e.count() == 3) {
            // seed 001 §2: after the third disagreement the operator of the portal decides
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> chatOf(c.id()).ifPresent(chat -> card(a, chat,
                    texts.header("📤 <b>Третье несогласие заявителя</b> — передайте обращение оператору", a, false),
                    disagreement, List.of(List.of(Callback.of(Action.TO_OPERATOR, a.id(), a.step())
                            .button("📤 Передано оператору"))), Outbox.PRIORITY_CARD, Card.Kind.OVERSIGHT, a.id(),
                    a.step())));
        }
    }

    /** Seed 004 п.18: a repeat shows the earlier appeal's answer, so the same reply is not given twice. */
    private String repeatNote(AppealView a) {
        if (a.repeatOf() == null) {
            return "";
        }
        Optional<AppealView> earlier = appeals.find(a.source(), a.repeatOf());
        String about = earlier.map(e -> e.answer() == null ? "ответа по нему ещё не было."
                        : "ответ по нему («" + e.answer().type().title() + "»):\n" + e.answer().text())
                .orElse("в системе не найдено.");
        return "🔁 Повторное обращение. Предыдущее обращение № " + a.repeatOf() + ": " + about + "\n\n";
    }

    private static String previousAnswer(AppealView a) {
        return a.answer() == null ? "ответ: —" : "ответ («" + a.answer().type().title() + "»):\n" + a.answer().text();
    }

    @EventListener
    void on(AnswerApproved e) {
        AppealView a = appeal(e);
        closeCards(a, "✅ Согласовано (" + texts.name(e.moderatorId()) + ")");
        tell(a.executorId(), "✅ Ответ по обращению № " + Html.escape(a.number()) + " согласован ("
                + Html.escape(texts.name(e.moderatorId())) + ").");
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> approvedCard(a, c));
    }

    @EventListener
    void on(AnswerSentToRework e) {
        AppealView a = appeal(e);
        closeCards(a, "🔁 Возвращено на доработку (" + texts.name(e.moderatorId()) + ")");
        chatOf(e.executorId()).ifPresent(chat -> {
            List<List<Button>> keyboard = List.of(List.of(
                    Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button("✍️ Подготовить ответ")));
            card(a, chat, texts.header("🔁 <b>Ответ возвращён на доработку</b>", a, true),
                    "Причина (" + texts.name(e.moderatorId()) + "):\n" + e.reason()
                            + "\n\n" + texts.appealAndAnswer(a),
                    keyboard, Outbox.PRIORITY_CARD, Card.Kind.REWORK, a.id(), a.step());
        });
    }

    @EventListener
    void on(AppealClosed e) {
        AppealView a = appeal(e);
        String by = e.byStaffId() == null ? "портал" : texts.name(e.byStaffId());
        if (a.resolution() == Resolution.PUBLISHED) {
            closeCards(a, "📌 Размещено на портале (" + by + ")");
            tell(a.executorId(), "📌 Ответ по обращению № " + Html.escape(a.number())
                    + " размещён на портале. Обращение закрыто.");
            return;
        }
        if (a.resolution() == Resolution.TO_OPERATOR) {
            closeCards(a, "📤 Передано оператору (" + by + ")");
            tell(a.executorId(), "📤 Обращение № " + Html.escape(a.number()) + " после третьего несогласия "
                    + "заявителя передано оператору Единой системы. Действий по нему больше не требуется.");
            return;
        }
        closeCards(a, "🚫 Закрыто: " + a.resolution().title() + " (" + by + ")");
        String comment = "—";
        for (AppealView.HistoryItem h : a.history()) {
            comment = h.comment() == null || AppealView.NOTES.contains(h.type()) ? comment : h.comment();
        }
        tell(a.executorId(), "🚫 Обращение № " + Html.escape(a.number()) + " закрыто: «"
                + Html.escape(a.resolution().title()) + "» (" + Html.escape(by) + "). Комментарий: "
                + Html.escape(comment) + "\nДействий по нему больше не требуется.");
    }

    private static AppealView appeal(AppealEvent event) {
        return event.appeal();
    }

    /** Sends a person the card of the appeal's current step: with buttons if the step is theirs. */
    void showTo(AppealView a, StaffMember person, long chatId) {
        boolean executor = person.id().equals(a.executorId());
        boolean coordinator = absences.actsAs(person, Role.COORDINATOR);
        boolean approver = approvers.mayApprove(person, a);
        if (a.coExecutor(person.id()).isPresent() && a.status() != AppealStatus.CLOSED && !coordinator && !approver) {
            coExecutorCard(a, person.id());
            return;
        }
        switch (a.status()) {
            case NEW -> {
                if (coordinator) {
                    unroutedCard(a, person);
                    return;
                }
            }
            case ASSIGNED -> {
                if (executor) {
                    executorCard(a);
                    return;
                }
            }
            case IN_PROGRESS -> {
                if (executor) {
                    acceptedCard(a, "📋 Обращение в работе.");
                    return;
                }
                if (coordinator) {
                    oversightCard(a, person, chatId);
                    return;
                }
            }
            case REWORK -> {
                if (executor) {
                    acceptedCard(a, "🔁 Ответ на доработке.");
                    return;
                }
            }
            case RETURNED -> {
                if (coordinator) {
                    String reason = a.stepEntry().comment();
                    returnedCard(a, person, reason);
                    return;
                }
            }
            case ANSWER_REVIEW -> {
                if (approver) {
                    reviewCard(a, person);
                    return;
                }
            }
            case APPROVED -> {
                if (coordinator) {
                    approvedCard(a, person);
                    return;
                }
            }
            case POSTPONED -> {
                if (executor) {
                    postponedCard(a);
                    return;
                }
                if (coordinator) {
                    postponedReassignCard(a, person);
                    return;
                }
            }
            case REDIRECT_REVIEW -> {
                if (person.hasRole(Role.MODERATOR)) {
                    redirectReviewCard(a, person, a.stepEntry().comment());
                    return;
                }
            }
            case CLOSED -> {
            }
        }
        boolean contacts = access.maySeeContacts(person, a);
        card(a, chatId, texts.header("📄 <b>Карточка обращения</b>", a, contacts),
                texts.appealAndAnswer(a), null, Outbox.PRIORITY_REPLY, null, 0, 0);
    }

    private void executorCard(AppealView a) {
        Optional<Recipients.Chat> chat = chatOf(a.executorId());
        if (chat.isEmpty()) {
            log.warn("Executor {} of appeal {} has no Telegram binding", a.executorId(), a.id());
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> tell(c.id(), "⚠️ Исполнитель "
                    + Html.escape(texts.name(a.executorId())) + " не подключён к боту: обращение № "
                    + Html.escape(a.number()) + " не доставлено. Выдайте ему код приглашения."));
            return;
        }
        applicantPhotos(a, chat.get());
        List<List<Button>> keyboard = List.of(List.of(
                Callback.of(Action.ACCEPT, a.id(), a.step()).button("✅ Взять в работу"),
                Callback.of(Action.RETURN, a.id(), a.step()).button("↩️ Вернуть")));
        String title = a.repeatOf() == null ? "📥 <b>Новое обращение для вас</b>"
                : "🔁 <b>Повторное обращение для вас</b>";
        card(a, chat.get(), texts.header(title, a, true), repeatNote(a) + "Текст обращения:\n"
                + a.text(), keyboard, Outbox.PRIORITY_CARD, Card.Kind.EXECUTOR, a.id(), a.step());
    }

    private void acceptedCard(AppealView a, String title) {
        chatOf(a.executorId()).ifPresent(chat -> {
            List<Button> row = new ArrayList<>(List.of(
                    Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button("✍️ Подготовить ответ")));
            java.time.Instant returnable = appeals.returnableUntil(a);
            if (returnable != null) {
                // ЕЦУР (seed 000 п.9): accepted by mistake, it can still be returned for a day
                row.add(Callback.of(Action.RETURN, a.id(), a.step()).button("↩️ Вернуть (до "
                        + texts.time(returnable) + ")"));
            }
            List<List<Button>> keyboard = List.of(row, List.of(coExecutorsButton(a),
                    Callback.of(Action.HELP, a.id(), a.step()).button("🆘 Нужна помощь")));
            card(a, chat, texts.header(title, a, true), "Текст обращения:\n" + a.text() + texts.materials(a),
                    keyboard, Outbox.PRIORITY_CARD, Card.Kind.ACCEPTED, a.id(), a.step());
        });
    }

    private void unroutedCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            List<StaffMember> candidates = directory.category(a.category()).map(directory::executorsFor)
                    .filter(l -> !l.isEmpty()).orElseGet(directory::allExecutors);
            applicantPhotos(a, chat);
            card(a, chat, texts.header("🗂 <b>Обращение не распределено</b> — выберите исполнителя", a, false),
                    repeatNote(a) + "Текст обращения:\n" + a.text(),
                    executorButtons(a, candidates, List.of(redirectButton(a), closeButton(a), coExecutorsButton(a))),
                    Outbox.PRIORITY_CARD, Card.Kind.UNROUTED, a.id(), a.step());
        });
    }

    private void returnedCard(AppealView a, StaffMember coordinator, String reason) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            List<StaffMember> candidates = new ArrayList<>(directory.category(a.category())
                    .map(directory::executorsFor).orElse(List.of()));
            candidates.removeIf(s -> s.id().equals(a.executorId()));
            if (candidates.isEmpty()) {
                candidates.addAll(directory.allExecutors());
                candidates.removeIf(s -> s.id().equals(a.executorId()));
            }
            List<List<Button>> keyboard = executorButtons(a, candidates, List.of(
                    Callback.of(Action.REJECT_RETURN, a.id(), a.step()).button("❌ Отклонить возврат"),
                    redirectButton(a), closeButton(a), coExecutorsButton(a)));
            card(a, chat, texts.header("↩️ <b>Исполнитель вернул обращение</b>", a, false),
                    "Причина возврата (" + texts.name(a.executorId()) + "):\n" + reason + "\n\nТекст обращения:\n"
                            + a.text(), keyboard, Outbox.PRIORITY_CARD, Card.Kind.RETURNED, a.id(), a.step());
        });
    }

    private void reviewCard(AppealView a, StaffMember moderator) {
        chatOf(moderator.id()).ifPresent(chat -> {
            answerFiles(a, chat);
            // 001 §4.6: in a department's approval chain the card says which stage it is
            String approve = approvers.stage(a).map(s -> "✅ Согласовать (" + s.stage() + " из " + s.of() + ")")
                    .orElse("✅ Согласовать");
            List<List<Button>> keyboard = List.of(List.of(
                    Callback.of(Action.APPROVE, a.id(), a.step()).button(approve),
                    Callback.of(Action.REWORK, a.id(), a.step()).button("🔁 На доработку")),
                    List.of(Callback.of(Action.EDIT_ANSWER, a.id(), a.step()).button("✏️ Изменить текст"),
                            Callback.of(Action.DELEGATE, a.id(), a.step()).button("↪️ Передать согласование")));
            // seed 000 п.14: a repeated postponement is agreed by the director of МКУ «МЦУР» first
            boolean repeatedPostponement = a.secondaryReview() && a.postponeCount() > 0
                    && a.answer().type() == ru.appealdesk.workflow.AnswerType.POSTPONED;
            card(a, chat, texts.header(repeatedPostponement ? "📝 <b>Повторная отсрочка решения — на согласование</b>"
                            : "📝 <b>Ответ на согласование</b>", a, true), texts.appealAndAnswer(a),
                    keyboard, Outbox.PRIORITY_CARD, Card.Kind.REVIEW, a.id(), a.step());
        });
    }

    private void approvedCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            answerFiles(a, chat);
            List<List<Button>> keyboard = List.of(List.of(
                    Callback.of(Action.PUBLISHED, a.id(), a.step()).button("📌 Размещено"),
                    Callback.of(Action.QUALITY_RETURN, a.id(), a.step()).button("🔁 Вернуть на доработку")),
                    List.of(coExecutorsButton(a)));
            card(a, chat, texts.header("✅ <b>Ответ согласован — разместите его на портале</b>", a, false)
                            + "Текст для размещения (" + Html.escape(a.answer().type().title()) + "):\n",
                    a.answer().text(), keyboard, Outbox.PRIORITY_CARD, Card.Kind.APPROVED, a.id(), a.step());
        });
    }

    /** A coordinator's view of an appeal in work: the executor has it; the coordinator may still close it. */
    private void oversightCard(AppealView a, StaffMember coordinator, long chat) {
        card(a, chat, texts.header("📋 <b>Обращение в работе у исполнителя " + Html.escape(texts.name(a.executorId()))
                        + "</b>", a, access.maySeeContacts(coordinator, a)), "Текст обращения:\n" + a.text(),
                List.of(List.of(closeButton(a), coExecutorsButton(a))), Outbox.PRIORITY_REPLY, Card.Kind.OVERSIGHT,
                a.id(), a.step());
    }

    /** PRODUCT.md §10: on the executor's card in work and on every coordinator card. */
    private static Button coExecutorsButton(AppealView a) {
        return Callback.of(Action.CO_EXECUTORS, a.id(), a.step()).button("👥 Соисполнители");
    }

    private static Button redirectButton(AppealView a) {
        return Callback.of(Action.REDIRECT, a.id(), a.step()).button("↗️ Перенаправить");
    }

    private static Button closeButton(AppealView a) {
        return Callback.of(Action.CLOSE, a.id(), a.step()).button("🚫 Закрыть без ответа");
    }

    private List<List<Button>> executorButtons(AppealView a, List<StaffMember> candidates, List<Button> lastRow) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (StaffMember s : candidates.subList(0, Math.min(candidates.size(), 24))) {
            row.add(new Callback(Action.ASSIGN, a.id(), a.step(), s.id()).button("👤 " + s.shortName()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        if (!lastRow.isEmpty()) {
            rows.add(lastRow);
        }
        return rows;
    }

    private void applicantPhotos(AppealView a, long chat) {
        outbox.media(chat, a.photos().stream().map(url -> new Outbox.Media("PHOTO", url)).toList(),
                Outbox.PRIORITY_CARD);
    }

    /** The answer's files, then the co-executors' (the moderator sees them with the answer, PRODUCT.md §10). */
    private void answerFiles(AppealView a, long chat) {
        if (a.answer() == null) {
            return;
        }
        List<AppealView.Attachment> all = new ArrayList<>(a.answer().attachments());
        a.coExecutors().forEach(co -> all.addAll(co.files()));
        sendFiles(all, chat);
    }

    private void sendFiles(List<AppealView.Attachment> attachments, long chat) {
        if (attachments.isEmpty()) {
            return;
        }
        Map<UUID, AttachmentStore.FileInfo> known = files.infos(attachments.stream()
                        .map(AppealView.Attachment::fileId).toList()).stream()
                .collect(Collectors.toMap(AttachmentStore.FileInfo::id, f -> f));
        List<Outbox.Media> media = attachments.stream()
                .map(att -> Optional.ofNullable(known.get(att.fileId())).filter(f -> f.telegramFileId() != null)
                        .map(f -> new Outbox.Media(f.telegramFileId().startsWith("photo:") ? "PHOTO"
                                : f.telegramFileId().startsWith("video:") ? "VIDEO" : "DOCUMENT",
                                f.telegramFileId().substring(f.telegramFileId().indexOf(':') + 1))))
                .flatMap(Optional::stream).toList();
        outbox.media(chat, media, Outbox.PRIORITY_CARD);
    }

    private void card(AppealView a, Recipients.Chat chat, String header, String body, List<List<Button>> keyboard,
                      int priority, Card.Kind kind, long appealId, int step) {
        card(a, chat.id(), chat.mark() + header, body, keyboard, priority, kind, appealId, step);
    }

    private void applicantPhotos(AppealView a, Recipients.Chat chat) {
        applicantPhotos(a, chat.id());
    }

    private void answerFiles(AppealView a, Recipients.Chat chat) {
        answerFiles(a, chat.id());
    }

    private void card(AppealView a, long chat, String header, String body, List<List<Button>> keyboard,
                      int priority, Card.Kind kind, long appealId, int step) {
        cardMessages.send(chat, header, body, "<i>Обращение № " + Html.escape(a.number()) + " (продолжение)</i>\n\n",
                keyboard, priority, kind, appealId, step);
    }

    private void closeCards(AppealView a, String statusLine) {
        String line = "<i>" + Html.escape(statusLine) + ", " + texts.time(a.stepStartedAt()) + "</i>";
        // a co-executor's card and materials draft stay live until the appeal is closed (PRODUCT.md §10)
        cards.activeOf(a.id()).stream().filter(card -> a.status() == AppealStatus.CLOSED || card.kind() == null
                || !card.kind().outlivesSteps()).forEach(card -> cardMessages.close(card, line));
    }

    private void tell(String staffId, String html) {
        chatOf(staffId).ifPresent(chat -> outbox.text(chat.id(), chat.mark() + html, Outbox.PRIORITY_CARD));
    }

    /** The person's chat, or their substitute's while they are away (the message then marked «за …»). */
    private Optional<Recipients.Chat> chatOf(String staffId) {
        return recipients.of(staffId);
    }
}
