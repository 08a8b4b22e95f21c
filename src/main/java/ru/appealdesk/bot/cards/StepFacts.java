package ru.appealdesk.bot.cards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Approvers;

/**
 * Everything the step cards are drawn from that needs a lookup: the card's facts, who may see the contacts, the
 * earlier appeal of a repeat, the return window, the candidates to assign, the approval stage; asked before a card
 * is drawn, so that the renderers only draw.
 */
@Component
class StepFacts {

    private final CardTexts texts;
    private final Directory directory;
    private final Approvers approvers;
    private final AppealQueries appeals;
    private final AppealAccess access;
    private final Absences absences;

    StepFacts(CardTexts texts, Directory directory, Approvers approvers, AppealQueries appeals, AppealAccess access,
              Absences absences) {
        this.texts = texts;
        this.directory = directory;
        this.approvers = approvers;
        this.appeals = appeals;
        this.access = access;
        this.absences = absences;
    }

    CardFacts card(AppealView a, boolean contacts) {
        return texts.facts(a, contacts);
    }

    /** The facts for this reader: with the contacts if they may see them. */
    CardFacts cardFor(StaffMember reader, AppealView a) {
        return card(a, access.maySeeContacts(reader, a));
    }

    /** The earlier appeal a repeat refers to (empty when there is none or it is not found). */
    Optional<AppealView> earlier(AppealView a) {
        return a.repeatOf() == null ? Optional.empty() : appeals.find(a.source(), a.repeatOf());
    }

    /** Until when the executor may still return the accepted appeal (ЕЦУР), or null. */
    /** When the wait for the applicant's reply to a clarification ends (seed 004 п.13). */
    Instant clarificationWaitEnds(AppealView a) {
        return appeals.clarificationWaitEnds(a);
    }

    Instant returnableUntil(AppealView a) {
        return appeals.returnableUntil(a);
    }

    Optional<Approvers.Stage> stage(AppealView a) {
        return approvers.stage(a);
    }

    List<StaffMember> delegates(AppealView a, StaffMember presser) {
        return approvers.delegates(a, presser);
    }

    boolean approver(StaffMember person, AppealView a) {
        return approvers.mayApprove(person, a);
    }

    /** {@code person} is the executor who places the approved answer where the source's placed-by says so. */
    boolean executorPlaces(StaffMember person, AppealView a) {
        return person.id().equals(a.executorId()) && access.executorPlaces(a);
    }

    /** {@code person} may send the approved answer back for quality though they do not place it (a curator). */
    boolean qualityController(StaffMember person, AppealView a) {
        return access.may(person, ru.appealdesk.workflow.Transition.QUALITY_RETURN, a);
    }

    /** The {@code case-decider} of staff.yml, or who substitutes them (001 §3). */
    boolean caseDecider(StaffMember person) {
        return access.actsAs(person, ru.appealdesk.workflow.Transition.Actor.CASE_DECIDER, null);
    }

    /** A coordinator may hand the appeal to the case-decider: one is named (001 §3). */
    boolean hasCaseDecider() {
        return directory.caseDecider().isPresent();
    }

    boolean coordinator(StaffMember person) {
        return absences.actsAs(person, Role.COORDINATOR);
    }

    List<StaffMember> coordinators() {
        return directory.withRole(Role.COORDINATOR);
    }

    /** The executors of the appeal's category (all executors when it has none). */
    List<StaffMember> unroutedCandidates(AppealView a) {
        return directory.category(a.category()).map(directory::executorsFor)
                .filter(l -> !l.isEmpty()).orElseGet(directory::allExecutors);
    }

    /** The category's other executors than the one who returned it (all the others when it has none). */
    List<StaffMember> returnedCandidates(AppealView a) {
        List<StaffMember> candidates = new ArrayList<>(directory.category(a.category())
                .map(directory::executorsFor).orElse(List.of()));
        candidates.removeIf(s -> s.id().equals(a.executorId()));
        if (candidates.isEmpty()) {
            candidates.addAll(directory.allExecutors());
            candidates.removeIf(s -> s.id().equals(a.executorId()));
        }
        return candidates;
    }

    /** The category's executors with the previous one first (if still an executor). */
    List<StaffMember> postponedCandidates(AppealView a) {
        List<StaffMember> candidates = new ArrayList<>(unroutedCandidates(a));
        candidates.removeIf(s -> s.id().equals(a.executorId()));
        directory.staff(a.executorId()).filter(s -> s.hasRole(Role.EXECUTOR)).ifPresent(s -> candidates.add(0, s));
        return candidates;
    }

    /** The share of the postponed period at which the coordinators reassign (null when the regulation sets none). */
    Integer postponedShare(AppealView a) {
        return directory.regulation(a.source()).postponedReassignAtPercent();
    }
}
