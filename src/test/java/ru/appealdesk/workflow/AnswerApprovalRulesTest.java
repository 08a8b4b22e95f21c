package ru.appealdesk.workflow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.support.ConfigVariant;
import ru.appealdesk.workflow.TransitionRefused.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static ru.appealdesk.workflow.AppealTest.LIMITS;
import static ru.appealdesk.workflow.AppealTest.NOW;
import static ru.appealdesk.workflow.AppealTest.draft;

/**
 * The rules around the answer's approval (PRODUCT.md §13.2): {@code answer-evidence: required} (seed 000 п.6, 001
 * §4.6) in the aggregate's guard, and {@code sign-by: DEPUTY_HEAD} (seed 000 п.6): the deputy head signs last.
 */
class AnswerApprovalRulesTest {

    @ParameterizedTest
    @EnumSource(value = AnswerType.class, names = {"RESOLVED", "NOT_RESOLVED", "REJECTED"})
    void whereEvidenceIsRequiredAnAnswerWithoutAPhotoOrADocumentIsRefusedAndChangesNothing(AnswerType type) {
        // given an appeal in work of a source that requires evidence
        Appeal a = inWork("morozov", "roads");

        // when the executor submits the answer with no file, or with a video only
        // then it is refused and the appeal stays in work
        assertRefused(() -> a.submitAnswer("morozov", draft(type, null), LIMITS, false, true, NOW),
                Reason.EVIDENCE_REQUIRED);
        assertRefused(() -> a.submitAnswer("morozov", draft(type, null, AttachmentKind.VIDEO), LIMITS, false, true,
                NOW), Reason.EVIDENCE_REQUIRED);
        assertThat(a.view().status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(a.view().history()).hasSize(3);

        // when it carries a document
        a.submitAnswer("morozov", draft(type, null, AttachmentKind.DOCUMENT), LIMITS, false, true, NOW);

        // then it goes for approval
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
    }

    @Test
    void aPhotoIsEvidenceTooAndPostponedNeedsNone() {
        // given two appeals in work of a source that requires evidence
        Appeal withPhoto = inWork("morozov", "roads");
        Appeal postponed = inWork("morozov", "roads");

        // when one is answered «Решено» with a photo and the other «Отложено» with no file
        withPhoto.submitAnswer("morozov", draft(AnswerType.RESOLVED, null, AttachmentKind.PHOTO), LIMITS, false, true,
                NOW);
        postponed.submitAnswer("morozov", draft(AnswerType.POSTPONED, AppealTest.TODAY.plusDays(10)), LIMITS, false,
                true, NOW);

        // then both go for approval
        assertThat(withPhoto.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
        assertThat(postponed.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
    }

    @Test
    void whereEvidenceIsNotRequiredATextAnswerGoesForApproval() {
        // given an appeal in work of a source with the default answer-evidence (optional)
        Appeal a = inWork("morozov", "roads");

        // when a text-only «Решено» is submitted
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, false, false, NOW);

        // then it goes for approval
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
    }

    @Test
    void theDeputyHeadSignsLastAfterTheDepartmentsApprover() {
        // given roads signed by its deputy head (orlov) and an answer under review
        Approvers approvers = approvers(signing("roads"));
        Appeal a = inWork("morozov", "roads");
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);

        // then the approver (belov) approves first, at stage 1 of 2
        assertThat(approvers.of(a.view())).extracting(StaffMember::id).containsExactly("belov");
        assertThat(approvers.stage(a.view())).contains(new Approvers.Stage(1, 2, false));

        // when he approves
        a.approveStage("belov", 1, 2, NOW);

        // then the answer stays in review and waits for the deputy head's signature
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
        assertThat(approvers.stage(a.view())).contains(new Approvers.Stage(2, 2, true));
        assertThat(approvers.of(a.view())).extracting(StaffMember::id).containsExactly("orlov");

        // when the deputy head signs
        a.sign("orlov", NOW);

        // then it is approved, recorded as signed
        AppealView view = a.view();
        assertThat(view.status()).isEqualTo(AppealStatus.APPROVED);
        AppealView.HistoryItem last = view.history().get(view.history().size() - 1);
        assertThat(last.type()).isEqualTo(HistoryType.ANSWER_APPROVED);
        assertThat(last.actorId()).isEqualTo("orlov");
        assertThat(HistoryWords.comment(last)).isEqualTo("Ответ подписан заместителем главы");
    }

    @Test
    void theSignatureComesAfterTheWholeChainAndReworkStartsTheChainOver() {
        // given education (chain smirnova, kuznetsova, belov) signed by its deputy head (lebedeva)
        Approvers approvers = approvers(signing("education"));
        Appeal a = inWork("fedorova", "education");
        a.submitAnswer("fedorova", draft(AnswerType.RESOLVED, null), LIMITS, NOW);

        // when the three of the chain approve
        a.approveStage("smirnova", 1, 4, NOW);
        a.approveStage("kuznetsova", 2, 4, NOW);
        assertThat(approvers.stage(a.view())).contains(new Approvers.Stage(3, 4, false));
        a.approveStage("belov", 3, 4, NOW);

        // then the deputy head signs at the fourth stage
        assertThat(approvers.stage(a.view())).contains(new Approvers.Stage(4, 4, true));
        assertThat(approvers.of(a.view())).extracting(StaffMember::id).containsExactly("lebedeva");

        // when she sends it to rework («На доработку») and the executor resubmits
        a.sendToRework("lebedeva", "Не подпишу: нет сроков работ", NOW);
        assertThat(a.view().status()).isEqualTo(AppealStatus.REWORK);
        a.submitAnswer("fedorova", draft(AnswerType.RESOLVED, null), LIMITS, NOW);

        // then the chain starts over from its first member
        assertThat(approvers.stage(a.view())).contains(new Approvers.Stage(1, 4, false));
        assertThat(approvers.of(a.view())).extracting(StaffMember::id).containsExactly("smirnova");
    }

    @Test
    void withoutSignByNothingChanges() {
        // given the sample, where no department is signed by its deputy head
        Approvers approvers = approvers(Directory.load(Path.of("bot-config")));
        Appeal a = inWork("morozov", "roads");
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);

        // then the approver approves alone, with no stage
        assertThat(approvers.stage(a.view())).isEmpty();
        assertThat(approvers.of(a.view())).extracting(StaffMember::id).containsExactly("belov");
    }

