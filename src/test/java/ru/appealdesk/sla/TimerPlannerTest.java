package ru.appealdesk.sla;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.appealdesk.directory.WorkDuration;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.sla.WorkingTimeTest.TIME;
import static ru.appealdesk.sla.WorkingTimeTest.msk;

/** When ladder levels, countdown reminders and the ЕЦУР claim deadline fall, with the shipped working time. */
class TimerPlannerTest {

    static final TimerPlanner PLANNER = new TimerPlanner(null, TIME, null);

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
}
