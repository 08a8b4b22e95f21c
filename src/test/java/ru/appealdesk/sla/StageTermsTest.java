package ru.appealdesk.sla;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.appealdesk.directory.AnswerStage;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.directory.StageTerm;
import ru.appealdesk.support.ConfigVariant;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.Transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.appealdesk.sla.WorkingTimeTest.msk;

/** The stages' own terms (PRODUCT.md §13.2; seed 003 §1, §3; 004 п.12–16): durations, shares, answerDueAt. */
class StageTermsTest {

    /** ИМ as its profile has it: the draft within the whole 6 h / 3 h term, approval and placement 30 min each. */
    static final Directory STAGED = Directory.load(Path.of(ConfigVariant.of("bot-config")
            .insertAfter("regulations.yml", "    review-within: \"30 working minutes\"               # seed 004 п.14: "
                    + "согласовать или вернуть «в течение 30 минут»", """
                        draft-within: "100%"
                        place-within: "30 working minutes"
                    """)
            .write("stage-terms-unit")));
    static final Deadlines DEADLINES = new Deadlines(STAGED, new WorkingTime(STAGED.organization()));

    @ParameterizedTest(name = "{0} received {1}: draft due {2}, answer due {3}")
    @CsvSource({
            // seed 004 п.12: 6 working hours (the lunch break 13:00–13:48 does not count), then 30 + 30 minutes
            "NORMAL, 2026-03-02T10:00, 2026-03-02T16:48, 2026-03-02T17:48",
            // «повышенной важности»: 3 working hours
            "HIGH, 2026-03-02T12:00, 2026-03-02T15:48, 2026-03-02T16:48",
            // what is left at the end of the day goes on the next working day (seed 004 п.9; Friday ends 16:45)
            "NORMAL, 2026-03-06T15:00, 2026-03-10T14:03, 2026-03-10T15:03",
    })
    void givenStageTermsWhenAnIncidentComesInThenAnswerDueAtIsThePlacementsTerm(Priority priority, String received,
                                                                                 String draftDue, String answerDue) {
        // when
        var terms = DEADLINES.compute(Source.INCIDENT, "snow", priority, msk(received));

        // then
        assertThat(DEADLINES.stageDue(AnswerStage.DRAFT, Source.INCIDENT, "snow", priority, msk(received),
                msk(received))).isEqualTo(msk(draftDue));
        assertThat(terms.answerDueAt()).isEqualTo(msk(answerDue));
        assertThat(terms.dueAt()).isEqualTo(msk(answerDue));
    }

    @Test
    void givenNoStageKeysThenTheTermsStayAsBefore() {
        // the sample's ИМ has review-within only: answerDueAt is the 6-hour term as before
        assertThat(DeadlinesTest.DEADLINES.compute(Source.INCIDENT, "snow", Priority.NORMAL,
                msk("2026-03-02T10:00")).answerDueAt()).isEqualTo(msk("2026-03-02T16:48"));
        assertThat(DeadlinesTest.DEADLINES.stageDue(AnswerStage.PLACEMENT, Source.INCIDENT, "snow", Priority.NORMAL,
                msk("2026-03-02T10:00"), msk("2026-03-02T11:00"))).isNull();
    }

    @Test
    void givenAShareWhenAStageBeginsThenItsTermIsThatShareOfTheWholeTermsWorkingTime() {
        // given review-within "50%" of a 6-working-hour term
        Directory directory = Directory.load(Path.of(ConfigVariant.of("bot-config")
                .replace("regulations.yml", "review-within: \"30 working minutes\"", "review-within: \"50%\"")
                .write("stage-share-unit")));
        Deadlines deadlines = new Deadlines(directory, new WorkingTime(directory.organization()));

        // when the draft is submitted at 14:00, then the approval is due 3 working hours later
        assertThat(deadlines.stageDue(AnswerStage.REVIEW, Source.INCIDENT, "snow", Priority.NORMAL,
                msk("2026-03-02T10:00"), msk("2026-03-02T14:00"))).isEqualTo(msk("2026-03-02T17:00"));
        // and for a HIGH appeal (3 working hours) half of that
        assertThat(deadlines.stageDue(AnswerStage.REVIEW, Source.INCIDENT, "snow", Priority.HIGH,
                msk("2026-03-02T10:00"), msk("2026-03-02T14:00"))).isEqualTo(msk("2026-03-02T15:30"));
    }

    @Test
    void givenAPlacementTermWhenTheAnswerIsApprovedThenTheFirstReminderIsAtThatTerm() {
        // given the ИМ ladder (30 min, 1 h, 2 h) and a placement due 30 working minutes after the approval at 10:05
        var ladder = java.util.stream.Stream.of("30 working minutes", "1 working hours", "2 working hours")
                .map(ru.appealdesk.directory.WorkDuration::parse).toList();

        // then the placers are reminded at the term, the later levels keep their offsets from the approval
        assertThat(TimerPlannerTest.PLANNER.stepLadder(msk("2026-03-02T10:05"), ladder, msk("2026-03-02T10:35")))
                .containsExactly(msk("2026-03-02T10:35"), msk("2026-03-02T11:05"), msk("2026-03-02T12:05"));
        // without a term of its own the step keeps the ladder as it is
        assertThat(TimerPlannerTest.PLANNER.stepLadder(msk("2026-03-02T10:05"), ladder, null))
                .containsExactly(msk("2026-03-02T10:35"), msk("2026-03-02T11:05"), msk("2026-03-02T12:05"));
    }

    @Test
    void aShareIsOfWorkingTimeToTheSecond() {
        assertThat(Deadlines.share(Duration.ofHours(6), 60)).isEqualTo(Duration.ofMinutes(216));
        assertThat(Deadlines.share(Duration.ofMinutes(1), 50)).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource({"60%, , 60", "100%, , 100", "30 working minutes, 30 working minutes, "})
    void aStageTermIsADurationOrAShare(String text, String duration, Integer percent) {
        StageTerm term = StageTerm.parse(text);
        assertThat(term.percent()).isEqualTo(percent);
        assertThat(term.duration() == null ? null : term.duration().toString()).isEqualTo(duration);
    }

    @ParameterizedTest
    @CsvSource({"120%", "0%", "abc", "%", "60 %%"})
    void aBadStageTermIsRefused(String text) {
        assertThatThrownBy(() -> StageTerm.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void eachStageIsHeldByTheActorOfTheTransitionThatEndsIt() {
        assertThat(Transition.ending(AnswerStage.DRAFT).actor()).isEqualTo(Transition.Actor.EXECUTOR);
        assertThat(Transition.ending(AnswerStage.REVIEW).actor()).isEqualTo(Transition.Actor.APPROVER);
        assertThat(Transition.ending(AnswerStage.PLACEMENT).actor()).isEqualTo(Transition.Actor.PLACER);
        assertThat(Transition.stageIn(AppealStatus.ANSWER_REVIEW)).contains(AnswerStage.REVIEW);
        assertThat(Transition.stageIn(AppealStatus.APPROVED)).contains(AnswerStage.PLACEMENT);
        assertThat(Transition.stageIn(AppealStatus.REWORK)).contains(AnswerStage.DRAFT);
        assertThat(Transition.stageIn(AppealStatus.NEW)).isEmpty();
    }
}
