package ru.appealdesk.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import jakarta.persistence.Version;

import ru.appealdesk.workflow.DeadlinePolicy.Deadline;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * The Appeal aggregate: its status changes only through the guarded methods below, each of which records a
 * history entry and returns the event that describes it. Every change increments {@code step}, so a button
 * made for an earlier step is recognised as stale.
 */
@Entity
@Table(name = "appeal")
class Appeal {

    /** The fact of an {@code ANSWER_APPROVED} entry that is the deputy head's signature (seed 000 п.6). */
    static final String SIGNED = "SIGNED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "appeal_seq")
    @SequenceGenerator(name = "appeal_seq", sequenceName = "appeal_id_seq", allocationSize = 1)
    private Long id;
    @Embedded
    private Intake intake;
    @Embedded
    private Terms terms;
    @Embedded
    private Step step;
    @Enumerated(EnumType.STRING)
    private Resolution resolution;
    @Embedded
    private Rounds rounds = new Rounds();
    @Embedded
    private Review review = new Review();
    @Embedded
    private SubmittedAnswer answer;
    @Embedded
    private CoExecutors coExecutors = new CoExecutors();
    @OneToMany(mappedBy = "appeal", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<HistoryEntry> history = new ArrayList<>();
    @Column(name = "created_at")
    private Instant createdAt;
    /** The normalised street and address ({@link AddressKey}), and the surge's cluster it belongs to (null: none). */
    @Column(name = "street_key")
    private String streetKey;
    @Column(name = "address_key")
    private String addressKey;
    @Column(name = "cluster_id")
    private Long clusterId;
    @Version
    private long version;

    protected Appeal() {
    }

    static Appeal register(NewAppeal request, String departmentId, Deadline deadline, Instant now) {
        Appeal appeal = new Appeal();
        appeal.intake = new Intake(request);
        appeal.terms = new Terms(request.receivedAt(), deadline);
        appeal.step = new Step(departmentId, now);
        appeal.createdAt = now;
        AddressKey key = AddressKey.of(request.address());
        appeal.streetKey = key.street();
        appeal.addressKey = key.address();
        appeal.record(now, null, HistoryType.REGISTERED, null, AppealStatus.NEW, null, null);
        return appeal;
    }

    AppealEvents.AppealAssigned assign(String executor, String department, String actor, Instant now) {
        return assign(executor, department, actor, false, now);
    }

    /** Routing as the appeal is registered (the first step, nothing earlier to close). */
    AppealEvents.AppealAssigned route(String executor, String department, Instant now) {
        return assign(executor, department, null, true, now);
    }

    private AppealEvents.AppealAssigned assign(String executor, String department, String actor,
                                               boolean atRegistration, Instant now) {
        require(atRegistration ? Transition.ROUTE
                : step.status() == AppealStatus.CASE_DECISION ? Transition.DECIDE : Transition.ASSIGN);
        coExecutors().requireNotAmong(executor, id);
        String previous = step.handTo(executor, department);
        move(now, actor, previous == null ? HistoryType.ASSIGNED : HistoryType.REASSIGNED, AppealStatus.ASSIGNED, null);
        return new AppealEvents.AppealAssigned(view(), executor, previous, actor, atRegistration, now);
    }

    AppealEvents.AppealAccepted accept(String actor, Instant now) {
        require(actor == null ? Transition.AUTO_ACCEPT : Transition.ACCEPT);
        step.requireExecutor(actor, id);
        if (actor == null) {
            fact(now, null, HistoryType.AUTO_ACCEPTED, AppealStatus.IN_PROGRESS, null);
        } else {
            move(now, actor, HistoryType.ACCEPTED, AppealStatus.IN_PROGRESS, null);
        }
        return new AppealEvents.AppealAccepted(view(), step.executorId(), actor == null, now);
    }

    /**
     * The executor returns the appeal with the legal basis: while it is assigned, or — where the source allows it
     * (ЕЦУР, seed 000 п.9) — after accepting it by mistake, until {@code returnableUntil} (null: not after accepting).
     */
    AppealEvents.AppealReturned returnToCoordinators(String actor, String reason, Instant returnableUntil,
                                                     Instant now) {
        return returnToCoordinators(actor, reason, returnableUntil, true, now);
    }

    /** As above; {@code needsLegalBasis}: the source's {@code return-needs-legal-basis} (false: reasons only). */
    AppealEvents.AppealReturned returnToCoordinators(String actor, String reason, Instant returnableUntil,
                                                     boolean needsLegalBasis, Instant now) {
        require(Transition.RETURN);
        step.requireExecutor(actor, id);
        if (step.status() == AppealStatus.IN_PROGRESS) {
            if (returnableUntil == null || !view().justAccepted()) {
                throw new TransitionRefused(Reason.WRONG_STATE, "appeal " + id + " is in work and cannot be returned");
            }
            if (!now.isBefore(returnableUntil)) {
                throw new TransitionRefused(Reason.RETURN_WINDOW_PASSED, "appeal " + id + " was accepted too long "
                        + "ago to be returned");
            }
        }
        String checked = ReturnReasons.check(reason, needsLegalBasis);
        move(now, actor, HistoryType.RETURNED, AppealStatus.RETURNED, checked);
        return new AppealEvents.AppealReturned(view(), step.executorId(), checked, now);
    }

    /** ЕЦУР (seed 000 п.7): not accepted by the claim deadline, the appeal goes back to the coordinators. */
    AppealEvents.AppealReleased releaseUnclaimed(Instant now) {
        require(Transition.RELEASE_UNCLAIMED);
        String previous = step.executorId();
        fact(now, null, HistoryType.CLAIM_EXPIRED, AppealStatus.NEW, null);
        step.handTo(null, step.departmentId());
        return new AppealEvents.AppealReleased(view(), previous, now);
    }

    AppealEvents.ReturnRejected rejectReturn(String coordinator, Instant now) {
        require(Transition.REJECT_RETURN);
        fact(now, coordinator, HistoryType.RETURN_REJECTED, AppealStatus.IN_PROGRESS, null);
        return new AppealEvents.ReturnRejected(view(), step.executorId(), coordinator, now);
    }

    AppealEvents.AnswerSubmitted submitAnswer(String actor, AnswerDraft draft, PostponementLimits limits, Instant now) {
        return submitAnswer(actor, draft, limits, false, now);
    }

    AppealEvents.AnswerSubmitted submitAnswer(String actor, AnswerDraft draft, PostponementLimits limits,
                                              boolean noticeRequired, Instant now) {
        return submitAnswer(actor, draft, limits, noticeRequired, false, now);
    }

    /**
     * Submits the answer for approval; where the source says so ({@code noticeRequired}, seed 000 п.15) the
     * executor must have told the applicant the result first, and how is recorded ({@code APPLICANT_NOTIFIED});
     * where it requires evidence ({@code evidenceRequired}, seed 000 п.6, 001 §4.6) an answer other than «Отложено»
     * carries a photo or a document.
     */
    AppealEvents.AnswerSubmitted submitAnswer(String actor, AnswerDraft draft, PostponementLimits limits,
                                              boolean noticeRequired, boolean evidenceRequired, Instant now) {
        require(Transition.SUBMIT_ANSWER);
        step.requireExecutor(actor, id);
        TransitionRefused.requireText(draft.text(), 1, Reason.TEXT_REQUIRED, "the answer has no text");
        if (draft.type() == AnswerType.POSTPONED) {
            checkPostponement(draft.postponedUntil(), limits);
        }
        if (draft.type() != AnswerType.CLARIFICATION) {
            // a question to the applicant proves nothing and answers no photo (seed 004 п.13)
            intake.checkProof(draft.attachments());
        }
        SubmittedAnswer.checkEvidence(draft, evidenceRequired);
        SubmittedAnswer.checkNotice(draft, noticeRequired && draft.type() != AnswerType.CLARIFICATION);
        if (draft.applicantNotified() != null) {
            record(now, actor, HistoryType.APPLICANT_NOTIFIED, step.status(), step.status(), null,
                    List.of(draft.applicantNotified()));
        }
        answer().submit(draft, actor, now);
        // the secondary approver sees it first after a disagreement they have not approved an answer to yet
        // (seed 000 п.13), and for a repeated postponement (seed 000 п.14)
        review.start(Review.reopenAwaitsSecondary(history) || rounds.repeatsPostponement(draft.type()));
        fact(now, actor, HistoryType.ANSWER_SUBMITTED, AppealStatus.ANSWER_REVIEW, null, draft.type().name());
        history.get(history.size() - 1).fromTemplate(draft.templateId());
        return new AppealEvents.AnswerSubmitted(view(), step.executorId(), now);
    }

    /** «Отложено» (PRODUCT.md §9): see {@link Rounds#checkPostponement}. */
    void checkPostponement(LocalDate until, PostponementLimits limits) {
        rounds.checkPostponement(until, limits, id);
    }

    /**
     * The secondary approver's «Согласовать» on the answer to an applicant who disagreed (seed 000 п.13): the
     * answer stays in review and goes on to the department's approvers.
     */
    AppealEvents.AnswerPreApproved preApprove(String secondaryApprover, Instant now) {
        require(Transition.PRE_APPROVE);
        step.requireNotExecutor(secondaryApprover, id);
        review.secondaryApproved(id);
        fact(now, secondaryApprover, HistoryType.SECONDARY_APPROVED, AppealStatus.ANSWER_REVIEW, null,
                rounds.repeatsPostponement(answer().type()) ? "POSTPONEMENT" : "DISAGREEMENT");
        return new AppealEvents.AnswerPreApproved(view(), secondaryApprover, now);
    }

    /** A member of the department's approval chain approved (stage {@code stage} of {@code of}); the next one is due. */
    AppealEvents.AnswerPreApproved approveStage(String moderator, int stage, int of, Instant now) {
        require(Transition.APPROVE_STAGE);
        step.requireNotExecutor(moderator, id);
        review.stageApproved(stage);
        fact(now, moderator, HistoryType.CHAIN_APPROVED, AppealStatus.ANSWER_REVIEW, null, String.valueOf(stage),
                String.valueOf(of));
        return new AppealEvents.AnswerPreApproved(view(), moderator, now);
    }

    /** «Передать согласование» (003 Руководитель): another person who may approve takes the review over. */
    AppealEvents.ReviewDelegated delegateReview(String from, String to, Instant now) {
        require(Transition.DELEGATE_REVIEW);
        step.requireNotExecutor(from, id);
        if (to.equals(step.executorId()) || to.equals(from)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, to + " cannot take over the review of appeal " + id);
        }
        review.delegateTo(to);
        fact(now, from, HistoryType.APPROVAL_DELEGATED, AppealStatus.ANSWER_REVIEW, null, to);
        return new AppealEvents.ReviewDelegated(view(), from, to, now);
    }

