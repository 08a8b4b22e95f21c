package ru.appealdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ru.appealdesk.text.Catalog;
import ru.appealdesk.workflow.Transition.Actor;

/** The transition table is consistent with itself, the catalog and the sets other modules read. */
class TransitionTest {

    @Test
    void everyStatusButClosedHasOnePersonWhoseStepItIs() {
        for (AppealStatus s : AppealStatus.values()) {
            Set<Actor> owners = Arrays.stream(Transition.values())
                    .filter(t -> t.ownsStep() && t.actor().person() && t.startsIn(s))
                    .map(Transition::actor).collect(Collectors.toSet());
            // composite parts (PLACER, QUALITY_CONTROLLER) share the step with the plain parts they stand for: the
            // owners' plain parts have one part in common (the coordinators of APPROVED)
            Set<Actor> common = owners.stream().findFirst().map(o -> Set.copyOf(o.parts(new Actor.Facts(true))))
                    .orElse(Set.of());
            Set<Actor> shared = new java.util.HashSet<>(common);
            owners.forEach(o -> shared.retainAll(o.parts(new Actor.Facts(true))));
            assertThat(owners.isEmpty()).as("whose step %s is", s).isEqualTo(s == AppealStatus.CLOSED);
            assertThat(shared.isEmpty()).as("the owners of %s share a part", s).isEqualTo(s == AppealStatus.CLOSED);
        }
        assertThat(Transition.owner(AppealStatus.ANSWER_REVIEW)).contains(Actor.APPROVER);
        assertThat(Transition.owner(AppealStatus.APPROVED)).contains(Actor.PLACER);
        assertThat(Transition.owner(AppealStatus.REDIRECT_REVIEW)).contains(Actor.MODERATOR);
        assertThat(Transition.owner(AppealStatus.CLOSED)).isEmpty();
    }

    @Test
    void theApprovedAnswerIsPlacedByTheCoordinatorsAndWhereTheRegulationSaysByTheExecutor() {
        // PRODUCT.md §13.2 placed-by (seed 000 п.10, 12; 002 п.4)
        assertThat(Transition.PUBLISH.actor()).isEqualTo(Actor.PLACER);
        assertThat(Transition.PUBLISH_POSTPONED.actor()).isEqualTo(Actor.PLACER);
        assertThat(Actor.PLACER.parts(Actor.Facts.NONE)).containsExactly(Actor.COORDINATOR);
        assertThat(Actor.PLACER.parts(new Actor.Facts(true))).containsExactly(Actor.COORDINATOR, Actor.EXECUTOR);
        assertThat(Actor.EXECUTOR.parts(new Actor.Facts(true))).containsExactly(Actor.EXECUTOR);
        assertThat(Actor.PLACER.person()).isTrue();
        assertThat(Transition.offeredIn(AppealStatus.APPROVED, Actor.EXECUTOR)).isEmpty();
        assertThat(Transition.ownedBy(Actor.EXECUTOR)).doesNotContain(AppealStatus.APPROVED);
    }

    @Test
    void theCoordinatorsAndTheCuratorsMayReturnAnApprovedAnswerThroughTheSameCompositeMechanism() {
        // given the quality return of an approved answer (PRODUCT.md §13.2; seed 003 §2 Координатор, Куратор)
        Transition t = Transition.QUALITY_RETURN;

        // then its actor is a composite that stands for the coordinators and the curators, whatever the source says
        assertThat(t.actor()).isEqualTo(Actor.QUALITY_CONTROLLER);
        assertThat(t.actor().composite()).isTrue();
        assertThat(t.actor().parts(Actor.Facts.NONE)).containsExactly(Actor.COORDINATOR, Actor.CURATOR);
        assertThat(t.actor().parts(new Actor.Facts(true))).containsExactly(Actor.COORDINATOR, Actor.CURATOR);
        assertThat(Transition.offeredIn(AppealStatus.APPROVED, Actor.CURATOR)).containsExactly(t);
        assertThat(Transition.offeredIn(AppealStatus.APPROVED, Actor.COORDINATOR)).contains(t, Transition.PUBLISH);
        // and only the composites are composite, no plain part expands to another
        for (Actor a : Actor.values()) {
            assertThat(a.composite()).as("%s", a).isEqualTo(a == Actor.PLACER || a == Actor.QUALITY_CONTROLLER);
            if (!a.composite()) {
                assertThat(a.parts(new Actor.Facts(true))).as("%s", a).containsExactly(a);
            }
        }
        assertThat(Transition.owner(AppealStatus.APPROVED)).contains(Actor.PLACER);
    }

    @Test
    void theLadderRemindsOnlyStepsThatWaitOnAQuickReactionFromAPerson() {
        // PRODUCT.md §6: the ladder is for every step that waits on a quick reaction from a person (REDIRECT_REVIEW,
        // a moderator's step, added with the redirects; CASE_DECISION, the case-decider's, 001 §3); the executor's work
        // on the answer (IN_PROGRESS, POSTPONED) runs to the appeal's terms, NEW has its own unrouted reminder
        assertThat(Arrays.stream(AppealStatus.values()).filter(AppealStatus::remindsOwner))
                .containsExactlyInAnyOrder(AppealStatus.ASSIGNED, AppealStatus.RETURNED, AppealStatus.ANSWER_REVIEW,
                        AppealStatus.REWORK, AppealStatus.APPROVED, AppealStatus.REDIRECT_REVIEW,
                        AppealStatus.CASE_DECISION);
        for (AppealStatus s : AppealStatus.values()) {
            if (s.remindsOwner()) {
                assertThat(Transition.owner(s)).as("whom the ladder of %s reminds", s).isPresent();
            }
        }
    }

