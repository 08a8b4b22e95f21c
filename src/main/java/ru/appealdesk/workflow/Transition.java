package ru.appealdesk.workflow;

import static ru.appealdesk.workflow.AppealStatus.ANSWER_REVIEW;
import static ru.appealdesk.workflow.AppealStatus.APPROVED;
import static ru.appealdesk.workflow.AppealStatus.ASSIGNED;
import static ru.appealdesk.workflow.AppealStatus.CASE_DECISION;
import static ru.appealdesk.workflow.AppealStatus.AWAITING_APPLICANT;
import static ru.appealdesk.workflow.AppealStatus.CLOSED;
import static ru.appealdesk.workflow.AppealStatus.IN_PROGRESS;
import static ru.appealdesk.workflow.AppealStatus.NEW;
import static ru.appealdesk.workflow.AppealStatus.POSTPONED;
import static ru.appealdesk.workflow.AppealStatus.REDIRECT_REVIEW;
import static ru.appealdesk.workflow.AppealStatus.RETURNED;
import static ru.appealdesk.workflow.AppealStatus.REWORK;
import static ru.appealdesk.workflow.Transition.Actor.APPLICANT;
import static ru.appealdesk.workflow.Transition.Actor.APPROVER;
import static ru.appealdesk.workflow.Transition.Actor.CASE_DECIDER;
import static ru.appealdesk.workflow.Transition.Actor.CO_EXECUTOR;
import static ru.appealdesk.workflow.Transition.Actor.COORDINATOR;
import static ru.appealdesk.workflow.Transition.Actor.EXECUTOR;
import static ru.appealdesk.workflow.Transition.Actor.MODERATOR;
import static ru.appealdesk.workflow.Transition.Actor.PLACER;
import static ru.appealdesk.workflow.Transition.Actor.PORTAL;
import static ru.appealdesk.workflow.Transition.Actor.QUALITY_CONTROLLER;
import static ru.appealdesk.workflow.Transition.Actor.SYSTEM;
import static ru.appealdesk.workflow.Transition.Kind.PLAIN;
import static ru.appealdesk.workflow.Transition.Part.ASIDE;
import static ru.appealdesk.workflow.Transition.Part.STEP;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.appealdesk.text.Text;

/**
 * The lifecycle in one table (PRODUCT.md §2, §9): per transition the statuses it starts from, who acts, the status it
 * leads to (null: it stays), the history types it records (the first is its own) and the button a card offers for
 * it. The aggregate's guards, the dialogs' access checks, the owners of each step, the cards' buttons and the
 * diagram in docs/ARCHITECTURE.md are read from here. A {@link Kind#PLAIN} transition is nothing but its declaration
 * and its words: the aggregate carries it out from the table ({@code AppealCommands.perform}), its event is {@code
 * AppealMoved}, and the chat closes the step's cards with its {@link #line()}, shows the next step's card to its
 * owners and answers the press with its {@link #reply()}.
 */