    AppealEvents.AnswerApproved approve(String moderator, Instant now) {
        require(Transition.APPROVE);
        step.requireNotExecutor(moderator, id);
        review.end();
        move(now, moderator, HistoryType.ANSWER_APPROVED, AppealStatus.APPROVED, null);
        return new AppealEvents.AnswerApproved(view(), moderator, now);
    }

    /**
     * «Подписать»: the deputy head signs the answer all others approved (seed 000 п.6); it is approved, recorded as
     * signed.
     */
    AppealEvents.AnswerApproved sign(String deputyHead, Instant now) {
        require(Transition.SIGN);
        step.requireNotExecutor(deputyHead, id);
        review.end();
        fact(now, deputyHead, HistoryType.ANSWER_APPROVED, AppealStatus.APPROVED, null, SIGNED);
        return new AppealEvents.AnswerApproved(view(), deputyHead, now);
    }

    AppealEvents.AnswerSentToRework sendToRework(String moderator, String reason, Instant now) {
        require(Transition.SEND_TO_REWORK);
        step.requireNotExecutor(moderator, id);
        String why = TransitionRefused.requireText(reason, 5, Reason.REASON_TOO_SHORT, "a rework reason is required");
        review.sentBack();
        move(now, moderator, HistoryType.SENT_TO_REWORK, AppealStatus.REWORK, why);
        return new AppealEvents.AnswerSentToRework(view(), moderator, step.executorId(), why, now);
    }

