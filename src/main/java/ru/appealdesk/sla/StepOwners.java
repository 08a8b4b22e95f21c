package ru.appealdesk.sla;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Approvers;
import ru.appealdesk.workflow.Transition;

/** Who a step of an appeal waits for, and the deputy heads who supervise them. */
@Component
class StepOwners {

    private final Directory directory;

    private final Approvers approvers;
    private final AppealAccess access;

    StepOwners(Directory directory, Approvers approvers, AppealAccess access) {
        this.access = access;
        this.directory = directory;
        this.approvers = approvers;
    }

    List<StaffMember> owners(AppealView a) {
        return owners(a, a.status());
    }

    /** The owners of the step the appeal was in when it had {@code status}: whose step the table says it is. */
    List<StaffMember> owners(AppealView a, ru.appealdesk.workflow.AppealStatus status) {
        return Transition.owner(status).map(actor -> of(a, actor)).orElse(List.of());
    }

    /** The people who take the part {@code actor} in {@code a}; a composite part, those of each part it stands for. */
    private List<StaffMember> of(AppealView a, Transition.Actor actor) {
        if (actor.composite()) {
            Set<StaffMember> all = new LinkedHashSet<>();
            actor.parts(access.facts(a)).forEach(part -> all.addAll(of(a, part)));
            return List.copyOf(all);
        }
        return switch (actor) {
            case EXECUTOR -> directory.staff(a.executorId()).map(List::of).orElse(List.<StaffMember>of());
            case APPROVER -> approvers.of(a);
            case COORDINATOR -> directory.withRole(Role.COORDINATOR);
            case MODERATOR -> directory.withRole(Role.MODERATOR);
            case CURATOR -> directory.withRole(Role.CURATOR);
            case CASE_DECIDER -> directory.caseDecider().map(List::of).orElse(List.<StaffMember>of());
            case CO_EXECUTOR, APPLICANT, PORTAL, SYSTEM, PLACER, QUALITY_CONTROLLER -> List.<StaffMember>of();
        };
    }

    List<StaffMember> coordinators() {
        return directory.withRole(Role.COORDINATOR);
    }

    /**
     * The deputy heads of the owners' departments (the appeal's department for owners without one); where the step
     * is the deputy head's own (the signature, {@code sign-by: DEPUTY_HEAD}), the heads instead of themselves.
     */
    List<StaffMember> deputyHeadsOf(AppealView a, List<StaffMember> owners) {
        Set<StaffMember> result = new LinkedHashSet<>();
        for (StaffMember owner : owners) {
            String department = owner.departmentId() != null ? owner.departmentId() : a.departmentId();
            directory.deputyHeadOf(department).ifPresent(result::add);
        }
        if (result.isEmpty()) {
            directory.deputyHeadOf(a.departmentId()).ifPresent(result::add);
        }
        if (!result.isEmpty() && owners.containsAll(result)) {
            return directory.withRole(Role.HEAD);
        }
        return List.copyOf(result);
    }

    /** The deputy head of the executor's department (the appeal's department if there is no executor). */
    List<StaffMember> deputyHeadOfExecutor(AppealView a) {
        String department = directory.staff(a.executorId()).map(StaffMember::departmentId).orElse(a.departmentId());
        return directory.deputyHeadOf(department).map(List::of).orElse(List.of());
    }

}
