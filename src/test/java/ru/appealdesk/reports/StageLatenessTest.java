package ru.appealdesk.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.AnswerStage;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.reports.StageLateness.Span;
import ru.appealdesk.workflow.HistoryType;
import ru.appealdesk.workflow.ReportFacts.EntryFact;
import ru.appealdesk.workflow.ReportFacts.StageEntryFact;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose each stage of an answer is and who a late placement is booked on (PRODUCT.md §13.2). */
class StageLatenessTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T07:00:00Z");

    private final List<StageEntryFact> history = new ArrayList<>();

    private void entry(HistoryType type, int minute, String actor) {
        history.add(new StageEntryFact(1, Source.INCIDENT, "IM-1", "snow", Priority.NORMAL, "roads", RECEIVED, type,
                RECEIVED.plusSeconds(minute * 60L), actor, "morozov"));
    }

    @Test
    void givenAnAnswerSentBackOnceThenEachStageIsTheOneWhoEndedIt() {
        // given: drafted by the executor, sent back, drafted again, approved by Белов, placed by Соколова
        entry(HistoryType.ANSWER_SUBMITTED, 60, "morozov");
        entry(HistoryType.SENT_TO_REWORK, 70, "belov");
        entry(HistoryType.ANSWER_SUBMITTED, 90, "morozov");
        entry(HistoryType.ANSWER_APPROVED, 150, "belov");
        entry(HistoryType.PUBLISHED, 160, "sokolova");

        // when
        List<Span> spans = StageLateness.spans(RECEIVED, history);

        // then the rework is no draft of its own term; two approvals, one placement
        assertThat(spans).extracting(Span::stage, Span::holderId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AnswerStage.DRAFT, "morozov"),
                org.assertj.core.groups.Tuple.tuple(AnswerStage.REVIEW, "belov"),
                org.assertj.core.groups.Tuple.tuple(AnswerStage.REVIEW, "belov"),
                org.assertj.core.groups.Tuple.tuple(AnswerStage.PLACEMENT, "sokolova"));
        assertThat(spans.get(2).start()).isEqualTo(RECEIVED.plusSeconds(90 * 60));
        assertThat(spans.get(3).start()).isEqualTo(RECEIVED.plusSeconds(150 * 60));
    }

    @Test
    void givenAnApprovalChainThenEachApproverHoldsTheirOwnStep() {
        entry(HistoryType.ANSWER_SUBMITTED, 60, "morozov");
        entry(HistoryType.CHAIN_APPROVED, 80, "smirnova");
        entry(HistoryType.ANSWER_APPROVED, 120, "belov");

        assertThat(StageLateness.spans(RECEIVED, history)).extracting(Span::holderId)
                .containsExactly("morozov", "smirnova", "belov");
    }

    @Test
    void givenALateApprovalThenTheLatePlacementIsTheApproversNotTheExecutors() {
        EntryFact placement = new EntryFact(1, Source.INCIDENT, "snow", "roads", HistoryType.PUBLISHED,
                RECEIVED.plusSeconds(3600 * 8), "morozov", RECEIVED.plusSeconds(3600 * 7), RECEIVED, null, 0);
        DisciplineReport.StageLate review = late(AnswerStage.REVIEW, "belov", 6);
        DisciplineReport.StageLate place = late(AnswerStage.PLACEMENT, "sokolova", 7);

        // the first stage that overran is whose the late answer is
        assertThat(Reports.lateHolder(List.of(review, place), placement)).isEqualTo("belov");
        assertThat(Reports.lateHolder(List.of(place), placement)).isEqualTo("sokolova");
        // no stage overran its term: the executor, as without stage terms
        assertThat(Reports.lateHolder(List.of(), placement)).isEqualTo("morozov");
    }

    private static DisciplineReport.StageLate late(AnswerStage stage, String holder, int endHour) {
        return new DisciplineReport.StageLate(1, "IM-1", Source.INCIDENT, "roads", stage, holder, holder,
                RECEIVED.plusSeconds(3600L * (endHour - 1)), RECEIVED.plusSeconds(3600L * (endHour - 1) + 1800),
                RECEIVED.plusSeconds(3600L * endHour), 30);
    }
}