    /** A coordinator finds an approved answer not good enough to place (seed 003): back to the executor. */
    AppealEvents.AnswerSentToRework returnForQuality(String coordinator, String reason, Instant now) {
        require(Transition.QUALITY_RETURN);
        String why = requireReason(reason);
        review.end();
        move(now, coordinator, HistoryType.QUALITY_RETURN, AppealStatus.REWORK, why);
        return new AppealEvents.AnswerSentToRework(view(), coordinator, step.executorId(), why, now);
    }

    /** «Изменить текст»: an approver corrects the answer under review; the old text stays in the history. */
    AppealEvents.AnswerEdited editAnswer(String moderator, String newText, Instant now) {
        require(Transition.EDIT_ANSWER);
        step.requireNotExecutor(moderator, id);
        TransitionRefused.requireText(newText, 1, Reason.TEXT_REQUIRED, "the answer has no text");
        String previous = answer().edit(newText);
        fact(now, moderator, HistoryType.ANSWER_EDITED, AppealStatus.ANSWER_REVIEW, previous);
        return new AppealEvents.AnswerEdited(view(), moderator, previous, now);
    }

    /**
     * «Размещено» on an «Отложено» answer (PRODUCT.md §9): the appeal waits for its final answer by the postponed
     * date, with the executor; {@code terms} are the postponed date's.
     */
    AppealEvents.AppealPostponed markPostponedPublished(String coordinator, Deadline terms, Instant now) {
        require(Transition.PUBLISH_POSTPONED);
        if (!answer().postponed()) {
            throw new TransitionRefused(Reason.WRONG_STATE, "the answer of appeal " + id + " is not POSTPONED");
        }
        rounds.postponed();
        // the placement is judged against the deadline it met or missed; the postponed terms begin after it
        fact(now, coordinator, HistoryType.PUBLISHED, AppealStatus.POSTPONED, null,
                answer().postponedUntil().toString());
        this.terms.renew(terms);
        return new AppealEvents.AppealPostponed(view(), coordinator, now);
    }

