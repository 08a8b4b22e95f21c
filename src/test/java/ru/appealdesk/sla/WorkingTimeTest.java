package ru.appealdesk.sla;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.WorkDuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working-time arithmetic on the shipped organisation: Mon-Thu 09:00-18:00, Fri 09:00-16:45, lunch 13:00-13:48,
 * Europe/Moscow, production calendar 2025-2027.
 */
class WorkingTimeTest {

    static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    static final WorkingTime TIME = new WorkingTime(Directory.load(Path.of("bot-config")).organization());

    static Instant msk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MSK).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            // plain working morning
            "2026-03-02T10:00, 30 working minutes, 2026-03-02T10:30",
            // starts during lunch: counting begins at 13:48
            "2026-03-02T13:10, 30 working minutes, 2026-03-02T14:18",
            // spans the lunch break: 10 minutes before, 20 after
            "2026-03-02T12:50, 30 working minutes, 2026-03-02T14:08",
            // at night: next morning
            "2026-03-02T20:00, 30 working minutes, 2026-03-03T09:30",
            // before opening
            "2026-03-03T07:15, 4 working hours, 2026-03-03T13:00",
            // the last unit used up exactly at closing time
            "2026-03-02T17:00, 1 working hour, 2026-03-02T18:00",
            // Friday afternoon: 15 minutes on Friday, then the weekend and the 9 March holiday
            "2026-03-06T16:30, 4 working hours, 2026-03-10T12:45",
            // seed 004 п.9: what is left at the end of a day continues next morning
            "2026-03-06T15:00, 6 working hours, 2026-03-10T14:03",
            // a short day (30.04.2026 ends at 17:00), then the May holidays
            "2026-04-30T16:00, 2 working hours, 2026-05-04T10:00",
            // registered on a Saturday night
            "2026-03-07T23:00, 30 working minutes, 2026-03-10T09:30",
            // New Year holidays 1-9 January 2026 and 31 December
            "2025-12-30T17:30, 1 working hour, 2026-01-12T09:30",
            // whole working days (8h12m Mon-Thu)
            "2026-03-02T09:00, 8 working hours, 2026-03-02T17:48",
            // seconds for tests of the ladder
            "2026-03-02T10:00, 2 working seconds, 2026-03-02T10:00:02",
            // calendar durations are exact
            "2026-03-06T16:30, 24 hours, 2026-03-07T16:30",
            "2026-03-02T23:50, 30 minutes, 2026-03-03T00:20",
    })
    void addsWorkingAndCalendarTime(String from, String duration, String expected) {
        assertThat(TIME.plus(msk(from), WorkDuration.parse(duration))).isEqualTo(msk(expected));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            // N working days: end of the N-th working day after the date, the date itself not counted
            "2026-03-02T10:15, 8 working days, 2026-03-13T16:45",
            "2026-03-02T23:59, 1 working day, 2026-03-03T18:00",
            // before the 2026 New Year holidays (31.12.2025, 01-09.01.2026 are days off)
            "2025-12-29T10:00, 8 working days, 2026-01-20T18:00",
            "2025-12-30T16:00, 1 working day, 2026-01-12T18:00",
            // a short day counts as a working day and ends an hour early (03.11.2026)
            "2026-11-02T10:00, 1 working day, 2026-11-03T17:00",
            "2026-11-02T10:00, 8 working days, 2026-11-13T16:45",
            // N days: end of working hours of date + N, or of the next working day
            "2025-12-29T10:00, 30 days, 2026-01-28T18:00",
            "2026-02-06T11:00, 30 days, 2026-03-10T18:00",
            "2026-03-02T10:00, 5 days, 2026-03-10T18:00",
            "2026-03-05T10:00, 1 day, 2026-03-06T16:45",
            // 2027: Saturday 20.02.2027 is a working day with Monday's hours, shortened by an hour
            "2027-02-19T12:00, 1 working day, 2027-02-20T17:00",
            "2027-02-19T17:00, 2 working hours, 2027-02-20T11:00",
    })
    void addsDays(String from, String duration, String expected) {
        assertThat(TIME.plus(msk(from), WorkDuration.parse(duration))).isEqualTo(msk(expected));
    }

    @ParameterizedTest(name = "{0} - {1} = {2}")
    @CsvSource({
            "2026-03-13T16:45, 2 working days, 2026-03-11T18:00",
            "2026-01-20T18:00, 2 working days, 2026-01-16T16:45",
            "2026-03-10T18:00, 2 working days, 2026-03-05T18:00",
            "2026-03-10T18:00, 3 days, 2026-03-06T16:45",
            "2026-03-10T09:30, 1 working hour, 2026-03-06T16:15",
            "2026-03-10T10:00, 30 minutes, 2026-03-10T09:30",
    })
    void subtractsTheLead(String dueAt, String lead, String expected) {
        assertThat(TIME.minusLead(msk(dueAt), WorkDuration.parse(lead))).isEqualTo(msk(expected));
    }

    @Test
    void knowsWorkingDaysFromTheProductionCalendar() {
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 1, 9))).isFalse();
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 1, 12))).isTrue();
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(TIME.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(TIME.endOfWorkingDay(LocalDate.of(2025, 11, 1))).isEqualTo(msk("2025-11-01T17:00"));
        assertThat(TIME.periods(LocalDate.of(2026, 3, 2))).hasSize(2);
    }

    @Test
    void aYearWithoutDataFallsBackToWeekendsAndTheFixedHolidays() {
        assertThat(TIME.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(TIME.isWorkingDay(LocalDate.of(2028, 1, 10))).isTrue();
        assertThat(TIME.isWorkingDay(LocalDate.of(2028, 6, 12))).isFalse();
        assertThat(TIME.isWorkingDay(LocalDate.of(2028, 6, 10))).isFalse();
    }

    @Test
    void findsTheNextWorkingInstant() {
        assertThat(TIME.nextWorkingInstant(msk("2026-03-02T13:20"))).isEqualTo(msk("2026-03-02T13:48"));
        assertThat(TIME.nextWorkingInstant(msk("2026-03-06T17:00"))).isEqualTo(msk("2026-03-10T09:00"));
        assertThat(TIME.nextWorkingInstant(msk("2026-03-02T11:00"))).isEqualTo(msk("2026-03-02T11:00"));
        assertThat(TIME.isWorkingTime(msk("2026-03-02T13:30"))).isFalse();
        assertThat(TIME.isWorkingTime(msk("2026-03-02T13:48"))).isTrue();
    }

    @Test
    void workingTimeSubtractionUndoesAddition() {
        Instant from = msk("2026-03-05T11:17");
        for (String d : new String[] {"30 working minutes", "4 working hours", "17 working hours"}) {
            Instant to = TIME.plus(from, WorkDuration.parse(d));
            assertThat(TIME.minusWorkingTime(to, WorkDuration.parse(d).asDuration())).isEqualTo(from);
        }
    }
}
