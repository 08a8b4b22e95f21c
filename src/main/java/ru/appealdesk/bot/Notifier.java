package ru.appealdesk.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.Callback.Action;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.sla.Alerts.PostponedReassignDue;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
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
import ru.appealdesk.workflow.HistoryWords;
import ru.appealdesk.workflow.Approvers;
import ru.appealdesk.workflow.Resolution;

/**
 * Turns workflow events into messages, inside the transaction of the change: closes the cards of the step that
 * ended (saying what happened and who acted), tells those it concerns, and sends the cards of the step that began
 * ({@link StepCards}).
 */
@Component
class Notifier {

    private final Directory directory;
    private final CardRepository cards;
    private final Outbox outbox;
    private final CardMessages cardMessages;
    private final CardTexts texts;
    private final WorkingTime workingTime;
    private final java.time.Clock clock;
    private final Approvers approvers;
    private final AppealService appeals;
    private final Recipients recipients;
    private final StepCards steps;

    Notifier(Directory directory, CardRepository cards, Outbox outbox, CardMessages cardMessages, CardTexts texts,
             WorkingTime workingTime, java.time.Clock clock, Approvers approvers, AppealService appeals,
             Recipients recipients, StepCards steps) {
        this.directory = directory;
        this.cards = cards;
        this.outbox = outbox;
        this.cardMessages = cardMessages;
        this.texts = texts;
        this.workingTime = workingTime;
        this.clock = clock;
        this.approvers = approvers;
        this.appeals = appeals;
        this.recipients = recipients;
        this.steps = steps;
    }

