package ru.appealdesk.sla;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.appealdesk.directory.DailyHours;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Organization;
import ru.appealdesk.directory.ProductionCalendar;
import ru.appealdesk.directory.WorkDuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            // a calendar lead is calendar time, «за 2 (двое) суток» (seed 000 п.10, 12; PRODUCT.md §13.2): the same
            // local time that many dates earlier, weekends and holidays included (this case ended 06.03 16:45, the
            // end of the last working day, before §13.2)
            "2026-03-10T18:00, 3 days, 2026-03-07T18:00",
            "2026-03-13T16:45, 2 days, 2026-03-11T16:45",
            // over a weekend: calendar time lands on Saturday 14.03, working days go back to Thursday 12.03
            "2026-03-16T18:00, 2 days, 2026-03-14T18:00",
            "2026-03-16T18:00, 2 working days, 2026-03-12T18:00",
            // over the production calendar's holiday of Monday 09.03.2026 (8 March moved from a Sunday)
            "2026-03-11T12:00, 2 days, 2026-03-09T12:00",
            "2026-03-11T12:00, 2 working days, 2026-03-06T16:45",
            "2026-03-10T18:00, 2 days, 2026-03-08T18:00",
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
    void aYearWithoutDataFallsBackToTheListedDaysAndTheFixedHolidays() {
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

    /** A duty dispatch service: round the clock, seven days a week, no production calendar. */
    static Organization roundTheClock(ProductionCalendar calendar) {
        java.util.Map<java.time.DayOfWeek, DailyHours> hours = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.put(day, DailyHours.parse("00:00-24:00"));
        }
        return new Organization("ЕДДС", MSK, hours, null, calendar);
    }

    @Test
    void withoutACalendarEveryListedDayWorksExceptTheFixedHolidays() {
        WorkingTime time = new WorkingTime(roundTheClock(ProductionCalendar.empty()));

        assertThat(time.isWorkingDay(LocalDate.of(2026, 3, 1))).as("a Sunday").isTrue();
        assertThat(time.isWorkingDay(LocalDate.of(2026, 3, 7))).as("a Saturday").isTrue();
        assertThat(time.isWorkingDay(LocalDate.of(2026, 1, 5))).as("New Year holidays").isFalse();
        assertThat(time.isWorkingDay(LocalDate.of(2026, 6, 12))).as("Russia Day").isFalse();
        // a reminder 30 working minutes after Sunday 10:00 is due on Sunday, not on Monday
        assertThat(time.plusWorkingTime(msk("2026-03-01T10:00"), java.time.Duration.ofMinutes(30)))
                .isEqualTo(msk("2026-03-01T10:30"));
        assertThat(time.plusWorkingDays(msk("2026-03-06T10:00"), 1)).isEqualTo(msk("2026-03-08T00:00"));
    }

    @Test
    void theLeadOnTwentyFourHourDaysCountsBackFromTheDayTheDeadlineEnds() {
        // given a round-the-clock organisation: the working day of 17.12 ends at midnight of 18.12
        WorkingTime time = new WorkingTime(roundTheClock(ProductionCalendar.empty()));
        Instant dueAt = time.endOfWorkingDay(LocalDate.of(2026, 12, 17));
        assertThat(dueAt).isEqualTo(msk("2026-12-18T00:00"));

        // when the lead is counted back from it, then it ends with the day two days earlier (15.12), not 16.12
        assertThat(time.dayOf(dueAt)).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(time.minusLead(dueAt, WorkDuration.parse("2 working days"))).isEqualTo(msk("2026-12-16T00:00"));
        assertThat(time.minusLead(dueAt, WorkDuration.parse("2 days"))).isEqualTo(msk("2026-12-16T00:00"));
        // a deadline inside a day still belongs to that day
        assertThat(time.minusLead(msk("2026-12-17T15:00"), WorkDuration.parse("2 days")))
                .isEqualTo(msk("2026-12-15T15:00"));
        assertThat(time.dayOf(msk("2026-12-17T15:00"))).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(TIME.dayOf(msk("2026-03-02T18:00"))).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aCalendarLeadOnTwentyFourHourDaysCountsTheHolidayAWorkingLeadSkips() {
        // given a round-the-clock organisation and a term ending with 13.06.2026; 12.06 is Russia Day (art. 112)
        WorkingTime time = new WorkingTime(roundTheClock(ProductionCalendar.empty()));
        Instant dueAt = time.endOfWorkingDay(LocalDate.of(2026, 6, 13));
        assertThat(dueAt).isEqualTo(msk("2026-06-14T00:00"));

        // then «двое суток» are 48 hours, the holiday included (seed 000 п.10, 12; PRODUCT.md §13.2)
        assertThat(time.minusLead(dueAt, WorkDuration.parse("2 days"))).isEqualTo(msk("2026-06-12T00:00"));
        // and 2 working days skip the holiday: the end of 10.06 (11.06 and 10.06 counted)
        assertThat(time.minusLead(dueAt, WorkDuration.parse("2 working days"))).isEqualTo(msk("2026-06-11T00:00"));
    }

    @Test
    void aConfigurationWithoutWorkingTimeFailsFastInsteadOfSearchingForever() {
        // every day of 2026 a holiday (bot-config refuses this; WorkingTime must not hang on it either)
        java.util.Set<LocalDate> all = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            all.add(d);
        }
        java.util.Map<Integer, ProductionCalendar.Year> years = new java.util.HashMap<>();
        for (int y = 2010; y <= 2045; y++) {
            java.util.Set<LocalDate> days = new java.util.HashSet<>();
            for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
                days.add(d);
            }
            years.put(y, new ProductionCalendar.Year(days, java.util.Set.of(), java.util.Set.of()));
        }
        WorkingTime time = new WorkingTime(roundTheClock(new ProductionCalendar(years)));

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> time.plusWorkingDays(msk("2026-03-02T10:00"), 3))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> time.plusWorkingTime(msk("2026-03-02T10:00"), java.time.Duration.ofHours(1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> time.minusLead(msk("2026-03-02T10:00"), WorkDuration.parse("2 working days")))
                    .isInstanceOf(IllegalStateException.class);
        });
    }
}