    /**
     * A coordinator assigns the executor of a postponed appeal (seed 002 п.10): the same one or another; the
     * appeal stays postponed with its terms.
     */
    Object reassignPostponed(String executor, String department, String coordinator, Instant now) {
        String previous = step.executorId();
        require(executor.equals(previous) ? Transition.CONFIRM_POSTPONED : Transition.REASSIGN_POSTPONED);
        if (executor.equals(previous)) {
            // the same executor goes on: a note, so a final answer they are writing stays valid
            record(now, coordinator, HistoryType.POSTPONED_CONFIRMED, step.status(), step.status(), null, List.of());
            return new AppealEvents.PostponedConfirmed(view(), executor, coordinator, now);
        }
        coExecutors().requireNotAmong(executor, id);
        step.handTo(executor, department);
        fact(now, coordinator, HistoryType.REASSIGNED, AppealStatus.POSTPONED, null);
        return new AppealEvents.PostponedReassigned(view(), executor, previous, coordinator, now);
    }

    /**
     * The executor is away (seed 002 п.4): their substitute takes the appeal over at the same step of work; the
     * absent executor's buttons go stale.
     */
    AppealEvents.AppealSubstituted substitute(String substitute, String department, List<String> absence, Instant now) {
        require(Transition.SUBSTITUTE);
        String absent = step.handTo(substitute, department);
        fact(now, null, HistoryType.SUBSTITUTED, step.status(), null, absence.toArray(String[]::new));
        return new AppealEvents.AppealSubstituted(view(), absent, substitute, now);
    }

    AppealEvents.AppealClosed markPublished(String coordinator, Instant now) {
        require(Transition.PUBLISH);
        if (answer().postponed() || answer().clarification()) {
            throw new TransitionRefused(Reason.WRONG_STATE, "a " + answer().type() + " answer leaves appeal " + id
                    + " open");
        }
        resolution = Resolution.PUBLISHED;
        fact(now, coordinator, HistoryType.PUBLISHED, AppealStatus.CLOSED, null);
        return new AppealEvents.AppealClosed(view(), coordinator, now);
    }

    /**
     * «Размещено» on a «Запрос уточнения» (seed 004 п.13): the appeal waits for the applicant, its clock stopped
     * from now on.
     */
    AppealEvents.ClarificationAwaited markClarificationPublished(String placer, Instant now) {
        require(Transition.PUBLISH_CLARIFICATION);
        if (!answer().clarification()) {
            throw new TransitionRefused(Reason.WRONG_STATE, "the answer of appeal " + id + " is not CLARIFICATION");
        }
        fact(now, placer, HistoryType.PUBLISHED, AppealStatus.AWAITING_APPLICANT, null,
                AnswerType.CLARIFICATION.name());
        return new AppealEvents.ClarificationAwaited(view(), placer, now);
    }

