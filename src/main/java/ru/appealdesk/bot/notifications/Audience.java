package ru.appealdesk.bot.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.Approvers;

/** Whom an event concerns: the coordinators, the approvers of an answer, the moderators, the heads; their chats. */
@Component
class Audience {

    private final Directory directory;
    private final Recipients recipients;
    private final Approvers approvers;
    private final AppealAccess access;

    Audience(Directory directory, Recipients recipients, Approvers approvers, AppealAccess access) {
        this.access = access;
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
        return Transition.owner(a.status()).map(actor -> of(a, actor)).orElse(List.of());
    }

    /** The people who take the part {@code actor} in {@code a}; a composite part, those of each part it stands for. */
    private List<StaffMember> of(AppealView a, Transition.Actor actor) {
        if (actor.composite()) {
            java.util.Set<StaffMember> all = new java.util.LinkedHashSet<>();
            actor.parts(access.facts(a)).forEach(part -> all.addAll(of(a, part)));
            return List.copyOf(all);
        }
        return switch (actor) {
            case EXECUTOR -> directory.staff(a.executorId()).map(List::of).orElse(List.<StaffMember>of());
            case APPROVER -> approversOf(a);
            case COORDINATOR -> coordinators();
            case MODERATOR -> moderators();
            case CURATOR -> recipients.distinct(directory.withRole(Role.CURATOR));
            case CASE_DECIDER -> directory.caseDecider().map(List::of).orElse(List.<StaffMember>of());
            case CO_EXECUTOR, APPLICANT, PORTAL, SYSTEM, PLACER, QUALITY_CONTROLLER -> List.<StaffMember>of();
        };
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

    /**
     * Who gets a co-executor's delivered materials (PRODUCT.md §10, §13.2): the responsible executor while they hold
     * the appeal, else the coordinators; always the coordinators where the source says {@code
     * co-executor-materials-to: COORDINATORS} (seed 004 п.17.2: the lead specialist writes the common answer).
     */
    List<String> materialsRecipients(AppealView a) {
        boolean toExecutor = !directory.regulation(a.source()).coExecutorMaterialsToCoordinators()
                && a.executorId() != null && ru.appealdesk.workflow.Transition.WITH_EXECUTOR.contains(a.status());
        return toExecutor ? List.of(a.executorId()) : coordinators().stream().map(StaffMember::id).toList();
    }

}
