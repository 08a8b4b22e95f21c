package ru.appealdesk.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation's name, time zone, working hours, lunch break and production calendar, and the rule that
 * makes them working days: where the calendar has the year, its holidays are off and its working weekend days are
 * on, besides the days listed in {@code working-hours}; without a calendar (or for a year it lacks) the listed days
 * are working days, Saturday and Sunday included, except the non-working holidays of Labour Code art. 112.
 */
public record Organization(String name, ZoneId timeZone, Map<DayOfWeek, DailyHours> workingHours,
                           DailyHours lunchBreak, ProductionCalendar calendar) {

    /** How dates are written for staff, in every message, report and card: {@code ДД.ММ.ГГГГ}. */
    public static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Non-working holidays of Labour Code art. 112 (1-8 January, 23 February, 8 March, 1 and 9 May, 12 June, 4 November). */
    public static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    /** Whether a production calendar is configured but has no data for the date's year. */
    public boolean calendarLacks(int year) {
        return !calendar.years().isEmpty() && calendar.year(year).isEmpty();
    }

    public boolean isWorkingDay(LocalDate date) {
        Optional<ProductionCalendar.Year> year = calendar.year(date.getYear());
        if (year.isPresent()) {
            return !year.get().holidays().contains(date)
                    && (year.get().workingDays().contains(date) || workingHours.containsKey(date.getDayOfWeek()));
        }
        return workingHours.containsKey(date.getDayOfWeek()) && !FIXED_HOLIDAYS.contains(MonthDay.from(date));
    }

    /**
     * The working spans of a date in local minutes, in order, without the lunch break; a shortened pre-holiday
     * day ends an hour earlier. Empty on a day off. A working weekend day of the calendar has Monday's hours
     * (or the first listed day's).
     */
    public List<DailyHours> workingSpans(LocalDate date) {
        if (!isWorkingDay(date)) {
            return List.of();
        }
        DailyHours day = workingHours.getOrDefault(date.getDayOfWeek(),
                workingHours.getOrDefault(DayOfWeek.MONDAY, workingHours.values().iterator().next()));
        int start = day.startMinute();
        int end = day.endMinute();
        if (calendar.year(date.getYear()).map(y -> y.shortDays().contains(date)).orElse(false)) {
            end = Math.max(start, end - 60);
        }
        List<DailyHours> spans = new ArrayList<>(2);
        if (lunchBreak == null || lunchBreak.endMinute() <= start || lunchBreak.startMinute() >= end) {
            addSpan(spans, start, end);
        } else {
            addSpan(spans, start, lunchBreak.startMinute());
            addSpan(spans, lunchBreak.endMinute(), end);
        }
        return spans;
    }

    private static void addSpan(List<DailyHours> spans, int from, int to) {
        if (from < to) {
            spans.add(new DailyHours(from, to));
        }
    }
}
