package ru.appealdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.sla.WorkingTimeTest.msk;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Seed 004 п.13: while a clarification is awaited the appeal's clock stands still; each term moves on by the WORKING
 * time it waited (the sample organisation: 09:00-18:00, Friday to 16:45, lunch 13:00-13:48, Moscow).
 */
class ClarificationPauseTest {

    private static final Deadlines DEADLINES = DeadlinesTest.DEADLINES;

    @Test
    void aPauseOverANightCountsOnlyTheWorkingHoursAndMovesATermOverTheNextNight() {
        // given: asked on Tuesday 17:30, answered on Wednesday 09:30
        Duration paused = DEADLINES.workingBetween(msk("2026-03-17T17:30"), msk("2026-03-18T09:30"));
        // then: 30 minutes on Tuesday and 30 on Wednesday
        assertThat(paused).isEqualTo(Duration.ofMinutes(60));
        // and a term of Tuesday 17:45 moves by that hour of working time: 15 minutes that evening, 45 the next morning
        assertThat(DEADLINES.shifted(msk("2026-03-17T17:45"), paused)).isEqualTo(msk("2026-03-18T09:45"));
    }

    @Test
    void aPauseOverAWeekendCountsNeitherTheWeekendNorTheLunchBreak() {
        // given: asked on Thursday 12.03 17:00, answered on Monday 16.03 10:00
        Duration paused = DEADLINES.workingBetween(msk("2026-03-12T17:00"), msk("2026-03-16T10:00"));
        // then: Thursday 1 h, Friday 09:00-16:45 less the 48-minute lunch (6 h 57 min), Monday 1 h
        assertThat(paused).isEqualTo(Duration.ofMinutes(60 + 417 + 60));
        // and the terms move by exactly that much working time, over the next weekend and lunches
        assertThat(DEADLINES.shifted(msk("2026-03-20T16:45"), paused)).isEqualTo(msk("2026-03-24T09:45"));
        assertThat(DEADLINES.shifted(msk("2026-03-18T12:00"), paused)).isEqualTo(msk("2026-03-19T12:45"));
        // and the moved term lies exactly that much working time after the old one
        assertThat(DEADLINES.workingBetween(msk("2026-03-18T12:00"), msk("2026-03-19T12:45"))).isEqualTo(paused);
    }

    @Test
    void aPauseWhollyOutsideWorkingTimeMovesNothing() {
        // given: asked on Saturday, answered on Sunday
        Duration paused = DEADLINES.workingBetween(msk("2026-03-14T11:00"), msk("2026-03-15T20:00"));
        // then: no working time passed, so a term stays where it was (even one at the end of a working day)
        assertThat(paused).isZero();
        Instant term = msk("2026-03-20T16:45");
        assertThat(DEADLINES.shifted(term, paused)).isEqualTo(term);
    }
}
