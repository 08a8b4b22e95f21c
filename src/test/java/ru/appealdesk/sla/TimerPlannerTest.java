package ru.appealdesk.sla;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.appealdesk.directory.SourceRegulation;
import ru.appealdesk.directory.WorkDuration;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.sla.WorkingTimeTest.TIME;
import static ru.appealdesk.sla.WorkingTimeTest.msk;

/** When ladder levels, countdown reminders and the ЕЦУР claim deadline fall, with the shipped working time. */
class TimerPlannerTest {

    static final TimerPlanner PLANNER = new TimerPlanner(null, TIME, null, null);

    @ParameterizedTest(name = "step from {0}: level {1} at {2}")
    @CsvSource({
            // the default ladder: 30 working minutes, 4 working hours, 24 hours
            "2026-03-02T10:00, 30 working minutes, 2026-03-02T10:30",
            "2026-03-02T10:00, 4 working hours, 2026-03-02T14:48",
            "2026-03-02T10:00, 24 hours, 2026-03-03T10:00",
            // a step that begins on Friday afternoon: weekends and the 9 March holiday do not count
            "2026-03-06T16:30, 30 working minutes, 2026-03-10T09:15",
            "2026-03-06T16:30, 4 working hours, 2026-03-10T12:45",
            // at night: the working clock starts next morning
            "2026-03-02T22:00, 30 working minutes, 2026-03-03T09:30",
            // before the New Year holidays
            "2025-12-30T15:00, 4 working hours, 2026-01-12T10:00",
    })
    void ladderLevels(String stepStart, String level, String expected) {
        assertThat(TIME.plus(msk(stepStart), WorkDuration.parse(level))).isEqualTo(msk(expected));
    }

    @ParameterizedTest(name = "answer due {0}, {1} before: {2}")
    @CsvSource({
            "2026-03-11T18:00, 24 hours, 2026-03-10T18:00",
            "2026-03-11T18:00, 4 hours, 2026-03-11T14:00",
            "2026-03-11T18:00, 30 minutes, 2026-03-11T17:30",
            "2026-03-10T14:03, 1 hour, 2026-03-10T13:03",
            "2026-03-10T10:00, 2 working hours, 2026-03-06T15:45",
            "2026-03-10T18:00, 1 day, 2026-03-09T18:00",
    })
    void countdown(String answerDueAt, String offset, String expected) {
        assertThat(PLANNER.countdownAt(msk(answerDueAt), WorkDuration.parse(offset))).isEqualTo(msk(expected));
    }

    @ParameterizedTest(name = "assigned {0}: claim by {1}")
    @CsvSource({
            "2026-03-02T10:00, 2026-03-02T15:00",
            "2026-03-02T14:59, 2026-03-02T15:00",
            "2026-03-02T15:00, 2026-03-03T15:00",
            "2026-03-06T16:00, 2026-03-10T15:00",
            "2026-03-07T12:00, 2026-03-10T15:00",
            "2025-12-30T16:00, 2026-01-12T15:00",
    })
    void ecurClaimDeadline(String assignedAt, String expected) {
        assertThat(PLANNER.claimDeadline(msk(assignedAt), 15 * 60)).isEqualTo(msk(expected));
    }

    @ParameterizedTest(name = "postponed {0}, due {1}: {2} % left at {3}")
    @CsvSource({
            // four full working days (Mon-Thu, 8 h 12 min each): a quarter is exactly Monday's working day
            "2026-03-02T09:00, 2026-03-05T18:00, 75, 2026-03-02T18:00",
            // Friday (7 h 57 min), the weekend and the 9 March holiday, Tuesday to Thursday: 1,893 working minutes,
            // a quarter is 473 min 15 s — Friday's 417 and 56 min 15 s on Tuesday
            "2026-03-06T09:00, 2026-03-12T18:00, 75, 2026-03-10T09:56:15",
            // placed in the evening: the period starts the next working morning; 738 of 1,476 minutes, past lunch
            "2026-03-02T20:00, 2026-03-05T18:00, 50, 2026-03-04T13:54",
            // no working time in the period: no card
            "2026-03-07T10:00, 2026-03-07T18:00, 75, ",
    })
    void postponedReassignInstant(String postponedAt, String dueAt, int percentLeft, String expected) {
        assertThat(PLANNER.reassignAt(msk(postponedAt), msk(dueAt), percentLeft))
                .isEqualTo(expected == null ? null : msk(expected));
    }

    @ParameterizedTest(name = "unrouted from {0}, within {1}: levels at {2}, {3}, {4}")
    @CsvSource({
            // the default: the ladder's first level, then the ladder as for any step (30 min, 4 h, 24 h)
            "2026-03-02T10:00, , 2026-03-02T10:30, 2026-03-02T14:48, 2026-03-03T10:00",
            // ИМ (seed 004 п.10) with its own ladder 30 min, 1 h, 2 h: the ladder as it is
            "2026-03-02T10:00, 30 working minutes, 2026-03-02T10:30, 2026-03-02T11:00, 2026-03-02T12:00",
            // Добродел (seed 001 §4.4): 2 working days (to the end of the second), then 4 working hours and 24 hours after it
            "2026-03-02T10:00, 2 working days, 2026-03-04T18:00, 2026-03-05T13:00, 2026-03-05T18:00",
    })
    void unroutedLadder(String since, String within, String first, String second, String third) {
        List<String> ladder = within != null && within.startsWith("30")
                ? List.of("30 working minutes", "1 working hours", "2 working hours")
                : List.of("30 working minutes", "4 working hours", "24 hours");
        SourceRegulation regulation = new SourceRegulation(null, null, null, null, null, null,
                ladder.stream().map(WorkDuration::parse).toList(), List.of(), null,
                within == null ? null : WorkDuration.parse(within), false, null, null, null, false, 2, false, null, false,
                null, null, false, false, null, SourceRegulation.DEFAULT_CLARIFICATION_WAIT);
        assertThat(PLANNER.unroutedLadder(msk(since), regulation)).containsExactly(msk(first), msk(second),
                msk(third));
    }
}
