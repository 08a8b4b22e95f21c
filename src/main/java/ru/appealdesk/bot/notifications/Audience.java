package ru.appealdesk.bot.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.Approvers;

/** Whom an event concerns: the coordinators, the approvers of an answer, the moderators, the heads; their chats. */
@Component
class Audience {

    private final Directory directory;
    private final Recipients recipients;
    private final Approvers approvers;

    Audience(Directory directory, Recipients recipients, Approvers approvers) {
        this.directory = directory;
        this.recipients = recipients;
        this.approvers = approvers;
    }

    /** The coordinators, one card each (a coordinator standing in for another gets one). */
    List<StaffMember> coordinators() {
        return recipients.distinct(directory.withRole(Role.COORDINATOR));
    }

    List<StaffMember> moderators() {
        return recipients.distinct(directory.withRole(Role.MODERATOR));
    }

    List<StaffMember> heads() {
        return directory.withRole(Role.HEAD);
    }

    /** Those whose step the appeal now waits for, as the transition table says ({@code Transition.owner}). */
    List<StaffMember> stepOwners(AppealView a) {
        return Transition.owner(a.status()).map(actor -> switch (actor) {
            case EXECUTOR -> directory.staff(a.executorId()).map(List::of).orElse(List.<StaffMember>of());
            case APPROVER -> approversOf(a);
            case COORDINATOR -> coordinators();
            case MODERATOR -> moderators();
            case CASE_DECIDER -> directory.caseDecider().map(List::of).orElse(List.<StaffMember>of());
            case PLACER -> placers(a);
            case CO_EXECUTOR, APPLICANT, PORTAL, SYSTEM -> List.<StaffMember>of();
        }).orElse(List.of());
    }

    /** Those who review the appeal's answer now. */
    List<StaffMember> approversOf(AppealView a) {
        return recipients.distinct(approvers.of(a));
    }

    /** Who hears a request for help: the deputy head of the department, then the coordinators. */
    List<StaffMember> helpers(AppealView a) {
        List<StaffMember> to = new ArrayList<>();
        directory.deputyHeadOf(a.departmentId()).ifPresent(to::add);
        coordinators().stream().filter(c -> !to.contains(c)).forEach(to::add);
        return to;
    }

    Optional<StaffMember> staff(String id) {
        return directory.staff(id);
    }

    /** The person's chat, or their substitute's while they are away (the message then marked «за …»). */
    Optional<Recipients.Chat> chatOf(String staffId) {
        return recipients.of(staffId);
    }

    /** The coordinators, and the executor where the source's {@code placed-by} is EXECUTOR (PRODUCT.md §13.2). */
    List<StaffMember> placers(AppealView a) {
        List<StaffMember> result = new java.util.ArrayList<>(coordinators());
        if (directory.regulation(a.source()).executorPlaces()) {
            directory.staff(a.executorId()).filter(e -> !result.contains(e)).ifPresent(result::add);
        }
        return List.copyOf(result);
    }
}