    /**
     * The wait for the applicant ends ({@code t}: {@link Transition#CLARIFY} by the portal, {@link
     * Transition#RECEIVE_CLARIFICATION} or {@link Transition#NO_CLARIFICATION_REPLY} by a coordinator): back to
     * the executor; every term moves on by the paused working time ({@code shift}; {@code pausedMinutes} of it).
     * The entry keeps the paused interval and the reply; the reply's photos join the applicant's.
     */
    AppealEvents.ClarificationEnded endClarification(Transition t, String actor, String reply, List<String> photos,
                                                     java.util.function.UnaryOperator<Instant> shift,
                                                     long pausedMinutes, Instant now) {
        if (t != Transition.CLARIFY && t != Transition.RECEIVE_CLARIFICATION && t != Transition.NO_CLARIFICATION_REPLY
                && t != Transition.CLOSE_NO_CLARIFICATION) {
            throw new IllegalArgumentException(t + " does not end a clarification");
        }
        if (step.status() != AppealStatus.AWAITING_APPLICANT) {
            throw new TransitionRefused(Reason.WRONG_STATE, "appeal " + id + " awaits no reply to a clarification: it "
                    + "is " + step.status() + (resolution == null ? "" : "/" + resolution));
        }
        require(t);
        String text = t == Transition.NO_CLARIFICATION_REPLY || t == Transition.CLOSE_NO_CLARIFICATION ? null
                : TransitionRefused.requireText(reply, 1, Reason.TEXT_REQUIRED, "the applicant's reply has no text");
        Instant since = step.startedAt();
        terms.shift(shift);
        coExecutors().shift(shift);
        if (photos != null) {
            intake.addPhotos(photos);
        }
        AppealStatus to = t.to().orElseThrow();
        if (to == AppealStatus.CLOSED) {
            resolution = Resolution.NO_CLARIFICATION;
        }
        fact(now, actor, t.records().get(0), to, text, since.toString(), now.toString(),
                String.valueOf(pausedMinutes));
        return new AppealEvents.ClarificationEnded(view(), t, actor, text, now);
    }

    /**
     * The applicant disagreed with the published answer (seed 000 п.13, 001 §2): back to work with the same executor
     * if they still work here, else to the coordinators; new terms from now; the next answer goes first to the
     * secondary approver. At most three times.
     */
    AppealEvents.AppealReopened reopen(String comment, List<String> newPhotos, boolean executorActive,
                                       Deadline deadline, Instant now) {
        Transition reopen = executorActive ? Transition.REOPEN : Transition.REOPEN_UNASSIGNED;
        AppealStatus status = step.status();
        if (!reopen.startsIn(status) || status == AppealStatus.CLOSED && resolution != Resolution.PUBLISHED) {
            throw new TransitionRefused(Reason.WRONG_STATE, "only an appeal closed with a published answer can be "
                    + "reopened; appeal " + id + " is " + status + (resolution == null ? "" : "/" + resolution));
        }
        rounds.checkReopen(id);
        String said = TransitionRefused.requireText(comment, 5, Reason.COMMENT_TOO_SHORT,
                "the applicant's comment is required");
        step.begin(reopen);
        int round = rounds.reopened();
        review.secondaryDue(true);
        resolution = null;
        intake.addPhotos(newPhotos);
        terms.renew(deadline);
        String previous = step.executorId();
        if (!executorActive) {
            step.handTo(null, step.departmentId());
        }
        fact(now, null, HistoryType.REOPENED, executorActive ? AppealStatus.IN_PROGRESS : AppealStatus.NEW, said,
                String.valueOf(round), String.valueOf(Rounds.MAX_REOPENS));
        return new AppealEvents.AppealReopened(view(), round, said, previous, now);
    }

    /** After the third disagreement a coordinator hands the appeal to the operator of the portal (001 §2). */
    AppealEvents.AppealClosed handToOperator(String coordinator, Instant now) {
        if (!rounds.exhausted() || !Transition.HAND_TO_OPERATOR.startsIn(step.status())) {
            throw new TransitionRefused(Reason.WRONG_STATE, "appeal " + id + " is not waiting to go to the operator");
        }
        step.begin(Transition.HAND_TO_OPERATOR);
        resolution = Resolution.TO_OPERATOR;
        review.secondaryDue(false);
        fact(now, coordinator, HistoryType.TO_OPERATOR, AppealStatus.CLOSED, null);
        return new AppealEvents.AppealClosed(view(), coordinator, now);
    }

