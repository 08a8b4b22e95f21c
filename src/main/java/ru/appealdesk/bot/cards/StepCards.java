package ru.appealdesk.bot.cards;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.appealdesk.audit.AuditLog;
import ru.appealdesk.bot.notifications.Recipients;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/**
 * The cards of an appeal's steps, each for the person who acts on it: the executor's, the coordinators', the
 * approvers', a co-executor's; with the photos and files that go with them. Finds the reader's chat, gathers the
 * facts ({@link StepFacts}), has a renderer draw the card ({@link ExecutorCards}, {@link CoordinatorCards},
 * {@link ReviewCards}) and sends it. The notifications decide when and to whom; {@code /appeal} shows a person the
 * card of the current step.
 */
@Component
public class StepCards {

    private static final Logger log = LoggerFactory.getLogger(StepCards.class);

    private final StepFacts facts;
    private final Recipients recipients;
    private final CardFiles files;
    private final CardMessages cardMessages;
    private final Outbox outbox;
    private final AuditLog audit;

    StepCards(StepFacts facts, Recipients recipients, CardFiles files, CardMessages cardMessages, Outbox outbox,
              AuditLog audit) {
        this.facts = facts;
        this.recipients = recipients;
        this.files = files;
        this.cardMessages = cardMessages;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** «Вы соисполнитель»: the appeal, the co-executor's own deadline and «Передать материалы». */
    public void coExecutorCard(AppealView a, String staffId) {
        chatOf(staffId).ifPresent(chat -> coExecutorCard(a, staffId, chat));
    }

    private void coExecutorCard(AppealView a, String staffId, Recipients.Chat chat) {
        a.coExecutor(staffId).ifPresent(co -> {
            files.applicantPhotos(a, chat.address());
            send(a, chat, ExecutorCards.coExecutor(facts.card(a, false), co), Card.Kind.CO_EXECUTOR);
        });
    }

    /** Approvers of the answer choose whom to hand the review to. */
    public void chooseDelegate(AppealView a, StaffMember presser, ChatAddress chat) {
        Message m = ReviewCards.delegates(a, facts.delegates(a, presser));
        cardMessages.send(chat, m.header(), m.body(), m.buttons(), Outbox.PRIORITY_REPLY,
                Card.Kind.DELEGATE_CHOICE, a.id(), a.step());
    }

    /** «Отложенное обращение: назначьте исполнителя»: one button per candidate executor, the previous one first. */
    public void postponedReassignCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> postponedReassignCard(a, chat));
    }

    private void postponedReassignCard(AppealView a, Recipients.Chat chat) {
        send(a, chat, CoordinatorCards.postponedReassign(facts.card(a, false), facts.postponedCandidates(a),
                facts.postponedShare(a)), Card.Kind.POSTPONED_REASSIGN);
    }

    /** PRODUCT.md §9: after «Отложено» was placed, the executor owes the final answer by the postponed date. */
    public void postponedCard(AppealView a) {
        chatOf(a.executorId()).ifPresent(chat -> postponedCard(a, chat));
    }

    private void postponedCard(AppealView a, Recipients.Chat chat) {
        send(a, chat, ExecutorCards.postponed(facts.card(a, true)), Card.Kind.ACCEPTED);
    }

    public void redirectReviewCard(AppealView a, StaffMember moderator, String whereAndWhy) {
        chatOf(moderator.id()).ifPresent(chat -> redirectReviewCard(a, whereAndWhy, chat));
    }

    private void redirectReviewCard(AppealView a, String whereAndWhy, Recipients.Chat chat) {
        send(a, chat, ReviewCards.redirectReview(facts.card(a, true), whereAndWhy), Card.Kind.REVIEW);
    }

    /**
     * Sends a person the card of the appeal's current step, in the chat they asked from (a person bound in two
     * messengers gets it where they typed {@code /appeal}): with buttons if the step is theirs.
     */
    public void showTo(AppealView a, StaffMember person, ChatAddress chat) {
        showTo(a, person, new Recipients.Chat(chat, ""));
    }

    /** The same in a chat found for the person ({@code here}: theirs, or their substitute's, marked «за …»). */
    public void showTo(AppealView a, StaffMember person, Recipients.Chat here) {
        ChatAddress chat = here.address();
        boolean executor = person.id().equals(a.executorId());
        boolean coordinator = facts.coordinator(person);
        boolean approver = facts.approver(person, a);
        if (a.coExecutor(person.id()).isPresent() && a.status() != AppealStatus.CLOSED && !coordinator && !approver) {
            coExecutorCard(a, person.id(), here);
            return;
        }
        Runnable card = switch (a.status()) {
            case NEW -> coordinator ? () -> unroutedCard(a, here) : null;
            case ASSIGNED -> executor ? () -> executorCard(a, here) : null;
            case IN_PROGRESS -> executor ? () -> acceptedCard(a, StepWords.IN_WORK.text(), here)
                    : coordinator ? () -> send(a, chat, here.mark(),
                            CoordinatorCards.oversight(facts.cardFor(person, a)), Outbox.PRIORITY_REPLY,
                            Card.Kind.OVERSIGHT) : null;
            case REWORK -> executor ? () -> acceptedCard(a, StepWords.IN_REWORK.text(), here) : null;
            case RETURNED -> coordinator ? () -> returnedCard(a, a.stepEntry().comment(), here) : null;
            case ANSWER_REVIEW -> approver ? () -> reviewCard(a, here) : null;
            case APPROVED -> coordinator ? () -> approvedCard(a, here)
                    : facts.executorPlaces(person, a) ? () -> placeCard(a, here)
                    : facts.qualityController(person, a) ? () -> qualityCard(a, here) : null;
            case POSTPONED -> executor ? () -> postponedCard(a, here)
                    : coordinator ? () -> postponedReassignCard(a, here) : null;
            case REDIRECT_REVIEW -> person.hasRole(Role.MODERATOR)
                    ? () -> redirectReviewCard(a, a.stepEntry().comment(), here) : null;
            case CASE_DECISION -> facts.caseDecider(person) ? () -> decisionCard(a, here) : null;
            case AWAITING_APPLICANT -> coordinator ? () -> awaitingCard(a, false, here) : null;
            case CLOSED -> null;
        };
        if (card != null) {
            card.run();
        } else {
            send(a, chat, here.mark(), ReviewCards.plain(facts.cardFor(person, a)), Outbox.PRIORITY_REPLY, null);
        }
    }

    /**
     * The coordinators' card of an appeal awaiting the applicant (seed 004 п.13); {@code overdue}: its {@code
     * clarification-wait} passed, so it may be closed.
     */
    public void awaitingCard(AppealView a, StaffMember coordinator, boolean overdue) {
        chatOf(coordinator.id()).ifPresent(chat -> awaitingCard(a, overdue, chat));
    }

    private void awaitingCard(AppealView a, boolean overdue, Recipients.Chat chat) {
        send(a, chat, CoordinatorCards.awaiting(facts.card(a, false), facts.clarificationWaitEnds(a), overdue),
                Card.Kind.OVERSIGHT);
    }

    public void executorCard(AppealView a) {
        Optional<Recipients.Chat> chat = chatOf(a.executorId());
        if (chat.isEmpty()) {
            log.warn("Executor {} of appeal {} is bound in no messenger", a.executorId(), a.id());
            CardFacts f = facts.card(a, false);
            recipients.distinct(facts.coordinators()).forEach(c -> tell(c.id(),
                    StepWords.EXECUTOR_NOT_CONNECTED.text(Html.escape(f.name(a.executorId())),
                            Html.escape(a.number()))));
            return;
        }
        executorCard(a, chat.get());
    }

    private void executorCard(AppealView a, Recipients.Chat chat) {
        files.applicantPhotos(a, chat.address());
        send(a, chat, ExecutorCards.executor(facts.card(a, true), facts.earlier(a)), Card.Kind.EXECUTOR);
    }

    public void acceptedCard(AppealView a, String title) {
        chatOf(a.executorId()).ifPresent(chat -> acceptedCard(a, title, chat));
    }

    private void acceptedCard(AppealView a, String title, Recipients.Chat chat) {
        send(a, chat, ExecutorCards.accepted(facts.card(a, true), title, facts.returnableUntil(a)),
                Card.Kind.ACCEPTED);
    }

    public void unroutedCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> unroutedCard(a, chat));
    }

    private void unroutedCard(AppealView a, Recipients.Chat chat) {
        Message m = CoordinatorCards.unrouted(facts.card(a, false), facts.unroutedCandidates(a), facts.earlier(a),
                facts.hasCaseDecider());
        files.applicantPhotos(a, chat.address());
        send(a, chat, m, Card.Kind.UNROUTED);
    }

    /** The case-decider's card (001 §3): the coordinators' choice of executor, and a way back to them. */
    private void decisionCard(AppealView a, Recipients.Chat chat) {
        String by = a.stepEntry() == null ? null : a.stepEntry().actorId();
        Message m = CoordinatorCards.decision(facts.card(a, false), facts.unroutedCandidates(a), facts.earlier(a),
                by == null ? "" : facts.card(a, false).name(by));
        files.applicantPhotos(a, chat.address());
        send(a, chat, m, Card.Kind.UNROUTED);
    }

    public void returnedCard(AppealView a, StaffMember coordinator, String reason) {
        chatOf(coordinator.id()).ifPresent(chat -> returnedCard(a, reason, chat));
    }

    private void returnedCard(AppealView a, String reason, Recipients.Chat chat) {
        send(a, chat, CoordinatorCards.returned(facts.card(a, false), facts.returnedCandidates(a), reason,
                facts.hasCaseDecider()), Card.Kind.RETURNED);
    }

    public void reviewCard(AppealView a, StaffMember moderator) {
        chatOf(moderator.id()).ifPresent(chat -> reviewCard(a, chat));
    }

    private void reviewCard(AppealView a, Recipients.Chat chat) {
        files.answerFiles(a, chat.address());
        send(a, chat, ReviewCards.review(facts.card(a, true), facts.stage(a)), Card.Kind.REVIEW);
    }

    /**
     * The approved answer's card for one who places it ({@code Transition.PUBLISH}'s actor): a coordinator's with a
     * return for quality, or the executor's where the source's {@code placed-by} is EXECUTOR.
     */
    public void approvedCard(AppealView a, StaffMember placer) {
        boolean coordinator = facts.coordinator(placer);
        chatOf(placer.id()).ifPresent(chat -> {
            if (coordinator) {
                approvedCard(a, chat);
            } else if (facts.executorPlaces(placer, a)) {
                placeCard(a, chat);
            }
        });
    }

    private void placeCard(AppealView a, Recipients.Chat chat) {
        send(a, chat, ExecutorCards.toPlace(facts.card(a, true)), Card.Kind.APPROVED);
    }

    /** A curator's card of the approved answer: only «Вернуть на доработку» (seed 003 §2). */
    private void qualityCard(AppealView a, Recipients.Chat chat) {
        files.answerFiles(a, chat.address());
        send(a, chat, CoordinatorCards.qualityCheck(facts.card(a, false)), Card.Kind.APPROVED);
    }

    private void approvedCard(AppealView a, Recipients.Chat chat) {
        files.answerFiles(a, chat.address());
        send(a, chat, CoordinatorCards.approved(facts.card(a, false)), Card.Kind.APPROVED);
    }

    /** Sends a drawn card of the appeal to the person's chat (marked «за …» for a substitute). */
    public void send(AppealView a, Recipients.Chat chat, Message m, Card.Kind kind) {
        send(a, chat.address(), chat.mark(), m, Outbox.PRIORITY_CARD, kind);
    }

    /** The facts of a card of the appeal (for the notifications' own cards). */
    public CardFacts facts(AppealView a, boolean contacts) {
        return facts.card(a, contacts);
    }

    private void send(AppealView a, ChatAddress chat, String mark, Message m, int priority, Card.Kind kind) {
        String header = mark + m.header();
        cardMessages.send(chat, header, m.body(), StepWords.CONTINUATION.text(Html.escape(a.number())),
                m.buttons(), priority, kind, a.id(), a.step());
        if (CardTexts.showsContacts(header, a)) {
            audit.contactsRead(recipients.staffIdOf(chat), AuditLog.Channel.of(chat.messenger()),
                    AuditLog.Action.CARD_WITH_CONTACTS, a);
        }
    }

    public void tell(String staffId, String html) {
        chatOf(staffId).ifPresent(chat -> outbox.text(chat.address(), chat.mark() + html, Outbox.PRIORITY_CARD));
    }

    /** The person's chat, or their substitute's while they are away (the message then marked «за …»). */
    private Optional<Recipients.Chat> chatOf(String staffId) {
        return recipients.of(staffId);
    }
}
