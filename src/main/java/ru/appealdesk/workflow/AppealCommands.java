package ru.appealdesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealEvents.AppealEvent;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * Carries out the transitions of the table on behalf of a staff member, the timers or the portal, checking that
 * the step belongs to them and that the button was made for the appeal's current step. Every change and its event
 * share one transaction.
 */
@Service
public class AppealCommands {

    private static final Logger log = LoggerFactory.getLogger(AppealCommands.class);

    private final AppealRepository appeals;
    private final Directory directory;
    private final DeadlinePolicy deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Approvers approvers;
    private final ru.appealdesk.directory.Absences absences;
    private final ApplicantPhotos photos;
    private final AppealQueries queries;
    private final AppealAccess access;

    AppealCommands(AppealRepository appeals, Directory directory, DeadlinePolicy deadlines,
                   ApplicationEventPublisher events, Clock clock, Approvers approvers,
                   ru.appealdesk.directory.Absences absences, ApplicantPhotos photos, AppealQueries queries,
                   AppealAccess access) {
        this.access = access;
        this.queries = queries;
        this.photos = photos;
        this.absences = absences;
        this.approvers = approvers;
        this.appeals = appeals;
        this.directory = directory;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView accept(long id, int step, String executorId) {
        return change(id, step, executorId, (a, now) -> a.accept(executorId, now));
    }

    /** The accept window passed: the appeal is accepted for its executor (seed 000 п.5). */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView acceptAutomatically(long id, int step) {
        return change(id, step, null, (a, now) -> a.accept(null, now));
    }

    /** The ЕЦУР claim deadline passed with the appeal not accepted: back to the coordinators. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView releaseUnclaimed(long id, int step) {
        return change(id, step, null, (a, now) -> a.releaseUnclaimed(now));
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView returnToCoordinators(long id, int step, String executorId, String reason) {
        AppealView before = load(id).view();
        Instant returnableUntil = queries.returnableUntil(before);
        boolean needsLegalBasis = queries.returnNeedsLegalBasis(before);
        return change(id, step, executorId, (a, now) -> a.returnToCoordinators(executorId, reason, returnableUntil,
                needsLegalBasis, now));
    }

    /**
     * A coordinator gives the appeal to an executor: a new or returned one goes to them to accept; a postponed one
     * (ПОС, seed 002 п.10) stays postponed with them.
     */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView reassign(long id, int step, String coordinatorId, String executorId) {
        requireActor(id, coordinatorId, load(id).status() == AppealStatus.CASE_DECISION ? Transition.DECIDE
                : Transition.ASSIGN);
        StaffMember executor = directory.staff(executorId).filter(s -> s.hasRole(Role.EXECUTOR))
                .orElseThrow(() -> new TransitionRefused(Reason.UNKNOWN_EXECUTOR, "unknown executor " + executorId));
        Appeal appeal = load(id);
        if (appeal.status() == AppealStatus.POSTPONED) {
            appeal.requireStep(step);
            return note(id, coordinatorId, (a, now) -> a.reassignPostponed(executor.id(), executor.departmentId(),
                    coordinatorId, now));
        }
        return change(id, step, coordinatorId,
                (a, now) -> a.assign(executor.id(), executor.departmentId(), coordinatorId, now));
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView rejectReturn(long id, int step, String coordinatorId) {
        requireActor(id, coordinatorId, Transition.REJECT_RETURN);
        return change(id, step, coordinatorId, (a, now) -> a.rejectReturn(coordinatorId, now));
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView submitAnswer(long id, int step, String executorId, AnswerDraft draft) {
        AppealView before = load(id).view();
        PostponementLimits limits = queries.limits(before);
        boolean noticeRequired = directory.regulation(before.source()).notifyApplicant();
        boolean evidenceRequired = directory.regulation(before.source()).answerEvidence();
        // a template of another category or type (a stale draft after a configuration reload) is not recorded
        AnswerDraft checked = draft.templateId() == null || directory.template(draft.templateId())
                .filter(t -> t.category().equals(before.category()) && t.type().equals(draft.type().name()))
                .isPresent() ? draft : new AnswerDraft(draft.type(), draft.text(), draft.postponedUntil(),
                draft.attachments(), draft.applicantNotified(), null);
        return change(id, step, executorId, (a, now) -> a.submitAnswer(executorId, checked, limits, noticeRequired,
                evidenceRequired, now));
    }

    /** «Нужна помощь» (seed 000 п.16): a note; the deputy head and the coordinators get the text. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView requestHelp(long id, String executorId, String text) {
        return note(id, executorId, (a, now) -> a.requestHelp(executorId, text, now));
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView approve(long id, int step, String moderatorId) {
        requireActor(id, moderatorId, Transition.APPROVE);
        AppealView before = load(id).view();
        boolean secondary = approvers.secondary(before).isPresent();
        Optional<Approvers.Stage> stage = approvers.stage(before);
        boolean signing = !secondary && stage.filter(Approvers.Stage::signing).isPresent();
        Optional<Approvers.Stage> next = stage.filter(s -> !s.last());
        return change(id, step, moderatorId, (a, now) -> secondary ? a.preApprove(moderatorId, now)
                : signing ? a.sign(moderatorId, now)
                : next.isPresent() ? a.approveStage(moderatorId, next.get().stage(), next.get().of(), now)
                : a.approve(moderatorId, now));
    }

    /**
     * «Подписать»: the department's deputy head signs the answer as the last approval step ({@code sign-by:
     * DEPUTY_HEAD}, seed 000 п.6); refused before the others have approved it.
     */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView sign(long id, int step, String deputyHeadId) {
        requireActor(id, deputyHeadId, Transition.SIGN);
        AppealView before = load(id).view();
        if (approvers.secondary(before).isPresent()
                || approvers.stage(before).filter(Approvers.Stage::signing).isEmpty()) {
            throw new TransitionRefused(Reason.WRONG_STATE, "the answer of appeal " + id + " awaits no signature");
        }
        return change(id, step, deputyHeadId, (a, now) -> a.sign(deputyHeadId, now));
    }

    /** «Передать согласование»: an approver hands the review to another moderator (003 Руководитель). */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView delegateReview(long id, int step, String moderatorId, String toId) {
        requireActor(id, moderatorId, Transition.DELEGATE_REVIEW);
        if (approvers.stage(load(id).view()).filter(Approvers.Stage::signing).isPresent()) {
            // the signature is the deputy head's own (seed 000 п.6): handing it to a moderator would skip it
            throw new TransitionRefused(Reason.NOT_ALLOWED, "the deputy head's signature is not handed over");
        }
        StaffMember to = directory.staff(toId).filter(s -> s.hasRole(Role.MODERATOR))
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_ALLOWED, toId + " does not approve answers"));
        return change(id, step, moderatorId, (a, now) -> a.delegateReview(moderatorId, to.id(), now));
    }

    /**
     * The applicant disagreed with the published answer ({@code POST /api/appeals/{id}/reopen}): back to the same
     * executor while they still work here as one, else to the coordinators; new terms from now.
     */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView reopen(long id, String comment, List<String> photos) {
        AppealView before = load(id).view();
        boolean executorActive = directory.staff(before.executorId()).filter(s -> s.hasRole(Role.EXECUTOR))
                .isPresent();
        Instant now = clock.instant();
        DeadlinePolicy.Deadline deadline = deadlines.compute(before.source(), before.category(), before.priority(),
                now);
        AppealView reopened = change(id, null, null, (a, at) -> a.reopen(comment, photos, executorActive, deadline,
                at));
        this.photos.track(id, reopened.photos());
        return reopened;
    }

    /** «Вернуть на доработку» on an approved answer: a coordinator's or a curator's quality return (seed 003 §2). */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView returnForQuality(long id, int step, String coordinatorId, String reason) {
        requireActor(id, coordinatorId, Transition.QUALITY_RETURN);
        return change(id, step, coordinatorId, (a, now) -> a.returnForQuality(coordinatorId, reason, now));
    }

    /** «Изменить текст»: an approver of the answer under review replaces its text. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView editAnswer(long id, int step, String moderatorId, String text) {
        requireActor(id, moderatorId, Transition.EDIT_ANSWER);
        return change(id, step, moderatorId, (a, now) -> a.editAnswer(moderatorId, text, now));
    }

    /**
     * Adds a co-executor (PRODUCT.md §10): by the responsible executor while the appeal is with them, by a
     * coordinator at any open step, or by the portal ({@code actorId} null). Their deadline is the source's
     * {@code co-executor-within} from {@code receivedAt} (from now if that has already passed), else the appeal's
     * answer deadline.
     */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView addCoExecutor(long id, String actorId, String staffId) {
        AppealView before = load(id).view();
        if (actorId != null) {
            boolean coordinator = directory.staff(actorId).filter(s -> absences.actsAs(s, Role.COORDINATOR))
                    .isPresent();
            boolean executor = actorId.equals(before.executorId())
                    && Transition.ADD_OWN_CO_EXECUTOR.startsIn(before.status());
            if (!coordinator && !executor) {
                throw new TransitionRefused(Reason.NOT_ALLOWED, actorId + " may not add co-executors to appeal " + id);
            }
        }
        StaffMember co = directory.staff(staffId).filter(s -> s.hasRole(Role.EXECUTOR))
                .orElseThrow(() -> new TransitionRefused(Reason.UNKNOWN_EXECUTOR, "unknown executor " + staffId));
        Instant now = clock.instant();
        ru.appealdesk.directory.WorkDuration within = directory.regulation(before.source()).coExecutorWithin();
        Instant dueAt = within == null ? before.answerDueAt() : deadlines.plus(before.receivedAt(), within);
        if (within != null && !dueAt.isAfter(now)) {
            dueAt = deadlines.plus(now, within);
        }
        Instant due = dueAt;
        return note(id, actorId, (a, at) -> a.addCoExecutor(co.id(), due, actorId, at));
    }

    /** A co-executor hands their materials (text and files) to the responsible executor. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView deliverMaterials(long id, String staffId, String text, List<AppealView.Attachment> files) {
        return note(id, staffId, (a, at) -> a.deliverMaterials(staffId, text, files, at));
    }

    /** «Перенаправить»: where to and on what basis (001 §3); closed at once unless the source wants approval. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView redirect(long id, int step, String coordinatorId, String whereAndWhy) {
        requireActor(id, coordinatorId, Transition.REDIRECT);
        boolean needsApproval = directory.regulation(load(id).view().source()).redirectNeedsApproval();
        return change(id, step, coordinatorId, (a, now) -> a.redirect(coordinatorId, whereAndWhy, needsApproval,
                now));
    }

    /** A moderator approves a redirect waiting in {@code REDIRECT_REVIEW} (rejecting it is plain: {@link #perform}). */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView approveRedirect(long id, int step, String moderatorId) {
        requireActor(id, moderatorId, Transition.APPROVE_REDIRECT);
        return change(id, step, moderatorId, (a, now) -> a.approveRedirect(moderatorId, now));
    }

    /** Carries out a plain transition of the table ({@link Transition#plain()}) for {@code staffId}. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView perform(long id, int step, String staffId, Transition t) {
        if (t.actor() != Transition.Actor.EXECUTOR) {
            requireActor(id, staffId, t); // the executor is the aggregate's to check
        }
        return change(id, step, staffId, (a, now) -> a.perform(t, staffId, now));
    }

    /** «Передано оператору»: a coordinator closes the appeal after the applicant's third disagreement. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView handToOperator(long id, int step, String coordinatorId) {
        requireActor(id, coordinatorId, Transition.HAND_TO_OPERATOR);
        return change(id, step, coordinatorId, (a, now) -> a.handToOperator(coordinatorId, now));
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView sendToRework(long id, int step, String moderatorId, String reason) {
        requireActor(id, moderatorId, Transition.SEND_TO_REWORK);
        return change(id, step, moderatorId, (a, now) -> a.sendToRework(moderatorId, reason, now));
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView markPublished(long id, int step, String coordinatorId) {
        requireActor(id, coordinatorId, Transition.PUBLISH);
        AppealView before = load(id).view();
        if (before.answer() != null && before.answer().type() == AnswerType.POSTPONED
                && before.answer().postponedUntil() != null) {
            DeadlinePolicy.Deadline terms = deadlines.postponedTo(before.source(), before.answer().postponedUntil(),
                    clock.instant());
            return change(id, step, coordinatorId, (a, now) -> a.markPostponedPublished(coordinatorId, terms, now));
        }
        if (before.answer() != null && before.answer().type() == AnswerType.CLARIFICATION) {
            return change(id, step, coordinatorId, (a, now) -> a.markClarificationPublished(coordinatorId, now));
        }
        return change(id, step, coordinatorId, (a, now) -> a.markPublished(coordinatorId, now));
    }

    /**
     * The applicant's reply to a clarification through the portal ({@code POST /api/appeals/{id}/clarification}):
     * back to the executor with the reply and its photos, the terms moved on by the paused working time.
     */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView clarify(long id, String text, List<String> newPhotos) {
        AppealView after = endClarification(id, null, null, Transition.CLARIFY, text, newPhotos);
        this.photos.track(id, after.photos());
        return after;
    }

    /**
     * A coordinator ends the wait for the applicant from the card: «Ответ получен» with the reply's {@code text}
     * ({@link Transition#RECEIVE_CLARIFICATION}), «Ответа нет» ({@link Transition#NO_CLARIFICATION_REPLY}), or
     * — once {@code clarification-wait} has passed — closes the appeal ({@link Transition#CLOSE_NO_CLARIFICATION}).
     */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView endClarification(long id, int step, String coordinatorId, Transition t, String text) {
        requireActor(id, coordinatorId, t);
        if (t == Transition.CLOSE_NO_CLARIFICATION) {
            AppealView a = load(id).view();
            if (a.status() == AppealStatus.AWAITING_APPLICANT && clock.instant().isBefore(queries.clarificationWaitEnds(a))) {
                throw new TransitionRefused(Reason.WRONG_STATE, "appeal " + id + " still waits for the applicant's "
                        + "reply");
            }
        }
        return endClarification(id, step, coordinatorId, t, text, List.of());
    }

    private AppealView endClarification(long id, Integer step, String actor, Transition t, String text,
                                        List<String> newPhotos) {
        AppealView before = load(id).view();
        Instant now = clock.instant();
        java.time.Duration paused = before.status() == AppealStatus.AWAITING_APPLICANT
                ? deadlines.workingBetween(before.stepStartedAt(), now) : java.time.Duration.ZERO;
        return change(id, step, actor, (a, at) -> a.endClarification(t, actor, text, newPhotos,
                term -> deadlines.shifted(term, paused), paused.toMinutes(), at));
    }

    /** A coordinator closes the appeal without an answer from its card (seed 004 п.21). */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView closeWithoutAnswer(long id, int step, String coordinatorId, Resolution how, String reason) {
        requireActor(id, coordinatorId, Transition.CLOSE);
        return change(id, step, coordinatorId, (a, now) -> a.closeWithoutAnswer(coordinatorId, how, reason, now));
    }

    /** The portal closes the appeal without an answer ({@code POST /api/appeals/{id}/close}), whatever its step. */
    @Transactional(noRollbackFor = TransitionRefused.class)
    public AppealView closeWithoutAnswer(long id, Resolution how, String reason) {
        return change(id, null, null, (a, now) -> a.closeWithoutAnswer(null, how, reason, now));
    }

    /** Carries out a transition; {@code step} null for the REST API, which acts on the current step. */
    private AppealView change(long id, Integer step, String actor,
                              BiFunction<Appeal, Instant, AppealEvent> transition) {
        Appeal appeal = load(id);
        if (step != null) {
            appeal.requireStep(step);
        }
        return publish(appeal, transition.apply(appeal, clock.instant()), actor);
    }

    /** Records a note of the current step (no step change, so no button goes stale) and publishes its event. */
    private AppealView note(long id, String actor, BiFunction<Appeal, Instant, Object> note) {
        Appeal appeal = load(id);
        return publish(appeal, note.apply(appeal, clock.instant()), actor);
    }

    /** Writes the change, then tells the other modules within the same transaction. */
    private AppealView publish(Appeal appeal, Object event, String actor) {
        appeals.flush();
        events.publishEvent(event);
        log.info("Appeal {}: {} by {}", appeal.id(), event.getClass().getSimpleName(),
                actor == null ? "system/API" : actor);
        return appeal.view();
    }

    private Appeal load(long id) {
        return queries.load(id);
    }

    /** The table's check of who acts: {@code staffId} takes the part of {@code t}'s actor. */
    private void requireActor(long id, String staffId, Transition t) {
        if (t.actor().composite()) {
            AppealView a = load(id).view();
            if (directory.staff(staffId).filter(s -> access.actsAs(s, t.actor(), a)).isEmpty()) {
                throw new TransitionRefused(Reason.NOT_ALLOWED, staffId + " does not act as " + t.actor());
            }
            return;
        }
        switch (t.actor()) {
            case COORDINATOR -> requireRole(staffId, Role.COORDINATOR);
            case MODERATOR -> requireRole(staffId, Role.MODERATOR);
            case CURATOR -> requireRole(staffId, Role.CURATOR);
            case APPROVER -> requireApprover(id, staffId);
            case CASE_DECIDER -> {
                if (directory.staff(staffId).filter(s -> access.actsAs(s, t.actor(), null)).isEmpty()) {
                    throw new TransitionRefused(Reason.NOT_ALLOWED, staffId + " is not the case-decider");
                }
            }
            case EXECUTOR, CO_EXECUTOR, APPLICANT, PORTAL, SYSTEM, PLACER, QUALITY_CONTROLLER ->
                    throw new IllegalArgumentException(t + ": the aggregate checks who acts");
        }
    }

    private void requireRole(String staffId, Role role) {
        if (directory.staff(staffId).filter(s -> absences.actsAs(s, role)).isEmpty()) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, staffId + " does not have role " + role);
        }
    }

    private void requireApprover(long id, String moderatorId) {
        Appeal appeal = load(id);
        // the executor passes here only to be refused with SELF_APPROVAL by the aggregate
        boolean allowed = moderatorId.equals(appeal.executorId()) || directory.staff(moderatorId)
                .filter(s -> approvers.mayApprove(s, appeal.view())).isPresent();
        if (!allowed) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, moderatorId + " does not approve answers of appeal " + id);
        }
    }

}