    /**
     * A coordinator redirects the appeal to another organisation (001 §3) with where and on what basis: closed as
     * {@code REDIRECTED} at once, or waiting for a moderator where the source says so (ПОС).
     */
    AppealEvents.AppealEvent redirect(String coordinator, String whereAndWhy, boolean needsApproval, Instant now) {
        require(needsApproval ? Transition.REQUEST_REDIRECT : Transition.REDIRECT);
        String where = TransitionRefused.requireText(whereAndWhy, 10, Reason.COMMENT_TOO_SHORT,
                "say where to and on what basis");
        if (needsApproval) {
            move(now, coordinator, HistoryType.REDIRECT_REQUESTED, AppealStatus.REDIRECT_REVIEW, where);
            return new AppealEvents.RedirectRequested(view(), coordinator, where, now);
        }
        resolution = Resolution.REDIRECTED;
        move(now, coordinator, HistoryType.REDIRECTED, AppealStatus.CLOSED, where);
        return new AppealEvents.AppealClosed(view(), coordinator, now);
    }

    /** A moderator's «Согласовать» on a redirect (ПОС): closed as redirected. */
    AppealEvents.AppealClosed approveRedirect(String moderator, Instant now) {
        require(Transition.APPROVE_REDIRECT);
        resolution = Resolution.REDIRECTED;
        move(now, moderator, HistoryType.REDIRECT_APPROVED, AppealStatus.CLOSED, null);
        return new AppealEvents.AppealClosed(view(), moderator, now);
    }

    /** A moderator's «Отклонить» on a redirect: back to the coordinators. */
    /** A plain transition ({@link Transition#plain()}): its status, history and event come from the table alone. */
    AppealEvents.AppealMoved perform(Transition t, String actor, Instant now) {
        if (!t.plain()) {
            throw new IllegalArgumentException(t + " is carried out by a method of its own");
        }
        require(t);
        if (t.actor() == Transition.Actor.EXECUTOR) {
            step.requireExecutor(actor, id);
        }
        if (t.to().isPresent()) {
            move(now, actor, t.records().get(0), t.to().get(), null);
        } else {
            note(now, actor, t.records().get(0), null);
        }
        return new AppealEvents.AppealMoved(view(), t, actor, now);
    }

    /**
     * Closes an open appeal without an answer (seed 004 п.21: threats or obscenity; a duplicate) or as redirected
     * elsewhere by the portal; {@code actor} null is the portal (REST). The reason is kept in the history.
     */
    AppealEvents.AppealClosed closeWithoutAnswer(String actor, Resolution how, String reason, Instant now) {
        if (how != Resolution.NO_ANSWER && how != Resolution.DUPLICATE && how != Resolution.REDIRECTED) {
            throw new TransitionRefused(Reason.INVALID_RESOLUTION,
                    "an appeal is closed without an answer as NO_ANSWER, DUPLICATE or REDIRECTED, not " + how);
        }
        String why = requireReason(reason);
        // the aggregate takes every open status; the chat offers and checks the narrower Transition.CLOSE first
        if (!Transition.CLOSE_BY_PORTAL.startsIn(step.status())) {
            throw new TransitionRefused(Reason.WRONG_STATE, "appeal " + id + " is already closed");
        }
        step.begin(actor == null ? Transition.CLOSE_BY_PORTAL : Transition.CLOSE);
        resolution = how;
        move(now, actor, HistoryType.closed(how), AppealStatus.CLOSED, why);
        return new AppealEvents.AppealClosed(view(), actor, now);
    }

    /**
     * Adds a co-executor (001 §4.3, 4.6; 004 п.17) with their own deadline; a note in the current step, so nobody's
     * buttons go stale. {@code actor} null is the portal (REST).
     */
    AppealEvents.CoExecutorAdded addCoExecutor(String staffId, Instant dueAt, String actor, Instant now) {
        require(Transition.ADD_CO_EXECUTOR);
        coExecutors().add(staffId, dueAt, actor, now, step.executorId(), id);
        note(now, actor, HistoryType.CO_EXECUTOR_ADDED, staffId);
        return new AppealEvents.CoExecutorAdded(view(), staffId, dueAt, actor, now);
    }

    /** A co-executor hands their materials (a text and files) to the responsible executor. */
    AppealEvents.MaterialsDelivered deliverMaterials(String staffId, String text, List<AppealView.Attachment> files,
                                                     Instant now) {
        require(Transition.DELIVER_MATERIALS);
        String materials = coExecutors().deliver(staffId, text, files, now, id);
        note(now, staffId, HistoryType.MATERIALS_DELIVERED, materials);
        return new AppealEvents.MaterialsDelivered(view(), staffId, now);
    }

