package ru.appealdesk.workflow;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;

/**
 * Who approves an appeal's answer now: after the applicant disagreed, the secondary approver first (seed 000 п.13),
 * otherwise (and after them) the department's approvers; never the executor.
 */
@Component
public class Approvers {

    private final Directory directory;
    private final ru.appealdesk.directory.Absences absences;

    Approvers(Directory directory, ru.appealdesk.directory.Absences absences) {
        this.directory = directory;
        this.absences = absences;
    }

    /** One of the approvers, or the substitute of one who is away today (seed 002 п.4). */
    public boolean mayApprove(StaffMember person, AppealView a) {
        List<StaffMember> approvers = of(a);
        return approvers.contains(person) || approvers.stream()
                .anyMatch(p -> absences.substituteFor(p.id()).filter(person::equals).isPresent());
    }

    public List<StaffMember> of(AppealView a) {
        return secondary(a).map(List::of).orElseGet(() -> directory.approversFor(a.departmentId(), a.executorId()));
    }

    /** The secondary approver, if the answer under review waits for them. */
    Optional<StaffMember> secondary(AppealView a) {
        if (!a.secondaryReview()) {
            return Optional.empty();
        }
        return directory.secondaryApprover().filter(s -> !s.id().equals(a.executorId()));
    }
}
