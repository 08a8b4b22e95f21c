package ru.appealdesk.workflow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * Who may see an appeal and its applicant's contacts, and who may begin what: the messenger asks here before it
 * opens a dialog (a return reason, an answer, a rework reason), instead of repeating the aggregate's guards. The
 * transitions themselves check again when the dialog ends.
 */
@Component
public class AppealAccess {

    private final AppealQueries appeals;
    private final Directory directory;

    private final Approvers approvers;

    private final java.time.Clock clock;
    private final ru.appealdesk.directory.Absences absences;

    AppealAccess(AppealQueries appeals, Directory directory, Approvers approvers, java.time.Clock clock,
                 ru.appealdesk.directory.Absences absences) {
        this.absences = absences;
        this.clock = clock;
        this.appeals = appeals;
        this.directory = directory;
        this.approvers = approvers;
    }

    /**
     * Its executor and co-executors and the roles that oversee appeals; a deputy head only the appeals of departments
     * they supervise.
     */
    public boolean mayView(StaffMember s, AppealView a) {
        return mayViewAsSelf(s, a) || absences.representedBy(s.id()).stream().anyMatch(p -> mayViewAsSelf(p, a));
    }

    private boolean mayViewAsSelf(StaffMember s, AppealView a) {
        return s.id().equals(a.executorId()) || a.coExecutor(s.id()).isPresent() || s.hasRole(Role.COORDINATOR) || s.hasRole(Role.MODERATOR)
                || s.hasRole(Role.CURATOR) || s.hasRole(Role.HEAD) || s.hasRole(Role.ADMIN)
                || (s.hasRole(Role.DEPUTY_HEAD)
                && directory.deputyHeadOf(a.departmentId()).filter(s::equals).isPresent());
    }

    /** «Соисполнители»: a coordinator while the appeal is open, its executor while it is with them (PRODUCT.md §10). */
    public boolean mayAddCoExecutors(StaffMember s, AppealView a) {
        return may(s, Transition.ADD_CO_EXECUTOR, a) || may(s, Transition.ADD_OWN_CO_EXECUTOR, a);
    }

    /** {@code person} may carry out {@code t} on {@code a} now: it starts from its status and the part is theirs. */
    public boolean may(StaffMember person, Transition t, AppealView a) {
        return t.startsIn(a.status()) && actsAs(person, t.actor(), a);
    }

    /** The appeal, if {@code person} is its co-executor and it is still open (materials can be delivered). */
    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public AppealView checkCoExecutor(long appealId, StaffMember person) {
        AppealView a = appeals.find(appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + appealId));
        if (coExecutorActedFor(person, a).isEmpty()) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, person.id() + " is not a co-executor");
        }
        if (!Transition.DELIVER_MATERIALS.startsIn(a.status())) {
            throw new TransitionRefused(Reason.STALE, "appeal closed");
        }
        return a;
    }

    /** The co-executor {@code person} acts as: themselves, or one who is away and whom they substitute. */
    public java.util.Optional<String> coExecutorActedFor(StaffMember person, AppealView a) {
        if (a.coExecutor(person.id()).isPresent()) {
            return java.util.Optional.of(person.id());
        }
        return a.coExecutors().stream().map(AppealView.CoExecutor::staffId)
                .filter(id -> absences.substituteFor(id).filter(person::equals).isPresent()).findFirst();
    }

    /**
     * The applicant's phone and e-mail: only for the executor and the moderators who review this appeal's answers
     * (seed 004; PRODUCT.md §3, §12) — its department's approvers or chain, or whoever its review went to.
     */
    public boolean maySeeContacts(StaffMember s, AppealView a) {
        return s.id().equals(a.executorId()) || approvers.mayApprove(s, a)
                || a.departmentId() != null && directory.departmentsReviewedBy(s).contains(a.departmentId());
    }

    /**
     * The appeal, if {@code person} may begin {@code dialog} on it at {@code step}; refused as {@code STALE} when the
     * appeal moved on, {@code NOT_ALLOWED} when the step is not this person's.
     */
    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public AppealView checkDialog(long appealId, int step, StaffMember person, Transition transition) {
        AppealView a = appeals.find(appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + appealId));
        if (a.step() != step || !transition.startsIn(a.status())) {
            throw new TransitionRefused(Reason.STALE, "stale button");
        }
        if (!actsAs(person, transition.actor(), a)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, "not this person's step");
        }
        if (transition == Transition.RETURN && a.status() == AppealStatus.IN_PROGRESS) {
            java.time.Instant until = appeals.returnableUntil(a);
            if (until == null) {
                throw new TransitionRefused(Reason.STALE, "an appeal in work is not returned");
            }
            if (!clock.instant().isBefore(until)) {
                throw new TransitionRefused(Reason.RETURN_WINDOW_PASSED, "accepted too long ago");
            }
        }
        return a;
    }

    /** {@code person} takes the part {@code actor} in appeal {@code a} (a part that is no person is nobody's). */
    public boolean actsAs(StaffMember person, Transition.Actor actor, AppealView a) {
        return switch (actor) {
            case EXECUTOR -> person.id().equals(a.executorId());
            case APPROVER -> approvers.mayApprove(person, a);
            case COORDINATOR -> absences.actsAs(person, Role.COORDINATOR);
            case MODERATOR -> absences.actsAs(person, Role.MODERATOR);
            case CURATOR -> absences.actsAs(person, Role.CURATOR);
            case CASE_DECIDER -> directory.caseDecider().filter(d -> d.equals(person)
                    || absences.substituteFor(d.id()).filter(person::equals).isPresent()).isPresent();
            case CO_EXECUTOR -> coExecutorActedFor(person, a).isPresent();
            case PLACER, QUALITY_CONTROLLER -> actor.parts(facts(a)).stream().anyMatch(part -> actsAs(person, part, a));
            case APPLICANT, PORTAL, SYSTEM -> false;
        };
    }

    /** The facts of {@code a} a composite part expands with ({@link Transition.Actor#parts(Transition.Actor.Facts)}). */
    public Transition.Actor.Facts facts(AppealView a) {
        return new Transition.Actor.Facts(executorPlaces(a));
    }

    /** The source's {@code placed-by} is EXECUTOR: the executor places the approved answer too (PRODUCT.md §13.2). */
    public boolean executorPlaces(AppealView a) {
        return directory.regulation(a.source()).executorPlaces();
    }
}