    @EventListener
    void on(AppealRegistered e) {
        AppealView a = appeal(e);
        if (!e.routed()) {
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.unroutedCard(a, c));
        }
        if (a.sociallySignificant()) {
            // seed 002 п.11, seed 004 п.25: a socially significant appeal goes to the head at once
            directory.withRole(Role.HEAD).forEach(head -> chatOf(head.id()).ifPresent(chat -> steps.card(a, chat,
                    texts.header("❗ <b>Социально значимое обращение</b>", a, false), "Текст обращения:\n" + a.text(),
                    List.of(List.of(Callback.of(Action.OPEN, a.id(), a.step()).button(Buttons.OPEN.text()))),
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
            steps.tell(e.previousExecutorId(), "ℹ️ Обращение № " + Html.escape(a.number())
                    + " передано другому исполнителю: " + Html.escape(texts.name(e.executorId())) + ".");
        }
        steps.executorCard(a);
    }

    @EventListener
    void on(AppealAccepted e) {
        AppealView a = appeal(e);
        Runnable notify = () -> {
            closeCards(a, e.automatic() ? "⏱ Принято в работу автоматически" : "✅ Принято в работу");
            String title = e.automatic()
                    ? "⏱ Срок на возврат истёк: обращение принято в работу автоматически и закреплено за вами."
                    : "✅ Вы приняли обращение в работу.";
            steps.acceptedCard(a, title);
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
            steps.tell(e.executorId(), "⏱ Обращение № " + Html.escape(a.number()) + " не было принято в работу до "
                    + "установленного времени и передано координаторам для назначения.");
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.unroutedCard(a, c));
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
        steps.tell(e.executorId(), "↩️ Обращение № " + Html.escape(a.number())
                + " возвращено координатору. Причина передана.");
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.returnedCard(a, c, e.reason()));
    }

    @EventListener
    void on(ReturnRejected e) {
        AppealView a = appeal(e);
        closeCards(a, "❌ Возврат отклонён (" + texts.name(e.coordinatorId()) + ")");
        steps.acceptedCard(a, "❌ Координатор " + Html.escape(texts.name(e.coordinatorId()))
                + " отклонил возврат: обращение остаётся за вами и находится в работе.");
    }

    @EventListener
    void on(AnswerSubmitted e) {
        AppealView a = appeal(e);
        closeCards(a, "📨 Ответ отправлен на согласование");
        steps.tell(e.executorId(), "📨 Ответ по обращению № " + Html.escape(a.number())
                + " отправлен на согласование.");
        recipients.distinct(approvers.of(a)).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AppealPostponed e) {
        AppealView a = appeal(e);
        closeCards(a, "📌 Размещён ответ «Отложено» (" + texts.name(e.coordinatorId()) + ")");
        steps.postponedCard(a);
    }

    @EventListener
    void on(CoExecutorAdded e) {
        AppealView a = e.appeal();
        steps.coExecutorCard(a, e.staffId());
        if (a.executorId() != null && !a.executorId().equals(e.byStaffId())) {
            steps.tell(a.executorId(), "👥 К обращению № " + Html.escape(a.number()) + " привлечён соисполнитель "
                    + Html.escape(texts.name(e.staffId())) + " (срок передачи материалов — " + texts.time(e.dueAt())
                    + "). Его материалы придут вам в этот чат.");
        }
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
        steps.tell(e.staffId(), "📨 Материалы по обращению № " + Html.escape(a.number()) + " переданы: "
                + Html.escape(to.stream().map(texts::name).collect(Collectors.joining(", "))) + ".");
        to.forEach(person -> chatOf(person).ifPresent(chat -> {
            outbox.text(chat.id(), chat.mark() + "📎 <b>Материалы соисполнителя "
                    + Html.escape(texts.name(e.staffId()))
                    + "</b> по обращению № " + Html.escape(a.number()) + ":\n" + Html.escape(co.materials())
                    + (co.files().isEmpty() ? "" : "\nФайлов: " + co.files().size() + " (ниже)."),
                    Outbox.PRIORITY_CARD);
            steps.sendFiles(co.files(), chat.id());
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
        to.forEach(person -> chatOf(person.id()).ifPresent(chat -> steps.card(a, chat,
                texts.header("🆘 <b>Исполнитель " + Html.escape(texts.name(e.executorId())) + " просит помощи</b>", a,
                        false), "Запрос:\n" + e.text() + "\n\nТекст обращения:\n" + a.text(),
                List.of(List.of(Callback.of(Action.OPEN, a.id(), a.step()).button(Buttons.OPEN.text()))), Outbox.PRIORITY_CARD,
                null, a.id(), a.step())));
    }

    /** «Передать согласование»: the card moves to the person the review was handed to (003 Руководитель). */
    @EventListener
    void on(ReviewDelegated e) {
        AppealView a = appeal(e);
        closeCards(a, "↪️ Согласование передано: " + texts.name(e.toId()) + " (" + texts.name(e.fromId()) + ")");
        directory.staff(e.toId()).ifPresent(to -> steps.reviewCard(a, to));
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
                case ASSIGNED -> steps.executorCard(a);
                case POSTPONED -> steps.postponedCard(a);
                default -> steps.acceptedCard(a, "👤 <b>Вы замещаете " + Html.escape(texts.name(e.absentId()))
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
        steps.tell(e.executorId(), "👤 Координатор оставил за вами отложенное обращение № " + Html.escape(a.number())
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
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.tell(c.id(), text));
            if (e.substituteId() != null) {
                steps.tell(e.substituteId(), "👤 Вы замещаете " + who + " с " + period + ". Передано обращений: "
                        + e.numbers().size() + ". Карточки, напоминания и эскалации для " + who
                        + " будут приходить вам с пометкой «за " + who + "».");
            }
        });
    }

    /** ПОС (seed 002 п.10): the share of the postponed period is left, the coordinators assign the executor. */
    @EventListener
    void on(PostponedReassignDue due) {
        appeals.find(due.appealId()).filter(a -> a.step() == due.step() && a.status() == AppealStatus.POSTPONED)
                .ifPresent(a -> recipients.distinct(directory.withRole(Role.COORDINATOR))
                        .forEach(c -> steps.postponedReassignCard(a, c)));
    }

    @EventListener
    void on(PostponedReassigned e) {
        AppealView a = appeal(e);
        closeCards(a, "👤 Исполнитель отложенного обращения: " + texts.name(e.executorId()) + " ("
                + texts.name(e.coordinatorId()) + ")");
        if (e.previousExecutorId() != null && !e.previousExecutorId().equals(e.executorId())) {
            steps.tell(e.previousExecutorId(), "ℹ️ Отложенное обращение № " + Html.escape(a.number())
                    + " передано другому исполнителю: " + Html.escape(texts.name(e.executorId())) + ".");
        }
        steps.postponedCard(a);
    }

    @EventListener
    void on(RedirectRequested e) {
        AppealView a = appeal(e);
        closeCards(a, "↗️ Перенаправление на согласовании (" + texts.name(e.coordinatorId()) + ")");
        recipients.distinct(directory.withRole(Role.MODERATOR))
                .forEach(m -> steps.redirectReviewCard(a, m, e.whereAndWhy()));
    }

    @EventListener
    void on(RedirectRejected e) {
        AppealView a = appeal(e);
        closeCards(a, "✖️ Перенаправление не согласовано (" + texts.name(e.moderatorId()) + ")");
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.unroutedCard(a, c));
    }

    @EventListener
    void on(AnswerEdited e) {
        AppealView a = appeal(e);
        closeCards(a, "✏️ Текст ответа изменён (" + texts.name(e.moderatorId()) + ")");
        steps.tell(a.executorId(), "✏️ " + Html.escape(texts.name(e.moderatorId())) + " изменил(а) текст вашего ответа "
                + "по обращению № " + Html.escape(a.number()) + " при согласовании.");
        recipients.distinct(approvers.of(a)).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AnswerPreApproved e) {
        AppealView a = appeal(e);
        AppealView.HistoryItem stage = a.stepEntry();
        closeCards(a, ("CHAIN_APPROVED".equals(stage.type()) ? "✅ " + HistoryWords.comment(stage) : "✅ Согласовано повторно")
                + " (" + texts.name(e.approverId()) + ")");
        recipients.distinct(approvers.of(a)).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AppealReopened e) {
        AppealView a = appeal(e);
        String disagreement = "Комментарий заявителя:\n" + e.comment();
        if (a.status() == AppealStatus.NEW) {
            steps.tell(e.previousExecutorId(), "ℹ️ Заявитель не согласен с ответом по обращению № "
                    + Html.escape(a.number()) + "; оно передано координаторам для назначения.");
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.unroutedCard(a, c));
        } else {
            chatOf(a.executorId()).ifPresent(chat -> {
                steps.applicantPhotos(a, chat);
                List<List<Button>> keyboard = List.of(List.of(
                        Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button(Buttons.PREPARE_ANSWER.text())));
                steps.card(a, chat, texts.header("❗ <b>Заявитель не согласен с ответом (возврат " + e.count()
                                + " из 3)</b>", a, true), disagreement + "\n\nПрежний " + StepCards.previousAnswer(a),
                        keyboard, Outbox.PRIORITY_CARD, Card.Kind.ACCEPTED, a.id(), a.step());
            });
        }
        if (e.count() == 3) {
            // seed 001 §2: after the third disagreement the operator of the portal decides
            List<List<Button>> keyboard = List.of(List.of(Callback.of(Action.TO_OPERATOR, a.id(), a.step())
                    .button(Buttons.TO_OPERATOR.text())));
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> chatOf(c.id())
                    .ifPresent(chat -> steps.card(a, chat, texts.header("📤 <b>Третье несогласие заявителя</b> — "
                            + "передайте обращение оператору", a, false), disagreement, keyboard,
                            Outbox.PRIORITY_CARD, Card.Kind.OVERSIGHT, a.id(), a.step())));
        }
    }