public enum Transition {
    REGISTER(none(), SYSTEM, STEP, NEW, null, HistoryType.REGISTERED),
    ROUTE(set(NEW), SYSTEM, STEP, ASSIGNED, null, HistoryType.ASSIGNED),
    ASSIGN(set(NEW, RETURNED), COORDINATOR, STEP, ASSIGNED, null, HistoryType.ASSIGNED, HistoryType.REASSIGNED),
    ACCEPT(set(ASSIGNED), EXECUTOR, STEP, IN_PROGRESS, "ACCEPT", HistoryType.ACCEPTED),
    AUTO_ACCEPT(set(ASSIGNED), SYSTEM, ASIDE, IN_PROGRESS, null, HistoryType.AUTO_ACCEPTED),
    RETURN(set(ASSIGNED, IN_PROGRESS), EXECUTOR, STEP, RETURNED, "RETURN", HistoryType.RETURNED),
    RELEASE_UNCLAIMED(set(ASSIGNED), SYSTEM, ASIDE, NEW, null, HistoryType.CLAIM_EXPIRED),
    REJECT_RETURN(set(RETURNED), COORDINATOR, STEP, IN_PROGRESS, "REJECT_RETURN", HistoryType.RETURN_REJECTED),
    SUBMIT_ANSWER(set(IN_PROGRESS, REWORK, POSTPONED), EXECUTOR, STEP, ANSWER_REVIEW, "PREPARE_ANSWER",
            HistoryType.ANSWER_SUBMITTED, HistoryType.APPLICANT_NOTIFIED),
    REQUEST_HELP(set(ASSIGNED, IN_PROGRESS, REWORK, POSTPONED), EXECUTOR, ASIDE, null, "HELP",
            HistoryType.HELP_REQUESTED),
    APPROVE(set(ANSWER_REVIEW), APPROVER, STEP, APPROVED, "APPROVE", HistoryType.ANSWER_APPROVED),
    PRE_APPROVE(set(ANSWER_REVIEW), APPROVER, STEP, null, null, HistoryType.SECONDARY_APPROVED),
    APPROVE_STAGE(set(ANSWER_REVIEW), APPROVER, STEP, null, null, HistoryType.CHAIN_APPROVED),
    /**
     * «Подписать»: the department's deputy head, the last approver where its {@code sign-by} is DEPUTY_HEAD (seed 000
     * п.6); its «На доработку» is {@link #SEND_TO_REWORK}.
     */
    SIGN(set(ANSWER_REVIEW), APPROVER, STEP, APPROVED, "SIGN", HistoryType.ANSWER_APPROVED),
    SEND_TO_REWORK(set(ANSWER_REVIEW), APPROVER, STEP, REWORK, "TO_REWORK", HistoryType.SENT_TO_REWORK),
    EDIT_ANSWER(set(ANSWER_REVIEW), APPROVER, STEP, null, "EDIT_TEXT", HistoryType.ANSWER_EDITED),
    DELEGATE_REVIEW(set(ANSWER_REVIEW), APPROVER, STEP, null, "DELEGATE_REVIEW", HistoryType.APPROVAL_DELEGATED),
    /** «Размещено»: the coordinators, and the executor where the source's {@code placed-by} is EXECUTOR. */
    PUBLISH(set(APPROVED), PLACER, STEP, CLOSED, "PUBLISHED", HistoryType.PUBLISHED),
    /** The same «Размещено» on an «Отложено» answer. */
    PUBLISH_POSTPONED(set(APPROVED), PLACER, STEP, POSTPONED, null, HistoryType.PUBLISHED),
    /** The same «Размещено» on a «Запрос уточнения»: the clock stops until the applicant replies (seed 004 п.13). */
    PUBLISH_CLARIFICATION(set(APPROVED), PLACER, STEP, AWAITING_APPLICANT, null, HistoryType.PUBLISHED),
    /** «Ответ получен»: a coordinator enters the applicant's reply; back to the executor, the terms moved on. */
    RECEIVE_CLARIFICATION(set(AWAITING_APPLICANT), COORDINATOR, STEP, IN_PROGRESS, "CLARIFICATION_RECEIVED",
            HistoryType.CLARIFICATION_RECEIVED),
    /** «Ответа нет»: a coordinator ends the wait without a reply; back to the executor, the terms moved on. */
    NO_CLARIFICATION_REPLY(set(AWAITING_APPLICANT), COORDINATOR, STEP, IN_PROGRESS, "NO_CLARIFICATION_REPLY",
            HistoryType.CLARIFICATION_MISSING),
    /** The applicant replies through the portal ({@code POST /api/appeals/{id}/clarification}). */
    CLARIFY(set(AWAITING_APPLICANT), APPLICANT, ASIDE, IN_PROGRESS, null, HistoryType.CLARIFICATION_RECEIVED),
    /** After {@code clarification-wait} without a reply the coordinators may close it (resolution NO_CLARIFICATION). */
    CLOSE_NO_CLARIFICATION(set(AWAITING_APPLICANT), COORDINATOR, STEP, CLOSED, null,
            HistoryType.CLOSED_NO_CLARIFICATION),
    /** «Вернуть на доработку» of an approved answer: a coordinator or a curator (seed 003 §2). */
    QUALITY_RETURN(set(APPROVED), QUALITY_CONTROLLER, STEP, REWORK, "QUALITY_RETURN", HistoryType.QUALITY_RETURN),
    REASSIGN_POSTPONED(set(POSTPONED), COORDINATOR, ASIDE, null, null, HistoryType.REASSIGNED),
    CONFIRM_POSTPONED(set(POSTPONED), COORDINATOR, ASIDE, null, null, HistoryType.POSTPONED_CONFIRMED),
    SUBSTITUTE(set(ASSIGNED, IN_PROGRESS, REWORK, POSTPONED), SYSTEM, ASIDE, null, null, HistoryType.SUBSTITUTED),
    REDIRECT(set(NEW, RETURNED), COORDINATOR, STEP, CLOSED, "REDIRECT", HistoryType.REDIRECTED),
    /** The same «Перенаправить» where the source wants a moderator to agree (ПОС). */
    REQUEST_REDIRECT(set(NEW, RETURNED), COORDINATOR, STEP, REDIRECT_REVIEW, null, HistoryType.REDIRECT_REQUESTED),
    APPROVE_REDIRECT(set(REDIRECT_REVIEW), MODERATOR, STEP, CLOSED, "APPROVE", HistoryType.REDIRECT_APPROVED),
    /** Plain: the moderator does not agree, the coordinators route it again. */
    REJECT_REDIRECT(PLAIN, set(REDIRECT_REVIEW), MODERATOR, STEP, NEW, "REJECT", HistoryType.REDIRECT_REJECTED),
    /** Plain: a coordinator hands a difficult unrouted appeal to the {@code case-decider} (001 §3). */
    TO_CASE_DECIDER(PLAIN, set(NEW, RETURNED), COORDINATOR, STEP, CASE_DECISION, "TO_CASE_DECIDER",
            HistoryType.TO_CASE_DECIDER),
    /** The case-decider routes it to an executor (the coordinators' assignment, theirs now). */
    DECIDE(set(CASE_DECISION), CASE_DECIDER, STEP, ASSIGNED, null, HistoryType.ASSIGNED, HistoryType.REASSIGNED),
    /** Plain: the case-decider gives it back to the coordinators to route. */
    BACK_TO_COORDINATORS(PLAIN, set(CASE_DECISION), CASE_DECIDER, STEP, NEW, "BACK_TO_COORDINATORS",
            HistoryType.BACK_TO_COORDINATORS),
    /** «Закрыть без ответа» in the chat (seed 004 п.21). */
    CLOSE(set(NEW, RETURNED, IN_PROGRESS), COORDINATOR, ASIDE, CLOSED, "CLOSE_WITHOUT_ANSWER",
            HistoryType.CLOSED_NO_ANSWER, HistoryType.CLOSED_DUPLICATE, HistoryType.CLOSED_REDIRECTED),
    /** The portal closes any open appeal ({@code POST /api/appeals/{id}/close}). */
    CLOSE_BY_PORTAL(open(), PORTAL, ASIDE, CLOSED, null,
            HistoryType.CLOSED_NO_ANSWER, HistoryType.CLOSED_DUPLICATE, HistoryType.CLOSED_REDIRECTED),
    /** The applicant disagrees (at most three times); the executor still works here. */
    REOPEN(set(CLOSED, POSTPONED), APPLICANT, ASIDE, IN_PROGRESS, null, HistoryType.REOPENED),
    /** The applicant disagrees and the executor has left: to the coordinators. */
    REOPEN_UNASSIGNED(set(CLOSED, POSTPONED), APPLICANT, ASIDE, NEW, null, HistoryType.REOPENED),
    /** After the third disagreement (seed 001 §2). */
    HAND_TO_OPERATOR(open(), COORDINATOR, ASIDE, CLOSED, "TO_OPERATOR", HistoryType.TO_OPERATOR),
    ADD_CO_EXECUTOR(open(), COORDINATOR, ASIDE, null, "CO_EXECUTORS", HistoryType.CO_EXECUTOR_ADDED),
    /** The executor adds co-executors while the appeal is with them (PRODUCT.md §10). */
    ADD_OWN_CO_EXECUTOR(set(ASSIGNED, IN_PROGRESS, REWORK, POSTPONED), EXECUTOR, ASIDE, null, "CO_EXECUTORS",
            HistoryType.CO_EXECUTOR_ADDED),
    DELIVER_MATERIALS(open(), CO_EXECUTOR, ASIDE, null, "DELIVER_MATERIALS", HistoryType.MATERIALS_DELIVERED);

