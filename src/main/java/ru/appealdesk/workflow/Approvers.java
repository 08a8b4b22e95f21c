package ru.appealdesk.workflow;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;

/**
 * Who approves an appeal's answer now: whoever the review was handed to («Передать согласование»); after the
 * applicant disagreed, the secondary approver first (seed 000 п.13); then the department's approval chain, one
 * member at a time (001 §4.6), or else its approvers; last, where the department says {@code sign-by: DEPUTY_HEAD}
 * (seed 000 п.6), its deputy head, who signs; never the executor.
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
        if (a.reviewDelegate() != null) {
            Optional<StaffMember> delegate = directory.staff(a.reviewDelegate());
            if (delegate.isPresent()) {
                return List.of(delegate.get());
            }
        }
        Optional<StaffMember> secondary = secondary(a);
        if (secondary.isPresent()) {
            return List.of(secondary.get());
        }
        if (stage(a).filter(Stage::signing).isPresent()) {
            return signer(a).map(List::of).orElse(List.of());
        }
        List<StaffMember> chain = chain(a);
        if (!chain.isEmpty()) {
            return List.of(chain.get(Math.min(a.chainPosition(), chain.size() - 1)));
        }
        return directory.approversFor(a.departmentId(), a.executorId());
    }

    /**
     * Where the answer stands in the department's approval: stage {@code stage} of {@code of}; {@code signing}: the
     * last stage is the deputy head's signature ({@code sign-by: DEPUTY_HEAD}, seed 000 п.6).
     */
    public record Stage(int stage, int of, boolean signing) {

        public Stage(int stage, int of) {
            this(stage, of, false);
        }

        public boolean last() {
            return stage >= of;
        }
    }

    /**
     * The stage of the answer under review: in the department's chain, or before or at the deputy head's signature;
     * empty where the department has neither (and at the secondary approver's step).
     */
    public Optional<Stage> stage(AppealView a) {
        List<StaffMember> chain = chain(a);
        boolean signs = signer(a).isPresent();
        if (chain.isEmpty() && !signs || secondary(a).isPresent()) {
            return Optional.empty();
        }
        int of = Math.max(chain.size(), 1) + (signs ? 1 : 0);
        int stage = Math.min(a.chainPosition(), of - 1) + 1;
        return Optional.of(new Stage(stage, of, signs && stage == of));
    }

    /** The deputy head who signs the department's answers last ({@code sign-by: DEPUTY_HEAD}), not the executor. */
    Optional<StaffMember> signer(AppealView a) {
        return directory.signerOf(a.departmentId()).filter(s -> !s.id().equals(a.executorId()));
    }

    /** Who an approver may hand the review to: the other moderators, not the executor (003 Руководитель). */
    public List<StaffMember> delegates(AppealView a, StaffMember presser) {
        return directory.withRole(ru.appealdesk.directory.Role.MODERATOR).stream()
                .filter(s -> !s.id().equals(presser.id()) && !s.id().equals(a.executorId())).toList();
    }

    private List<StaffMember> chain(AppealView a) {
        return directory.approvalChain(a.departmentId(), a.category(), a.executorId());
    }

    /** The secondary approver, if the answer under review waits for them. */
    Optional<StaffMember> secondary(AppealView a) {
        if (!a.secondaryReview()) {
            return Optional.empty();
        }
        return directory.secondaryApprover().filter(s -> !s.id().equals(a.executorId()));
    }
}