    /** «Нужна помощь» (seed 000 п.16): the executor asks the deputy head and the coordinators; a note. */
    AppealEvents.HelpRequested requestHelp(String actor, String text, Instant now) {
        require(Transition.REQUEST_HELP);
        step.requireExecutor(actor, id);
        String help = TransitionRefused.requireText(text, 5, Reason.COMMENT_TOO_SHORT, "say what help is needed");
        note(now, actor, HistoryType.HELP_REQUESTED, help);
        return new AppealEvents.HelpRequested(view(), actor, help, now);
    }

    /** A reason a coordinator or the portal gives: at least 5 characters, stripped. */
    private static String requireReason(String reason) {
        return TransitionRefused.requireText(reason, 5, Reason.COMMENT_TOO_SHORT,
                "a reason of at least 5 characters is required");
    }

    void requireStep(int expected) {
        step.requireNumber(expected);
    }

    /** The table's guard: {@code t} starts from the current status; the entries recorded next are its. */
    private void require(Transition t) {
        step.require(t, id);
    }

    /** A transition whose entry keeps what a person typed ({@code comment}, may be null) and nothing else. */
    private void move(Instant now, String actor, HistoryType type, AppealStatus to, String comment) {
        transition(now, actor, type, to, comment, null);
    }

    /**
     * A transition whose entry keeps facts ({@code args}, put into words by {@code HistoryWords}) and, where the
     * entry has one, a text a person wrote ({@code text}: a comment, the previous answer).
     */
    private void fact(Instant now, String actor, HistoryType type, AppealStatus to, String text, String... args) {
        transition(now, actor, type, to, text, List.of(args));
    }

    private void transition(Instant now, String actor, HistoryType type, AppealStatus to, String comment,
                            List<String> args) {
        record(now, actor, type, step.advance(to, now), to, comment, args);
    }

    private void record(Instant now, String actor, HistoryType type, AppealStatus from, AppealStatus to, String comment,
                        List<String> args) {
        step.checkRecords(type);
        history.add(new HistoryEntry(this, now, actor, type, from, to, step.executorId(), comment, args,
                step.number(), terms.answerDueAt()));
    }

    /** An entry of the current step that changes no status (so no button goes stale). */
    private void note(Instant now, String actor, HistoryType type, String comment) {
        record(now, actor, type, step.status(), step.status(), comment, null);
    }

    Long id() {
        return id;
    }

    /** Links the appeal to a surge's cluster: no status, no step, so nobody's buttons go stale. */
    void joinCluster(long cluster) {
        clusterId = cluster;
    }

    String streetKey() {
        return streetKey;
    }

    String addressKey() {
        return addressKey;
    }

    Long clusterId() {
        return clusterId;
    }

    Instant receivedAt() {
        return terms.receivedAt();
    }

    AppealStatus status() {
        return step.status();
    }

    String executorId() {
        return step.executorId();
    }

    String departmentId() {
        return step.departmentId();
    }

    /** The answer last submitted; a blank one before the first (Hibernate loads all-null embedded columns as null). */
    private SubmittedAnswer answer() {
        if (answer == null) {
            answer = new SubmittedAnswer();
        }
        return answer;
    }

    /** The co-executors; none before the first (in case Hibernate loads the embeddable as null). */
    private CoExecutors coExecutors() {
        if (coExecutors == null) {
            coExecutors = new CoExecutors();
        }
        return coExecutors;
    }

    AppealView view() {
        return new AppealView(id, intake.source(), intake.externalId(), intake.category(), step.departmentId(),
                intake.priority(), intake.fz59(), intake.sociallySignificant(), intake.text(), intake.address(),
                intake.applicant(), intake.photos(), terms.receivedAt(), terms.dueAt(), terms.answerDueAt(),
                step.status(), step.executorId(), step.number(), step.startedAt(), rounds.postponeCount(),
                answer == null ? null : answer.view(),
                history.stream().map(HistoryEntry::view).toList(), resolution, rounds.reopenCount(),
                review.secondary(), intake.repeatOf(), review.delegate(), review.chainPosition(),
                coExecutors().view(), intake.registeredBy(), clusterId);
    }
}
