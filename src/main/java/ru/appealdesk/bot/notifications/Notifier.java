package ru.appealdesk.bot.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardMessages;
import ru.appealdesk.bot.cards.CardRepository;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.sla.Alerts.PostponedReassignDue;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.text.Text;
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
                    texts.header(Words.SOCIALLY_SIGNIFICANT_TITLE.text(), a, false),
                    CardTexts.Words.APPEAL_TEXT.text(a.text()),
                    List.of(List.of(Callback.of(Action.OPEN, a.id(), a.step()).button(Buttons.OPEN.text()))),
                    Outbox.PRIORITY_CARD, null, a.id(), a.step())));
        }
    }

    @EventListener
    void on(AppealAssigned e) {
        AppealView a = appeal(e);
        if (!e.atRegistration()) {
            closeCards(a, e.byStaffId() == null ? Words.LINE_ASSIGNED.text(texts.name(e.executorId()))
                    : Words.LINE_ASSIGNED_BY.text(texts.name(e.executorId()), texts.name(e.byStaffId())));
        }
        if (e.previousExecutorId() != null && !e.previousExecutorId().equals(e.executorId())) {
            steps.tell(e.previousExecutorId(), Words.ASSIGNED_TO_ANOTHER.text(Html.escape(a.number()),
                    Html.escape(texts.name(e.executorId()))));
        }
        steps.executorCard(a);
    }

    @EventListener
    void on(AppealAccepted e) {
        AppealView a = appeal(e);
        Runnable notify = () -> {
            closeCards(a, (e.automatic() ? Words.LINE_ACCEPTED_AUTOMATICALLY : Words.LINE_ACCEPTED).text());
            String title = (e.automatic() ? Words.ACCEPTED_AUTOMATICALLY : Words.ACCEPTED).text();
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
            closeCards(a, Words.LINE_RELEASED.text());
            steps.tell(e.executorId(), Words.RELEASED.text(Html.escape(a.number())));
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
        closeCards(a, Words.LINE_RETURNED.text());
        steps.tell(e.executorId(), Words.RETURNED.text(Html.escape(a.number())));
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.returnedCard(a, c, e.reason()));
    }

    @EventListener
    void on(ReturnRejected e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_RETURN_REJECTED.text(texts.name(e.coordinatorId())));
        steps.acceptedCard(a, Words.RETURN_REJECTED.text(Html.escape(texts.name(e.coordinatorId()))));
    }

    @EventListener
    void on(AnswerSubmitted e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_SUBMITTED.text());
        steps.tell(e.executorId(), Words.SUBMITTED.text(Html.escape(a.number())));
        recipients.distinct(approvers.of(a)).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AppealPostponed e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_POSTPONED.text(texts.name(e.coordinatorId())));
        steps.postponedCard(a);
    }

    @EventListener
    void on(CoExecutorAdded e) {
        AppealView a = e.appeal();
        steps.coExecutorCard(a, e.staffId());
        if (a.executorId() != null && !a.executorId().equals(e.byStaffId())) {
            steps.tell(a.executorId(), Words.CO_EXECUTOR_ADDED.text(Html.escape(a.number()),
                    Html.escape(texts.name(e.staffId())), texts.time(e.dueAt())));
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
        steps.tell(e.staffId(), Words.MATERIALS_DELIVERED.text(Html.escape(a.number()),
                Html.escape(to.stream().map(texts::name).collect(Collectors.joining(", ")))));
        to.forEach(person -> chatOf(person).ifPresent(chat -> {
            outbox.text(chat.id(), chat.mark() + Words.MATERIALS.text(Html.escape(texts.name(e.staffId())),
                            Html.escape(a.number()), Html.escape(co.materials()),
                            co.files().isEmpty() ? "" : Words.MATERIALS_FILES.text(co.files().size())),
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
                texts.header(Words.HELP_TITLE.text(Html.escape(texts.name(e.executorId()))), a, false),
                Words.HELP_REQUEST.text(e.text()) + CardTexts.Words.APPEAL_TEXT.text(a.text()),
                List.of(List.of(Callback.of(Action.OPEN, a.id(), a.step()).button(Buttons.OPEN.text()))), Outbox.PRIORITY_CARD,
                null, a.id(), a.step())));
    }

    /** «Передать согласование»: the card moves to the person the review was handed to (003 Руководитель). */
    @EventListener
    void on(ReviewDelegated e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_DELEGATED.text(texts.name(e.toId()), texts.name(e.fromId())));
        directory.staff(e.toId()).ifPresent(to -> steps.reviewCard(a, to));
    }

    /** The executor is away: the substitute gets the card of the step the appeal is at (seed 002 п.4). */
    @EventListener
    void on(AppealSubstituted e) {
        AppealView a = appeal(e);
        // an absence begins at midnight: the cards wait for working time (PRODUCT.md §6)
        outbox.notBefore(quietUntil(a), () -> {
            closeCards(a, Words.LINE_SUBSTITUTED.text(texts.name(e.substituteId()), texts.name(e.absentId())));
            switch (a.status()) {
                case ASSIGNED -> steps.executorCard(a);
                case POSTPONED -> steps.postponedCard(a);
                default -> steps.acceptedCard(a, Words.SUBSTITUTING_TITLE.text(Html.escape(texts.name(e.absentId()))));
            }
        });
    }

    /** The same executor goes on with a postponed appeal: only the coordinators' cards close. */
    @EventListener
    void on(ru.appealdesk.workflow.AppealEvents.PostponedConfirmed e) {
        AppealView a = e.appeal();
        String line = "<i>" + Html.escape(Words.LINE_EXECUTOR_CONFIRMED.text(texts.name(e.executorId()),
                texts.name(e.coordinatorId()))) + "</i>";
        cards.activeOf(a.id()).stream().filter(c -> c.kind() == Card.Kind.POSTPONED_REASSIGN)
                .forEach(c -> cardMessages.close(c, line));
        steps.tell(e.executorId(), Words.EXECUTOR_CONFIRMED.text(Html.escape(a.number())));
    }

    /** The coordinators learn who is away and who took over; with nobody to take over, they must act at once. */
    @EventListener
    void on(AbsenceHandled e) {
        String who = Html.escape(texts.name(e.absence().staffId()));
        String period = Words.PERIOD.text(CardTexts.DATE.format(e.absence().from()),
                CardTexts.DATE.format(e.absence().to()));
        String numbers = e.numbers().isEmpty() ? "" : ": " + Html.escape(String.join(", ", e.numbers().subList(0,
                Math.min(e.numbers().size(), 30)))) + (e.numbers().size() > 30 ? " …" : "");
        String text = e.substituteId() != null
                ? Words.ABSENT_SUBSTITUTED.text(who, period, Html.escape(texts.name(e.substituteId())),
                        e.numbers().size(), numbers)
                : Words.ABSENT_WITHOUT_SUBSTITUTE.text(who, period, e.numbers().size(), numbers);
        outbox.notBefore(workingTime.nextWorkingInstant(clock.instant()), () -> {
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.tell(c.id(), text));
            if (e.substituteId() != null) {
                steps.tell(e.substituteId(), Words.YOU_SUBSTITUTE.text(who, period, e.numbers().size()));
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
        closeCards(a, Words.LINE_POSTPONED_REASSIGNED.text(texts.name(e.executorId()), texts.name(e.coordinatorId())));
        if (e.previousExecutorId() != null && !e.previousExecutorId().equals(e.executorId())) {
            steps.tell(e.previousExecutorId(), Words.POSTPONED_ASSIGNED_TO_ANOTHER.text(Html.escape(a.number()),
                    Html.escape(texts.name(e.executorId()))));
        }
        steps.postponedCard(a);
    }

    @EventListener
    void on(RedirectRequested e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_REDIRECT_REQUESTED.text(texts.name(e.coordinatorId())));
        recipients.distinct(directory.withRole(Role.MODERATOR))
                .forEach(m -> steps.redirectReviewCard(a, m, e.whereAndWhy()));
    }

    @EventListener
    void on(RedirectRejected e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_REDIRECT_REJECTED.text(texts.name(e.moderatorId())));
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.unroutedCard(a, c));
    }

    @EventListener
    void on(AnswerEdited e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_ANSWER_EDITED.text(texts.name(e.moderatorId())));
        steps.tell(a.executorId(), Words.ANSWER_EDITED.text(Html.escape(texts.name(e.moderatorId())),
                Html.escape(a.number())));
        recipients.distinct(approvers.of(a)).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AnswerPreApproved e) {
        AppealView a = appeal(e);
        AppealView.HistoryItem stage = a.stepEntry();
        closeCards(a, "CHAIN_APPROVED".equals(stage.type())
                ? Words.LINE_CHAIN_APPROVED.text(HistoryWords.comment(stage), texts.name(e.approverId()))
                : Words.LINE_APPROVED_AGAIN.text(texts.name(e.approverId())));
        recipients.distinct(approvers.of(a)).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AppealReopened e) {
        AppealView a = appeal(e);
        String disagreement = Words.DISAGREEMENT.text(e.comment());
        if (a.status() == AppealStatus.NEW) {
            steps.tell(e.previousExecutorId(), Words.REOPENED_TO_COORDINATORS.text(Html.escape(a.number())));
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.unroutedCard(a, c));
        } else {
            chatOf(a.executorId()).ifPresent(chat -> {
                steps.applicantPhotos(a, chat);
                List<List<Button>> keyboard = List.of(List.of(
                        Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button(Buttons.PREPARE_ANSWER.text())));
                steps.card(a, chat, texts.header(Words.REOPENED_TITLE.text(e.count()), a, true),
                        disagreement + "\n\n" + StepCards.Words.PREVIOUS.text(StepCards.previousAnswer(a)),
                        keyboard, Outbox.PRIORITY_CARD, Card.Kind.ACCEPTED, a.id(), a.step());
            });
        }
        if (e.count() == 3) {
            // seed 001 §2: after the third disagreement the operator of the portal decides
            List<List<Button>> keyboard = List.of(List.of(Callback.of(Action.TO_OPERATOR, a.id(), a.step())
                    .button(Buttons.TO_OPERATOR.text())));
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> chatOf(c.id())
                    .ifPresent(chat -> steps.card(a, chat, texts.header(Words.THIRD_DISAGREEMENT_TITLE.text(), a,
                            false), disagreement, keyboard,
                            Outbox.PRIORITY_CARD, Card.Kind.OVERSIGHT, a.id(), a.step())));
        }
    }

    @EventListener
    void on(AnswerApproved e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_APPROVED.text(texts.name(e.moderatorId())));
        steps.tell(a.executorId(), Words.APPROVED.text(Html.escape(a.number()),
                Html.escape(texts.name(e.moderatorId()))));
        recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> steps.approvedCard(a, c));
    }

    @EventListener
    void on(AnswerSentToRework e) {
        AppealView a = appeal(e);
        closeCards(a, Words.LINE_REWORK.text(texts.name(e.moderatorId())));
        chatOf(e.executorId()).ifPresent(chat -> {
            List<List<Button>> keyboard = List.of(List.of(
                    Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button(Buttons.PREPARE_ANSWER.text())));
            steps.card(a, chat, texts.header(Words.REWORK_TITLE.text(), a, true),
                    Words.REWORK_REASON.text(texts.name(e.moderatorId()), e.reason(), texts.appealAndAnswer(a)),
                    keyboard, Outbox.PRIORITY_CARD, Card.Kind.REWORK, a.id(), a.step());
        });
    }

    @EventListener
    void on(AppealClosed e) {
        AppealView a = appeal(e);
        String by = e.byStaffId() == null ? Words.PORTAL.text() : texts.name(e.byStaffId());
        if (a.resolution() == Resolution.PUBLISHED) {
            closeCards(a, Words.LINE_PUBLISHED.text(by));
            steps.tell(a.executorId(), Words.PUBLISHED.text(Html.escape(a.number())));
            return;
        }
        if (a.resolution() == Resolution.TO_OPERATOR) {
            closeCards(a, Words.LINE_TO_OPERATOR.text(by));
            steps.tell(a.executorId(), Words.TO_OPERATOR.text(Html.escape(a.number())));
            return;
        }
        closeCards(a, Words.LINE_CLOSED.text(a.resolution().title(), by));
        String comment = "—";
        for (AppealView.HistoryItem h : a.history()) {
            String said = HistoryWords.comment(h);
            comment = said == null || AppealView.NOTES.contains(h.type()) ? comment : said;
        }
        steps.tell(a.executorId(), Words.CLOSED.text(Html.escape(a.number()), Html.escape(a.resolution().title()),
                Html.escape(by), Html.escape(comment)));
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

    /** What the workflow's events tell people; LINE_ is the line a retired card ends with. */
    enum Words implements Text {
        SOCIALLY_SIGNIFICANT_TITLE,
        LINE_ASSIGNED,
        LINE_ASSIGNED_BY,
        ASSIGNED_TO_ANOTHER,
        LINE_ACCEPTED_AUTOMATICALLY,
        LINE_ACCEPTED,
        ACCEPTED_AUTOMATICALLY,
        ACCEPTED,
        LINE_RELEASED,
        RELEASED,
        LINE_RETURNED,
        RETURNED,
        LINE_RETURN_REJECTED,
        RETURN_REJECTED,
        LINE_SUBMITTED,
        SUBMITTED,
        LINE_POSTPONED,
        CO_EXECUTOR_ADDED,
        MATERIALS_DELIVERED,
        MATERIALS,
        MATERIALS_FILES,
        HELP_TITLE,
        HELP_REQUEST,
        LINE_DELEGATED,
        LINE_SUBSTITUTED,
        SUBSTITUTING_TITLE,
        LINE_EXECUTOR_CONFIRMED,
        EXECUTOR_CONFIRMED,
        PERIOD,
        ABSENT_SUBSTITUTED,
        ABSENT_WITHOUT_SUBSTITUTE,
        YOU_SUBSTITUTE,
        LINE_POSTPONED_REASSIGNED,
        POSTPONED_ASSIGNED_TO_ANOTHER,
        LINE_REDIRECT_REQUESTED,
        LINE_REDIRECT_REJECTED,
        LINE_ANSWER_EDITED,
        ANSWER_EDITED,
        LINE_CHAIN_APPROVED,
        LINE_APPROVED_AGAIN,
        DISAGREEMENT,
        REOPENED_TO_COORDINATORS,
        REOPENED_TITLE,
        THIRD_DISAGREEMENT_TITLE,
        LINE_APPROVED,
        APPROVED,
        LINE_REWORK,
        REWORK_TITLE,
        REWORK_REASON,
        PORTAL,
        LINE_PUBLISHED,
        PUBLISHED,
        LINE_TO_OPERATOR,
        TO_OPERATOR,
        LINE_CLOSED,
        CLOSED;

        @Override
        public String area() {
            return "bot.notifier";
        }
    }
}
