package ru.appealdesk.workflow;

import java.util.Set;

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

    /** A dialog that leads to a transition: who may begin it, and in which statuses. */
    public enum Dialog {
        /** The executor explains why the appeal is not theirs. */
        RETURN(Set.of(AppealStatus.ASSIGNED, AppealStatus.IN_PROGRESS)),
        /** The executor prepares the answer (type, text, files, submission). */
        ANSWER(Set.of(AppealStatus.IN_PROGRESS, AppealStatus.REWORK, AppealStatus.POSTPONED)),
        /** An approver explains what to rework. */
        REWORK(Set.of(AppealStatus.ANSWER_REVIEW)),
        /** A coordinator closes the appeal without an answer (seed 004 п.21) and says why. */
        CLOSE(Set.of(AppealStatus.NEW, AppealStatus.RETURNED, AppealStatus.IN_PROGRESS)),
        /** A coordinator returns an approved answer for rework and says why (seed 003). */
        QUALITY_RETURN(Set.of(AppealStatus.APPROVED)),
        /** An approver replaces the text of the answer under review. */
        EDIT_ANSWER(Set.of(AppealStatus.ANSWER_REVIEW)),
        /** A coordinator redirects the appeal to another organisation and says where and why (001 §3). */
        REDIRECT(Set.of(AppealStatus.NEW, AppealStatus.RETURNED));

        private final Set<AppealStatus> statuses;

        Dialog(Set<AppealStatus> statuses) {
            this.statuses = statuses;
        }
    }

    private final AppealService appeals;
    private final Directory directory;

    private final Approvers approvers;

    private final java.time.Clock clock;
    private final ru.appealdesk.directory.Absences absences;

    AppealAccess(AppealService appeals, Directory directory, Approvers approvers, java.time.Clock clock,
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
        return a.status() != AppealStatus.CLOSED && (absences.actsAs(s, Role.COORDINATOR)
                || s.id().equals(a.executorId()) && AppealStatus.WITH_EXECUTOR.contains(a.status()));
    }

    /** The appeal, if {@code person} is its co-executor and it is still open (materials can be delivered). */
    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public AppealView checkCoExecutor(long appealId, StaffMember person) {
        AppealView a = appeals.find(appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + appealId));
        if (coExecutorActedFor(person, a).isEmpty()) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, person.id() + " is not a co-executor");
        }
        if (a.status() == AppealStatus.CLOSED) {
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
    public AppealView checkDialog(long appealId, int step, StaffMember person, Dialog dialog) {
        AppealView a = appeals.find(appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + appealId));
        if (a.step() != step || !dialog.statuses.contains(a.status())) {
            throw new TransitionRefused(Reason.STALE, "stale button");
        }
        boolean allowed = switch (dialog) {
            case REWORK, EDIT_ANSWER -> approvers.mayApprove(person, a);
            case CLOSE, QUALITY_RETURN, REDIRECT -> absences.actsAs(person, Role.COORDINATOR);
            case RETURN, ANSWER -> person.id().equals(a.executorId());
        };
        if (!allowed) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, "not this person's step");
        }
        if (dialog == Dialog.RETURN && a.status() == AppealStatus.IN_PROGRESS) {
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
}
