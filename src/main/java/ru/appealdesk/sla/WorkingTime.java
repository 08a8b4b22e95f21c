package ru.appealdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.DailyHours;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Organization;
import ru.appealdesk.directory.ProductionCalendar;
import ru.appealdesk.directory.WorkDuration;

/**
 * The organisation's working time: working hours of working days in its time zone, minus the lunch break,
 * a short day ending one hour earlier, holidays and working weekend days from the production calendar.
 */
@Component
public class WorkingTime {

    private static final Logger log = LoggerFactory.getLogger(WorkingTime.class);
    /** Non-working holidays of Labour Code art. 112, used for years without calendar data. */
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));
    private static final int SEARCH_LIMIT_DAYS = 3660;

    private final Organization organization;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    @Autowired
    WorkingTime(Directory directory) {
        this(directory.organization());
    }

    /** For tests and tools: working time of an organisation without a Spring context. */
    public WorkingTime(Organization organization) {
        this.organization = organization;
    }

    /** A span of working time, start inclusive, end exclusive. */
    public record Period(Instant start, Instant end) {
    }

    public ZoneId zone() {
        return organization.timeZone();
    }

    public boolean isWorkingDay(LocalDate date) {
        Optional<ProductionCalendar.Year> year = organization.calendar().year(date.getYear());
        if (year.isPresent()) {
            if (year.get().holidays().contains(date)) {
                return false;
            }
            return year.get().workingDays().contains(date) || organization.workingHours().containsKey(date.getDayOfWeek());
        }
        if (warnedYears.add(date.getYear())) {
            log.warn("The production calendar has no data for {}: assuming Saturdays, Sundays and the fixed "
                    + "holidays of Labour Code art. 112 are days off", date.getYear());
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !FIXED_HOLIDAYS.contains(MonthDay.from(date))
                && organization.workingHours().containsKey(day);
    }

    /** The working periods of a date, in order; empty on a day off. */
    public List<Period> periods(LocalDate date) {
        if (!isWorkingDay(date)) {
            return List.of();
        }
        Map<DayOfWeek, DailyHours> hours = organization.workingHours();
        DailyHours day = hours.getOrDefault(date.getDayOfWeek(),
                hours.getOrDefault(DayOfWeek.MONDAY, hours.values().iterator().next()));
        int start = day.startMinute();
        int end = day.endMinute();
        boolean shortDay = organization.calendar().year(date.getYear())
                .map(y -> y.shortDays().contains(date)).orElse(false);
        if (shortDay) {
            end = Math.max(start, end - 60);
        }
        List<Period> result = new ArrayList<>(2);
        DailyHours lunch = organization.lunchBreak();
        if (lunch == null || lunch.endMinute() <= start || lunch.startMinute() >= end) {
            add(result, date, start, end);
        } else {
            add(result, date, start, lunch.startMinute());
            add(result, date, lunch.endMinute(), end);
        }
        return result;
    }

    private void add(List<Period> periods, LocalDate date, int fromMinute, int toMinute) {
        if (fromMinute < toMinute) {
            periods.add(new Period(at(date, fromMinute), at(date, toMinute)));
        }
    }

    private Instant at(LocalDate date, int minuteOfDay) {
        return date.atStartOfDay().plusMinutes(minuteOfDay).atZone(zone()).toInstant();
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    /** The end of working hours of a working date. */
    public Instant endOfWorkingDay(LocalDate date) {
        List<Period> periods = periods(date);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException(date + " is not a working day");
        }
        return periods.get(periods.size() - 1).end();
    }

    public boolean isWorkingTime(Instant instant) {
        return periods(localDate(instant)).stream()
                .anyMatch(p -> !instant.isBefore(p.start()) && instant.isBefore(p.end()));
    }

    /** The instant itself if it is working time, else the start of the next working period. */
    public Instant nextWorkingInstant(Instant instant) {
        LocalDate date = localDate(instant);
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, date = date.plusDays(1)) {
            for (Period p : periods(date)) {
                if (instant.isBefore(p.end())) {
                    return instant.isBefore(p.start()) ? p.start() : instant;
                }
            }
        }
        throw noWorkingTime(instant);
    }

    /** {@code from} plus a duration as {@code regulations.yml} means it (PRODUCT.md §6). */
    public Instant plus(Instant from, WorkDuration duration) {
        if (duration.unit() == WorkDuration.Unit.DAYS) {
            return duration.working() ? plusWorkingDays(from, duration.amount())
                    : plusCalendarDays(from, duration.amount());
        }
        return duration.working() ? plusWorkingTime(from, duration.asDuration()) : from.plus(duration.asDuration());
    }

    /** Counts only working time from {@code from}; the result is the instant the last unit is used up. */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        Duration remaining = amount;
        LocalDate date = localDate(from);
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, date = date.plusDays(1)) {
            for (Period p : periods(date)) {
                if (!p.end().isAfter(from)) {
                    continue;
                }
                Instant start = p.start().isAfter(from) ? p.start() : from;
                Duration available = Duration.between(start, p.end());
                if (remaining.compareTo(available) <= 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw noWorkingTime(from);
    }

    /** Goes back through working time from {@code to}; the inverse of {@link #plusWorkingTime}. */
    public Instant minusWorkingTime(Instant to, Duration amount) {
        Duration remaining = amount;
        LocalDate date = localDate(to);
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, date = date.minusDays(1)) {
            List<Period> periods = periods(date);
            for (int k = periods.size() - 1; k >= 0; k--) {
                Period p = periods.get(k);
                if (!p.start().isBefore(to)) {
                    continue;
                }
                Instant end = p.end().isBefore(to) ? p.end() : to;
                Duration available = Duration.between(p.start(), end);
                if (remaining.compareTo(available) <= 0) {
                    return end.minus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw noWorkingTime(to);
    }

    /** The end of working hours of the N-th working day after the local date of {@code from}. */
    public Instant plusWorkingDays(Instant from, long days) {
        LocalDate date = localDate(from);
        if (days == 0) {
            return endOfWorkingDay(nextWorkingDay(date));
        }
        for (long counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return endOfWorkingDay(date);
    }

    /** The end of working hours of (local date + N), or of the next working day if that date is a day off. */
    public Instant plusCalendarDays(Instant from, long days) {
        return endOfWorkingDay(nextWorkingDay(localDate(from).plusDays(days)));
    }

    /** answerDueAt: the end of the working day that lies {@code lead} before {@code dueAt}'s date. */
    public Instant minusLead(Instant dueAt, WorkDuration lead) {
        LocalDate date = localDate(dueAt);
        if (lead.unit() == WorkDuration.Unit.DAYS && lead.working()) {
            for (long counted = 0; counted < lead.amount(); ) {
                date = date.minusDays(1);
                if (isWorkingDay(date)) {
                    counted++;
                }
            }
            return endOfWorkingDay(date);
        }
        if (lead.unit() == WorkDuration.Unit.DAYS) {
            return endOfWorkingDay(previousWorkingDay(date.minusDays(lead.amount())));
        }
        return lead.working() ? minusWorkingTime(dueAt, lead.asDuration()) : dueAt.minus(lead.asDuration());
    }

    /** The date itself if it is a working day, else the next working day. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within ten years after " + date);
    }

    private LocalDate previousWorkingDay(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.minusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within ten years before " + date);
    }

    private static IllegalStateException noWorkingTime(Instant from) {
        return new IllegalStateException("no working time within ten years of " + from);
    }
}