    @Test
    void aPlainTransitionIsItsDeclarationAndItsWords() {
        List<Transition> plain = Arrays.stream(Transition.values()).filter(Transition::plain).toList();
        assertThat(plain).contains(Transition.REJECT_REDIRECT);
        for (Transition t : plain) {
            assertThat(t.button()).as("%s: a button to press", t).isPresent();
            assertThat(t.actor().person()).as("%s: a person presses it", t).isTrue();
            assertThat(t.line().text("Петров П.П.")).as("%s: its status line", t).contains("Петров П.П.");
            assertThat(t.reply().text()).as("%s: its reply", t).isNotBlank();
        }
    }

    @Test
    void theStatusSetsAreTheTables() {
        assertThat(Transition.WITH_EXECUTOR).containsExactlyInAnyOrder(AppealStatus.ASSIGNED,
                AppealStatus.IN_PROGRESS, AppealStatus.REWORK, AppealStatus.POSTPONED);
        assertThat(Transition.WITH_COORDINATORS).containsExactlyInAnyOrder(AppealStatus.NEW, AppealStatus.RETURNED);
        assertThat(Transition.REDIRECT.from()).isEqualTo(Transition.WITH_COORDINATORS);
        for (Transition whileWithExecutor : List.of(Transition.SUBSTITUTE, Transition.REQUEST_HELP,
                Transition.ADD_OWN_CO_EXECUTOR)) {
            assertThat(whileWithExecutor.from()).as("%s", whileWithExecutor).isEqualTo(Transition.WITH_EXECUTOR);
        }
    }

    @Test
    void everyButtonHasItsWordsInTheCatalog() {
        for (Transition t : Transition.values()) {
            t.button().ifPresent(b -> assertThat(Catalog.format(b.key())).as("%s's button", t).isNotBlank()
                    .isNotEqualTo(b.key()));
        }
    }

    @Test
    void everyHistoryTypeIsRecordedBySomeTransitionAndNotesChangeNoStatus() {
        Set<HistoryType> recorded = Arrays.stream(Transition.values()).flatMap(t -> t.records().stream())
                .collect(Collectors.toSet());
        assertThat(recorded).containsExactlyInAnyOrder(HistoryType.values());
        for (Transition t : Transition.values()) {
            if (t.records().get(0).note()) {
                assertThat(t.to()).as("%s is a note", t).isEmpty();
            }
        }
        for (HistoryType h : HistoryType.values()) {
            assertThat(Catalog.format(h.key())).as("the label of %s", h).isNotEqualTo(h.key());
        }
    }

    @Test
    void cardsOfferTheStepsButtons() {
        assertThat(Transition.offeredIn(AppealStatus.ASSIGNED, Actor.EXECUTOR)).startsWith(Transition.ACCEPT,
                Transition.RETURN);
        assertThat(Transition.offeredIn(AppealStatus.ANSWER_REVIEW, Actor.APPROVER)).containsExactly(
                Transition.APPROVE, Transition.SIGN, Transition.SEND_TO_REWORK, Transition.EDIT_ANSWER,
                Transition.DELEGATE_REVIEW);
        assertThat(Transition.offeredIn(AppealStatus.APPROVED, Actor.COORDINATOR)).containsExactly(
                Transition.PUBLISH, Transition.QUALITY_RETURN, Transition.HAND_TO_OPERATOR,
                Transition.ADD_CO_EXECUTOR);
        assertThat(Transition.offeredIn(AppealStatus.REDIRECT_REVIEW, Actor.MODERATOR)).containsExactly(
                Transition.APPROVE_REDIRECT, Transition.REJECT_REDIRECT);
        assertThat(Transition.offeredIn(AppealStatus.CLOSED, Actor.COORDINATOR)).isEmpty();
    }

    @Test
    void theCaseDeciderRoutesWhatACoordinatorHandsThem() {
        // 001 §3: a coordinator hands a difficult unrouted appeal to the case-decider, whose step it then is
        assertThat(Transition.TO_CASE_DECIDER.from()).containsExactlyInAnyOrder(AppealStatus.NEW,
                AppealStatus.RETURNED);
        assertThat(Transition.TO_CASE_DECIDER.actor()).isEqualTo(Actor.COORDINATOR);
        assertThat(Transition.TO_CASE_DECIDER.to()).contains(AppealStatus.CASE_DECISION);
        assertThat(Transition.owner(AppealStatus.CASE_DECISION)).contains(Actor.CASE_DECIDER);
        assertThat(Transition.DECIDE.to()).contains(AppealStatus.ASSIGNED);
        assertThat(Transition.offeredIn(AppealStatus.CASE_DECISION, Actor.CASE_DECIDER)).containsExactly(
                Transition.BACK_TO_COORDINATORS);
        assertThat(Transition.offeredIn(AppealStatus.CASE_DECISION, Actor.COORDINATOR))
                .doesNotContain(Transition.REDIRECT);
    }

    @Test
    void closingWithoutAnswerIsOfferedInTheChatInThreeStatusesAndTakenFromThePortalInEveryOpenOne() {
        assertThat(Transition.CLOSE.from()).containsExactlyInAnyOrder(AppealStatus.NEW, AppealStatus.RETURNED,
                AppealStatus.IN_PROGRESS);
        assertThat(Transition.CLOSE_BY_PORTAL.from()).containsAll(Transition.CLOSE.from())
                .doesNotContain(AppealStatus.CLOSED).hasSize(AppealStatus.values().length - 1);
        assertThat(List.of(Transition.CLOSE.records(), Transition.CLOSE_BY_PORTAL.records())).allSatisfy(r ->
                assertThat(r).containsExactlyInAnyOrder(HistoryType.CLOSED_NO_ANSWER, HistoryType.CLOSED_DUPLICATE,
                        HistoryType.CLOSED_REDIRECTED));
    }
}
