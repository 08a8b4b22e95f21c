package ru.appealdesk.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.workflow.DeadlinePolicy.Deadline;
import ru.appealdesk.workflow.TransitionRefused.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's guarded transitions: a wrong call changes nothing and says why. */
class AppealTest {

    static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** Received today with postpone-max 30 days; a secondary approver is configured. */
    static final PostponementLimits LIMITS = new PostponementLimits(TODAY, TODAY.plusDays(30), 2, true);
    static final String LEGAL = "Не относится к компетенции: согласно п. 2.3 Положения об управлении.";

    static Appeal appeal(List<String> photos) {
        NewAppeal request = new NewAppeal(Source.DOBRODEL, "DD-1", "roads", Priority.NORMAL, false, false, "Яма",
                null, null, photos, NOW, null, null);
        Appeal appeal = Appeal.register(request, "roads", new Deadline(NOW.plusSeconds(86400), NOW.plusSeconds(3600)),
                NOW);
        ReflectionTestUtils.setField(appeal, "id", 1L);
        return appeal;
    }

    static AnswerDraft draft(AnswerType type, LocalDate until, AttachmentKind... kinds) {
        return new AnswerDraft(type, "Ответ", until, java.util.Arrays.stream(kinds)
                .map(k -> new AppealView.Attachment(UUID.randomUUID(), k)).toList());
    }

    @Test
    void walksTheWholeLifecycleAndRecordsEveryStep() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        a.sendToRework("belov", "Уточните сроки", NOW);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        a.approve("belov", NOW);
        a.markPublished("popov", NOW);

        AppealView view = a.view();
        assertThat(view.status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(view.step()).isEqualTo(7);
        assertThat(view.history()).extracting(h -> h.type().name()).containsExactly("REGISTERED", "ASSIGNED",
                "ACCEPTED", "ANSWER_SUBMITTED", "SENT_TO_REWORK", "ANSWER_SUBMITTED", "ANSWER_APPROVED", "PUBLISHED");
    }

    @Test
    void nobodyApprovesOrSendsBackTheirOwnAnswer() {
        Appeal a = appeal(List.of());
        a.assign("belov", "roads", null, NOW);
        a.accept("belov", NOW);
        a.submitAnswer("belov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);

        assertRefused(() -> a.approve("belov", NOW), Reason.SELF_APPROVAL);
        assertRefused(() -> a.sendToRework("belov", "Сам себе на доработку", NOW), Reason.SELF_APPROVAL);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
        a.approve("smirnova", NOW);
        assertThat(a.view().status()).isEqualTo(AppealStatus.APPROVED);
    }

    @Test
    void aWrongStateCallChangesNothing() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);