    @EventListener
    void on(AnswerApproved e) {
        AppealView a = appeal(e);
        closeCards(a, "✅ Согласовано (" + texts.name(e.moderatorId()) + ")");
        steps.tell(a.executorId(), "✅ Ответ по обращению № " + Html.escape(a.number()) + " согласован ("
                + Html.escape(texts.name(e.moderatorId())) + ").");
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.approvedCard(a, c));
    }

    @EventListener
    void on(AnswerSentToRework e) {
        AppealView a = appeal(e);
        closeCards(a, "🔁 Возвращено на доработку (" + texts.name(e.moderatorId()) + ")");
        chatOf(e.executorId()).ifPresent(chat -> {
            List<List<Button>> keyboard = List.of(List.of(
                    Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button(Buttons.PREPARE_ANSWER.text())));
            steps.card(a, chat, texts.header("🔁 <b>Ответ возвращён на доработку</b>", a, true),
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
            steps.tell(a.executorId(), "📌 Ответ по обращению № " + Html.escape(a.number())
                    + " размещён на портале. Обращение закрыто.");
            return;
        }
        if (a.resolution() == Resolution.TO_OPERATOR) {
            closeCards(a, "📤 Передано оператору (" + by + ")");
            steps.tell(a.executorId(), "📤 Обращение № " + Html.escape(a.number()) + " после третьего несогласия "
                    + "заявителя передано оператору Единой системы. Действий по нему больше не требуется.");
            return;
        }
        closeCards(a, "🚫 Закрыто: " + a.resolution().title() + " (" + by + ")");
        String comment = "—";
        for (AppealView.HistoryItem h : a.history()) {
            String said = HistoryWords.comment(h);
            comment = said == null || AppealView.NOTES.contains(h.type()) ? comment : said;
        }
        steps.tell(a.executorId(), "🚫 Обращение № " + Html.escape(a.number()) + " закрыто: «"
                + Html.escape(a.resolution().title()) + "» (" + Html.escape(by) + "). Комментарий: "
                + Html.escape(comment) + "\nДействий по нему больше не требуется.");
    }

    private static AppealView appeal(AppealEvent event) {
        return event.appeal();
    }

    private void closeCards(AppealView a, String statusLine) {
        String line = "<i>" + Html.escape(statusLine) + ", " + texts.time(a.stepStartedAt()) + "</i>";
        // a co-executor's card and materials draft stay live until the appeal is closed (PRODUCT.md §10)
        cards.activeOf(a.id()).stream().filter(card -> a.status() == AppealStatus.CLOSED || card.kind() == null
                || !card.kind().outlivesSteps()).forEach(card -> cardMessages.close(card, line));
    }

    /** The person's chat, or their substitute's while they are away (the message then marked «за …»). */
    private Optional<Recipients.Chat> chatOf(String staffId) {
        return recipients.of(staffId);
    }
}