    /** Who acts: a person by their part in the appeal, or no person. */
    public enum Actor {
        /** The appeal's executor. */
        EXECUTOR,
        /** Whoever may approve its answer now (the department's approvers or chain, the secondary approver). */
        APPROVER,
        /** A coordinator (or who substitutes one). */
        COORDINATOR,
        /** A moderator (redirects that need approval). */
        MODERATOR,
        /** A curator: oversees the quality of the executors' answers (seed 003 §2 Куратор). */
        CURATOR,
        /** The {@code case-decider} of staff.yml (001 §3: the head of Управление делами), or who substitutes them. */
        CASE_DECIDER,
        /** One of its co-executors. */
        CO_EXECUTOR,
        /** The applicant, through the portal. */
        APPLICANT,
        /** The portal's API. */
        PORTAL,
        /** The timers and the routing. */
        SYSTEM,
        /**
         * Composite: who places the approved answer on the portal: the coordinators, and also the executor where
         * the source's regulation says {@code placed-by: EXECUTOR} (seed 000 п.10, 12; 002 п.4).
         */
        PLACER,
        /**
         * Composite: who may send an approved answer back for rework before it is placed: the coordinators and the
         * curators (seed 003 §2: Координатор, Куратор).
         */
        QUALITY_CONTROLLER;

