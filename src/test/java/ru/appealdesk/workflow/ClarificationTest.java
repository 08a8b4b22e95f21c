package ru.appealdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.appealdesk.workflow.AppealTest.LIMITS;
import static ru.appealdesk.workflow.AppealTest.NOW;
import static ru.appealdesk.workflow.AppealTest.appeal;
import static ru.appealdesk.workflow.AppealTest.draft;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.appealdesk.workflow.TransitionRefused.Reason;

/** Seed 004 п.13: a «Запрос уточнения» is approved and placed like an answer, then the clock waits for the applicant. */
class ClarificationTest {

    private static final Instant LATER = NOW.plus(Duration.ofHours(20));

    /** An appeal whose approved clarification the coordinator placed at NOW. */
    private static Appeal awaiting() {
        Appeal a = appeal(List.of("https://photos.example/1.jpg"));
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);
        // a question needs no photos even where the applicant sent some
        a.submitAnswer("morozov", draft(AnswerType.CLARIFICATION, null), LIMITS, NOW);
        a.approve("belov", NOW);
        a.markClarificationPublished("popov", NOW);
        return a;
    }

    @Test
    void aPlacedClarificationStopsTheAppealAwaitingTheApplicant() {
        // when
        Appeal a = awaiting();
        // then
        assertThat(a.view().status()).isEqualTo(AppealStatus.AWAITING_APPLICANT);
        assertThat(a.view().history()).extracting(h -> h.type().name()).endsWith("ANSWER_SUBMITTED",
                "ANSWER_APPROVED", "PUBLISHED");
        assertThat(HistoryWords.comment(a.view().stepEntry())).contains("уточнения");
    }

    @Test
    void aClarificationIsNotPlacedAsAFinalAnswerNorAFinalAnswerAsAClarification() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);
        a.submitAnswer("morozov", draft(AnswerType.CLARIFICATION, null), LIMITS, NOW);
        a.approve("belov", NOW);
        assertRefused(() -> a.markPublished("popov", NOW), Reason.WRONG_STATE);

        Appeal b = appeal(List.of());
        b.assign("morozov", "roads", null, NOW);
        b.accept("morozov", NOW);
        b.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        b.approve("belov", NOW);
        assertRefused(() -> b.markClarificationPublished("popov", NOW), Reason.WRONG_STATE);
        assertThat(b.view().status()).isEqualTo(AppealStatus.APPROVED);
    }

    @Test
    void theReplyBringsTheAppealBackToTheExecutorWithEveryTermMovedAndThePauseRecorded() {
        // given
        Appeal a = awaiting();
        Instant due = a.view().dueAt();
        Instant answerDue = a.view().answerDueAt();
        // when: the applicant answers; the terms move by an hour
        a.endClarification(Transition.CLARIFY, null, "  Дом 5, подъезд 2  ", List.of("https://photos.example/2.jpg"),
                t -> t.plus(Duration.ofHours(1)), 60, LATER);
        // then
        AppealView v = a.view();
        assertThat(v.status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(v.executorId()).isEqualTo("morozov");
        assertThat(v.dueAt()).isEqualTo(due.plus(Duration.ofHours(1)));
        assertThat(v.answerDueAt()).isEqualTo(answerDue.plus(Duration.ofHours(1)));
        assertThat(v.photos()).hasSize(2);
        AppealView.HistoryItem entry = v.stepEntry();
        assertThat(entry.type()).isEqualTo(HistoryType.CLARIFICATION_RECEIVED);
        assertThat(entry.comment()).isEqualTo("Дом 5, подъезд 2");
        assertThat(entry.args()).containsExactly(NOW.toString(), LATER.toString(), "60");
        assertThat(v.lastClarification()).contains(entry);
        assertThat(v.pausedWorkingTime()).isEqualTo(Duration.ofHours(1));
        assertThat(HistoryWords.comment(entry)).contains("1:00", "Дом 5, подъезд 2");
    }

    @Test
    void theReplyNeedsATextAndAnAppealThatAwaitsOne() {
        Appeal a = awaiting();
        assertRefused(() -> a.endClarification(Transition.CLARIFY, null, "  ", List.of(), t -> t, 0, LATER),
                Reason.TEXT_REQUIRED);
        assertThat(a.view().status()).isEqualTo(AppealStatus.AWAITING_APPLICANT);

        a.endClarification(Transition.NO_CLARIFICATION_REPLY, "ivanova", null, List.of(), t -> t, 0, LATER);
        assertThat(a.view().status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(a.view().stepEntry().type()).isEqualTo(HistoryType.CLARIFICATION_MISSING);
        assertRefused(() -> a.endClarification(Transition.CLARIFY, null, "Поздний ответ", List.of(), t -> t, 0, LATER),
                Reason.WRONG_STATE);
    }

    @Test
    void withoutAReplyTheCoordinatorsCloseItAsNoClarification() {
        Appeal a = awaiting();
        a.endClarification(Transition.CLOSE_NO_CLARIFICATION, "ivanova", null, List.of(), t -> t, 1500, LATER);
        assertThat(a.view().status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(a.view().resolution()).isEqualTo(Resolution.NO_CLARIFICATION);
        assertThat(a.view().stepEntry().type()).isEqualTo(HistoryType.CLOSED_NO_CLARIFICATION);
        assertThat(a.view().pausedWorkingTime()).isEqualTo(Duration.ofMinutes(1500));
    }

    @Test
    void aQuestionNeedsNoNoticeOfTheResultWhereTheSourceAsksOneForAnswers() {
        // given a source that wants the applicant told the result before approval (seed 000 п.15)
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);
        // then an answer without the notice is refused, a clarification is not
        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, true, NOW),
                Reason.APPLICANT_NOT_NOTIFIED);
        a.submitAnswer("morozov", draft(AnswerType.CLARIFICATION, null), LIMITS, true, NOW);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
    }

    @Test
    void theTableLeadsAClarificationThroughTheNewStatus() {
        assertThat(Transition.PUBLISH_CLARIFICATION.to()).contains(AppealStatus.AWAITING_APPLICANT);
        assertThat(Transition.owner(AppealStatus.AWAITING_APPLICANT)).contains(Transition.Actor.COORDINATOR);
        assertThat(AppealStatus.AWAITING_APPLICANT.remindsOwner()).isFalse();
        assertThat(Transition.WITH_EXECUTOR).doesNotContain(AppealStatus.AWAITING_APPLICANT);
        assertThat(Transition.offeredIn(AppealStatus.AWAITING_APPLICANT, Transition.Actor.COORDINATOR))
                .contains(Transition.RECEIVE_CLARIFICATION, Transition.NO_CLARIFICATION_REPLY);
    }

    private static void assertRefused(Runnable action, Reason reason) {
        assertThatThrownBy(action::run).isInstanceOf(TransitionRefused.class)
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(reason);
    }
}