    @Test
    void theExecutorDoesNotSignTheirOwnAnswer() {
        // given an answer under review
        Appeal a = inWork("morozov", "roads");
        a.submitAnswer("morozov", draft(AnswerType.RESOLVED, null), LIMITS, NOW);

        // then its executor's signature is refused and nothing changes
        assertRefused(() -> a.sign("morozov", NOW), Reason.SELF_APPROVAL);
        assertThat(a.view().status()).isEqualTo(AppealStatus.ANSWER_REVIEW);
        // and nobody signs an appeal that is not under review
        assertRefused(() -> inWork("morozov", "roads").sign("orlov", NOW), Reason.WRONG_STATE);
    }

    private static Directory signing(String department) {
        String deputy = department.equals("roads") ? "orlov" : "lebedeva";
        String dir = ConfigVariant.of("bot-config").replace("staff.yml", "  - id: " + department + "\n",
                "  - id: " + department + "\n    sign-by: DEPUTY_HEAD\n").write("sign-by-unit-" + department);
        Directory directory = Directory.load(Path.of(dir));
        assertThat(directory.signerOf(department)).map(StaffMember::id).contains(deputy);
        return directory;
    }

    private static Approvers approvers(Directory directory) {
        return new Approvers(directory, mock(Absences.class));
    }

    private static Appeal inWork(String executor, String department) {
        Appeal a = AppealTest.appeal(List.of());
        a.assign(executor, department, null, NOW);
        a.accept(executor, NOW);
        return a;
    }

    private static void assertRefused(Runnable action, Reason reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TransitionRefused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