        /** The facts of an appeal a composite part needs to know whom it stands for. */
        public record Facts(boolean executorPlaces) {

            /** No fact holds: the parts a composite always stands for. */
            public static final Facts NONE = new Facts(false);
        }

        /** A staff member whose part this is, so their step can be theirs. */
        public boolean person() {
            return this != APPLICANT && this != PORTAL && this != SYSTEM;
        }

        /** It stands for other, plain parts ({@link #parts(Facts)}); the one mechanism of composite parts. */
        public boolean composite() {
            return this == PLACER || this == QUALITY_CONTROLLER;
        }

        /**
         * The plain parts this one stands for: a plain part itself; {@link #PLACER} the coordinators and, where the
         * source's {@code placed-by} is EXECUTOR, the executor; {@link #QUALITY_CONTROLLER} the coordinators and
         * the curators. Every check of who acts (AppealAccess, AppealCommands), every step's owners (StepOwners, the
         * chat's Audience) expands a part through here.
         */
        public List<Actor> parts(Facts facts) {
            return switch (this) {
                case PLACER -> facts.executorPlaces() ? List.of(COORDINATOR, EXECUTOR) : List.of(COORDINATOR);
                case QUALITY_CONTROLLER -> List.of(COORDINATOR, CURATOR);
                default -> List.of(this);
            };
        }

        /** The plain parts it stands for whatever the appeal (those {@link Transition#offeredIn} draws cards for). */
        public List<Actor> parts() {
            return parts(Facts.NONE);
        }
    }

    /** Whether the transition is the step's own work (its actor owns the step) or done aside of it. */
    enum Part { STEP, ASIDE }

    /** Whether the aggregate has a method of its own for it (checks, data, its own event) or the table is all. */
    enum Kind { CODED, PLAIN }

    /** The words of a plain transition: its status line on the cards it ends, the reply to the person who acted. */
    public record Words(String area, String name) implements Text {
    }

    /** A button's words: a key of {@code bot.button}. */
    public record Label(String name) implements Text {
        @Override
        public String area() {
            return "bot.button";
        }
    }

    /** Statuses in which an executor holds the appeal: the step is theirs. */
    public static final Set<AppealStatus> WITH_EXECUTOR = Set.copyOf(ownedBy(Actor.EXECUTOR));
    /** Statuses in which the coordinators decide where the appeal goes (route it, redirect it). */
    public static final Set<AppealStatus> WITH_COORDINATORS = ASSIGN.from();

    private final Kind kind;
    private final Set<AppealStatus> from;
    private final Actor actor;
    private final Part part;
    private final AppealStatus to;
    private final Label button;
    private final List<HistoryType> records;

    Transition(Set<AppealStatus> from, Actor actor, Part part, AppealStatus to, String button,
               HistoryType... records) {
        this(Kind.CODED, from, actor, part, to, button, records);
    }