        assertRefused(() -> a.approve("belov", NOW), Reason.WRONG_STATE);
        assertRefused(() -> a.markPublished("popov", NOW), Reason.WRONG_STATE);
        assertRefused(() -> a.rejectReturn("popov", NOW), Reason.WRONG_STATE);
        assertRefused(() -> a.accept("volkova", NOW), Reason.NOT_ALLOWED);
        assertRefused(() -> a.requireStep(0), Reason.STALE);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(a.view().history()).hasSize(2);
    }

    @Test
    void aReturnNeedsAReasonCitingTheLegalBasis() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);

        assertRefused(() -> a.returnToCoordinators("morozov", "", null, NOW), Reason.REASON_TOO_SHORT);
        assertRefused(() -> a.returnToCoordinators("morozov", "неподведомственно", null, NOW),
                Reason.REASON_TOO_SHORT);
        assertRefused(() -> a.returnToCoordinators("morozov", "Это совсем не наш вопрос, пусть решают другие",
                null, NOW), Reason.REASON_WITHOUT_LEGAL_BASIS);
        // a word that merely contains «ст» or «стать» is no citation
        assertRefused(() -> a.returnToCoordinators("morozov", "Это может стать проблемой другого управления",
                null, NOW), Reason.REASON_WITHOUT_LEGAL_BASIS);
        a.returnToCoordinators("morozov", LEGAL, null, NOW);
        assertThat(a.view().status()).isEqualTo(AppealStatus.RETURNED);
    }

    @Test
    void whereTheSourceAsksNoLegalBasisAReturnNeedsWrittenReasonsOnly() {
        // seed 004 п.11: return-needs-legal-basis: false
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);

        assertRefused(() -> a.returnToCoordinators("morozov", "не моё", null, false, NOW), Reason.REASON_TOO_SHORT);
        a.returnToCoordinators("morozov", "Это совсем не наш вопрос, двор обслуживает управляющая компания", null,
                false, NOW);

        assertThat(a.view().status()).isEqualTo(AppealStatus.RETURNED);

        a.rejectReturn("popov", NOW);
        assertThat(a.view().status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(a.view().executorId()).isEqualTo("morozov");
    }

    @Test
    void photosOfTheApplicantRequirePhotosInTheAnswer() {
        Appeal a = appeal(List.of("https://portal.example/1.jpg"));
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);

        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW),
                Reason.PHOTOS_REQUIRED);
        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null, AttachmentKind.DOCUMENT),
                LIMITS, NOW), Reason.PHOTOS_REQUIRED);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null, AttachmentKind.PHOTO), LIMITS, NOW);
        assertThat(a.view().answer().attachments()).hasSize(1);
    }

    @Test
    void aPostponedDateIsAfterTodayAndNotAfterTheSourcesLimit() {
        Appeal a = inWork();

        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY), LIMITS, NOW),
                Reason.POSTPONE_DATE_INVALID);
        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(31)), LIMITS, NOW),
                Reason.POSTPONE_DATE_INVALID);
        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, null), LIMITS, NOW),
                Reason.POSTPONE_DATE_INVALID);
        // ИМ: 8 days after the appeal came in (seed 004 п.12)
        PostponementLimits incident = new PostponementLimits(TODAY, TODAY.plusDays(8), 1, true);
        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(9)), incident, NOW),
                Reason.POSTPONE_DATE_INVALID);
        assertThat(a.view().status()).isEqualTo(AppealStatus.IN_PROGRESS);

        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(8)), incident, NOW);

        assertThat(a.view().answer().postponedUntil()).isEqualTo(TODAY.plusDays(8));
        assertThat(a.view().secondaryReview()).isFalse();
    }

    @Test
    void aSecondPostponementGoesToTheSecondaryApproverAndAThirdIsRefused() {
        Appeal a = postponed(TODAY.plusDays(10));
        assertThat(a.view().postponeCount()).isEqualTo(1);

        // without a secondary approver there is nobody to agree a repeated postponement (seed 000 п.14)
        PostponementLimits nobody = new PostponementLimits(TODAY, TODAY.plusDays(30), 2, false);
        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(20)), nobody, NOW),
                Reason.NO_SECONDARY_APPROVER);
        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(20)), LIMITS, NOW);

        assertThat(a.view().secondaryReview()).isTrue();
        a.preApprove("popov", NOW);
        a.approve("belov", NOW);
        a.markPostponedPublished("ivanova", new Deadline(NOW.plusSeconds(86_400 * 20), NOW.plusSeconds(86_400 * 18)),
                NOW);
        assertThat(a.view().postponeCount()).isEqualTo(2);
        assertThat(a.view().status()).isEqualTo(AppealStatus.POSTPONED);
        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(25)), LIMITS, NOW),
                Reason.POSTPONED_TWICE);
    }

    @Test
    void withAPostponeLimitOfOneASecondPostponementIsRefusedEvenWithTheSecondaryApprover() {
        // seed 003 §3: «Отложено» once
        Appeal a = postponed(TODAY.plusDays(10));
        PostponementLimits once = new PostponementLimits(TODAY, TODAY.plusDays(30), 1, true);

        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(20)), once, NOW),
                Reason.POSTPONED_TWICE);
        assertThat(a.view().status()).isEqualTo(AppealStatus.POSTPONED);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), once, NOW);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
    }

    @Test
    void withoutAPostponeMaxTheDateMayLieAfterTheSourcesOwnTerm() {
        // seed 002 п.10: no postpone-max, up to a year after receipt (the 30-day term is passed)
        Appeal a = inWork();
        PostponementLimits aYear = new PostponementLimits(TODAY, TODAY.plusYears(1), 1, true);

        assertRefused(() -> a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusYears(1).plusDays(1)),
                aYear, NOW), Reason.POSTPONE_DATE_INVALID);
        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(90)), aYear, NOW);

        assertThat(a.view().answer().postponedUntil()).isEqualTo(TODAY.plusDays(90));
    }

    @Test
    void aRepeatedPostponementSentBackAndAnsweredOtherwiseNoLongerWaitsForTheSecondaryApprover() {
        Appeal a = postponed(TODAY.plusDays(10));
        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(20)), LIMITS, NOW);
        assertThat(a.view().secondaryReview()).isTrue();
        a.sendToRework("popov", "Отсрочка не обоснована", NOW);

        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);

        assertThat(a.view().secondaryReview()).isFalse();
    }

    @Test
    void aDisagreementKeepsTheSecondaryApproverFirstUntilTheyApprove() {
        Appeal a = published();
        a.reopen("Не согласен с ответом", List.of(), true, new Deadline(NOW.plusSeconds(86_400),
                NOW.plusSeconds(3600)), NOW);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        a.sendToRework("popov", "Уточните сроки работ", NOW);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        assertThat(a.view().secondaryReview()).isTrue();

        a.preApprove("popov", NOW);

        AppealView.HistoryItem approved = a.view().history().get(a.view().history().size() - 1);
        assertThat(approved.args()).containsExactly("DISAGREEMENT");
        assertThat(approved.comment()).isNull();
        assertThat(HistoryWords.comment(approved)).isEqualTo("Согласовано повторно после несогласия заявителя");
        assertThat(a.view().secondaryReview()).isFalse();
    }

    @Test
    void aPostponementCountsWhenPlacedNotWhenApproved() {
        Appeal a = inWork();
        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(10)), LIMITS, NOW);
        a.approve("belov", NOW);
        a.returnForQuality("ivanova", "Уточните причину отсрочки", NOW);

        // the coordinator sent it back before placing it: it is still the first postponement
        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(12)), LIMITS, NOW);

        assertThat(a.view().postponeCount()).isZero();
        assertThat(a.view().secondaryReview()).isFalse();
    }

    @Test
    void aCoordinatorAssignsThePostponedAppealToTheSameOrAnotherExecutor() {
        Appeal a = postponed(TODAY.plusDays(10));
        int step = a.view().step();

        // the same executor confirmed: a note, the step (and a final answer being written) stays valid
        a.reassignPostponed("morozov", "roads", "ivanova", NOW);
        assertThat(a.view().history().get(a.view().history().size() - 1).type()).isEqualTo(HistoryType.POSTPONED_CONFIRMED);
        assertThat(a.view().step()).isEqualTo(step);
        a.reassignPostponed("sidorov", "roads", "ivanova", NOW);

        assertThat(a.view().status()).isEqualTo(AppealStatus.POSTPONED);
        assertThat(a.view().executorId()).isEqualTo("sidorov");
        assertThat(a.view().step()).isEqualTo(step + 1);
        assertRefused(() -> a.requireStep(step), Reason.STALE);
        assertRefused(() -> inWork().reassignPostponed("sidorov", "roads", "ivanova", NOW), Reason.WRONG_STATE);
    }

    private static Appeal inWork() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);
        return a;
    }

    private static Appeal postponed(LocalDate until) {
        Appeal a = inWork();
        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, until), LIMITS, NOW);
        a.approve("belov", NOW);
        a.markPostponedPublished("ivanova", new Deadline(NOW.plusSeconds(86_400 * 10), NOW.plusSeconds(86_400 * 8)),
                NOW);
        return a;
    }

    private static void assertRefused(Runnable action, Reason reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TransitionRefused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aCoExecutorIsNotMadeTheResponsibleExecutor() {
        // seed 001 §4.6, 004 п.17: one responsible executor, the others bring materials to them
        Appeal unrouted = appeal(List.of());
        unrouted.addCoExecutor("sidorov", NOW.plusSeconds(7200), "sokolova", NOW);
        assertRefused(() -> unrouted.assign("sidorov", "housing", "sokolova", NOW), Reason.CO_EXECUTOR_INVALID);
        assertThat(unrouted.view().status()).isEqualTo(AppealStatus.NEW);
        unrouted.assign("morozov", "roads", "sokolova", NOW);
        assertThat(unrouted.view().executorId()).isEqualTo("morozov");

        Appeal waiting = postponed(TODAY.plusDays(10));
        waiting.addCoExecutor("sidorov", NOW.plusSeconds(7200), "sokolova", NOW);
        assertRefused(() -> waiting.reassignPostponed("sidorov", "housing", "sokolova", NOW),
                Reason.CO_EXECUTOR_INVALID);
        assertThat(waiting.view().executorId()).isEqualTo("morozov");
    }

    @Test
    void closingWithoutAnswerTakesOnlyItsResolutionsAReasonAndAnOpenAppeal() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);

        assertThatThrownBy(() -> a.closeWithoutAnswer("popov", Resolution.PUBLISHED, "Размещено", NOW))
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.INVALID_RESOLUTION);
        assertThatThrownBy(() -> a.closeWithoutAnswer("popov", Resolution.TO_OPERATOR, "Третий возврат", NOW))
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.INVALID_RESOLUTION);
        assertThatThrownBy(() -> a.closeWithoutAnswer("popov", Resolution.DUPLICATE, "  дуб ", NOW))
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.COMMENT_TOO_SHORT);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(a.view().resolution()).isNull();

        a.closeWithoutAnswer("popov", Resolution.NO_ANSWER, " Угрозы в адрес сотрудников ", NOW);

        assertThat(a.view().status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(a.view().resolution()).isEqualTo(Resolution.NO_ANSWER);
        assertThat(a.view().history().get(a.view().history().size() - 1))
                .extracting(AppealView.HistoryItem::type, AppealView.HistoryItem::comment)
                .containsExactly(HistoryType.CLOSED_NO_ANSWER, "Угрозы в адрес сотрудников");
        assertThatThrownBy(() -> a.closeWithoutAnswer("popov", Resolution.DUPLICATE, "Дубликат обращения", NOW))
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.WRONG_STATE);
    }

    @Test
    void aPublishedAppealIsClosedAsPublished() {
        assertThat(published().view().resolution()).isEqualTo(Resolution.PUBLISHED);
    }

    static Appeal published() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        a.approve("belov", NOW);
        a.markPublished("popov", NOW);
        return a;
    }

    @Test
    void aReopenedAppealWhoseExecutorLeftGoesToTheCoordinatorsWithNewTerms() {
        Appeal a = published();
        Instant later = NOW.plusSeconds(86_400 * 20);
        Deadline terms = new Deadline(later.plusSeconds(86_400 * 10), later.plusSeconds(86_400 * 8));

        a.reopen("Яма осталась на месте", List.of("https://portal.example/2.jpg"), false, terms, later);

        AppealView view = a.view();
        assertThat(view.status()).isEqualTo(AppealStatus.NEW);
        assertThat(view.executorId()).isNull();
        assertThat(view.reopenCount()).isEqualTo(1);
        assertThat(view.secondaryReview()).isTrue();
        assertThat(view.resolution()).isNull();
        assertThat(view.answerDueAt()).isEqualTo(terms.answerDueAt());
        assertThat(view.dueAt()).isEqualTo(terms.dueAt());
        assertThat(view.photos()).containsExactly("https://portal.example/2.jpg");
    }

    @Test
    void onlyTheThirdDisagreementGoesToTheOperatorAndSecondaryApprovalOnlyAfterADisagreement() {
        Appeal a = published();
        Deadline terms = new Deadline(NOW.plusSeconds(86_400), NOW.plusSeconds(3600));
        a.reopen("Не согласен с ответом", List.of(), true, terms, NOW);

        assertThatThrownBy(() -> a.handToOperator("popov", NOW))
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.WRONG_STATE);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        a.preApprove("popov", NOW);
        assertThatThrownBy(() -> a.preApprove("popov", NOW))
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.WRONG_STATE);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
        assertThat(a.view().secondaryReview()).isFalse();
    }

    @Test
    void anAcceptedAppealIsReturnedOnlyWithinTheSourcesWindowAndOnlyRightAfterAcceptance() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);

        assertRefused(() -> a.returnToCoordinators("morozov", LEGAL, null, NOW), Reason.WRONG_STATE);
        assertRefused(() -> a.returnToCoordinators("morozov", LEGAL, NOW, NOW), Reason.RETURN_WINDOW_PASSED);
        assertThat(a.view().status()).isEqualTo(AppealStatus.IN_PROGRESS);

        a.returnToCoordinators("morozov", LEGAL, NOW.plusSeconds(60), NOW);

        assertThat(a.view().status()).isEqualTo(AppealStatus.RETURNED);
    }

    @Test
    void a59FzAppealMustBeRedirectedWithinSevenCalendarDaysHolidaysIncluded() {
        // received on 30 April 2026: the May holidays do not move the 59-ФЗ redirect deadline
        Instant received = Instant.parse("2026-04-30T12:00:00Z");
        NewAppeal fz59 = new NewAppeal(Source.OTHER, "FZ-1", "roads", Priority.NORMAL, true, false, "Текст", null,
                null, List.of(), received, null, null);
        Deadline terms = new Deadline(received.plusSeconds(86_400 * 30), received.plusSeconds(86_400 * 30));

        Appeal appeal = Appeal.register(fz59, "roads", terms, NOW);
        ReflectionTestUtils.setField(appeal, "id", 2L);

        assertThat(appeal.view().redirectDueAt()).isEqualTo(Instant.parse("2026-05-07T12:00:00Z"));
        assertThat(appeal(List.of()).view().redirectDueAt()).isNull();
    }

    @Test
    void aPlacedPostponedAnswerLeavesTheAppealOpenWithTheTermsOfThePostponedDate() {
        Appeal a = appeal(List.of());
        a.assign("morozov", "roads", null, NOW);
        a.accept("morozov", NOW);
        a.submitAnswer("morozov", draft(AnswerType.POSTPONED, TODAY.plusDays(10)), LIMITS, NOW);
        a.approve("belov", NOW);
        Deadline terms = new Deadline(NOW.plusSeconds(86_400 * 10), NOW.plusSeconds(86_400 * 8));

        assertRefused(() -> a.markPublished("popov", NOW), Reason.WRONG_STATE);
        a.markPostponedPublished("popov", terms, NOW);

        assertThat(a.view().status()).isEqualTo(AppealStatus.POSTPONED);
        assertThat(a.view().resolution()).isNull();
        assertThat(a.view().dueAt()).isEqualTo(terms.dueAt());
        assertThat(a.view().answerDueAt()).isEqualTo(terms.answerDueAt());
        assertThat(a.view().postponeCount()).isEqualTo(1);
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
    }
}