    Transition(Kind kind, Set<AppealStatus> from, Actor actor, Part part, AppealStatus to, String button,
               HistoryType... records) {
        this.kind = kind;
        this.from = from;
        this.actor = actor;
        this.part = part;
        this.to = to;
        this.button = button == null ? null : new Label(button);
        this.records = List.of(records);
    }

    /** The statuses it starts from. */
    public Set<AppealStatus> from() {
        return from;
    }

    /** Who acts. */
    public Actor actor() {
        return actor;
    }

    /** The status it leads to; empty: it stays where it is. */
    public Optional<AppealStatus> to() {
        return Optional.ofNullable(to);
    }

    /** The history types its entries have; the first is its own. */
    public List<HistoryType> records() {
        return records;
    }

    /** The words of the button a card offers for it, if a card offers one. */
    public Optional<Label> button() {
        return Optional.ofNullable(button);
    }

    /** The table is all of it: no method of the aggregate, no event of its own ({@code AppealMoved}). */
    public boolean plain() {
        return kind == Kind.PLAIN;
    }

    /** A plain transition's status line on the cards of the step it ends; {@code {0}}: who acted. */
    public Text line() {
        return new Words("transition.line", name());
    }

    /** A plain transition's reply to the person who acted. */
    public Text reply() {
        return new Words("transition.reply", name());
    }

    /** Its actor owns the step it starts from (not an intervention aside of it). */
    public boolean ownsStep() {
        return part == Part.STEP;
    }

    /** It may start in {@code status}. */
    public boolean startsIn(AppealStatus status) {
        return from.contains(status);
    }

    /**
     * The transitions a card for {@code actor} offers a button for in {@code status}, in the table's order; a card
     * shows its buttons from this list (and may hide one that a condition of the appeal rules out). A composite part
     * ({@link Actor#composite()}) offers its buttons to those it always stands for ({@link Actor#parts()}); the
     * executor's card where the regulation adds them draws its button itself.
     */
    public static List<Transition> offeredIn(AppealStatus status, Actor actor) {
        return Arrays.stream(values()).filter(t -> (t.actor == actor || t.actor.parts().contains(actor))
                && t.button != null && t.startsIn(status)).toList();
    }

    /** Whose step an appeal in {@code status} waits for: the person of the step's own transitions, if any. */
    public static Optional<Actor> owner(AppealStatus status) {
        return Arrays.stream(values()).filter(t -> t.ownsStep() && t.actor.person() && t.startsIn(status))
                .map(Transition::actor).findFirst();
    }

    /**
     * The transition that ends a stage of the answer with a term of its own (PRODUCT.md §13.2): the draft ends with
     * its submission, the approval with «Согласовать», the placement with «Размещено»; its actor holds the stage, so
     * a stage late past its term is that actor's (the placer's, not the executor's, for a late placement).
     */
    public static Transition ending(ru.appealdesk.directory.AnswerStage stage) {
        return switch (stage) {
            case DRAFT -> SUBMIT_ANSWER;
            case REVIEW -> APPROVE;
            case PLACEMENT -> PUBLISH;
        };
    }

    /** The stage of the answer an appeal in {@code status} is in: the one whose ending transition starts there. */
    public static Optional<ru.appealdesk.directory.AnswerStage> stageIn(AppealStatus status) {
        return Arrays.stream(ru.appealdesk.directory.AnswerStage.values()).filter(s -> ending(s).startsIn(status))
                .findFirst();
    }

    /** The statuses whose step belongs to {@code actor}. */
    public static Set<AppealStatus> ownedBy(Actor actor) {
        Set<AppealStatus> result = EnumSet.noneOf(AppealStatus.class);
        for (AppealStatus s : AppealStatus.values()) {
            if (owner(s).filter(actor::equals).isPresent()) {
                result.add(s);
            }
        }
        return result;
    }

    private static Set<AppealStatus> set(AppealStatus first, AppealStatus... rest) {
        return Set.copyOf(EnumSet.of(first, rest));
    }

    private static Set<AppealStatus> none() {
        return Set.of();
    }

    private static Set<AppealStatus> open() {
        return Set.copyOf(EnumSet.complementOf(EnumSet.of(CLOSED)));
    }
}
