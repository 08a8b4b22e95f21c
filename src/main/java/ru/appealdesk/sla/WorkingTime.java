package ru.appealdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.DailyHours;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Organization;
import ru.appealdesk.directory.WorkDuration;

/**
 * The organisation's working time as instants: the working spans {@link Organization} decides for each date, in
 * its time zone. Every search over dates is bounded (ten years); {@code bot-config} refuses a configuration with
 * no working time for a month, so the bound is never reached in practice.
 */
@Component
public class WorkingTime {

    private static final Logger log = LoggerFactory.getLogger(WorkingTime.class);
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
        warnIfCalendarLacks(date.getYear());
        return organization.isWorkingDay(date);
    }

    /** Said once per year and instance, however many times the year is looked at. */
    private void warnIfCalendarLacks(int year) {
        if (organization.calendarLacks(year) && warnedYears.add(year)) {
            log.warn("The production calendar has no data for {}: the days listed in working-hours are working "
                    + "days, except the fixed holidays of Labour Code art. 112", year);
        }
    }

    /** The working periods of a date, in order; empty on a day off. */
    public List<Period> periods(LocalDate date) {
        warnIfCalendarLacks(date.getYear());
        List<Period> result = new ArrayList<>(2);
        for (DailyHours span : organization.workingSpans(date)) {
            result.add(new Period(at(date, span.startMinute()), at(date, span.endMinute())));
        }
        return result;
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

    /** How much working time lies between two instants (zero if {@code to} is not after {@code from}). */
    public Duration workingBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        LocalDate date = localDate(from);
        for (int i = 0; i < SEARCH_LIMIT_DAYS && !date.isAfter(last); i++, date = date.plusDays(1)) {
            for (Period p : periods(date)) {
                Instant start = p.start().isAfter(from) ? p.start() : from;
                Instant end = p.end().isBefore(to) ? p.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
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
        LocalDate start = date;
        for (long counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            } else if (date.isAfter(start.plusDays(days + SEARCH_LIMIT_DAYS))) {
                throw new IllegalStateException("no " + days + " working days within ten years after " + start);
            }
        }
        return endOfWorkingDay(date);
    }

    /** The end of working hours of (local date + N), or of the next working day if that date is a day off. */
    public Instant plusCalendarDays(Instant from, long days) {
        return endOfWorkingDay(nextWorkingDay(localDate(from).plusDays(days)));
    }

    /**
     * The date a deadline belongs to: its local date, except that midnight ending a working day that lasts to
     * 24:00 belongs to the day it ends (PRODUCT.md §13.2), not to the next date.
     */
    public LocalDate dayOf(Instant deadline) {
        LocalDate date = localDate(deadline);
        LocalDate before = date.minusDays(1);
        if (deadline.equals(date.atStartOfDay(zone()).toInstant()) && isWorkingDay(before)
                && deadline.equals(endOfWorkingDay(before))) {
            return before;
        }
        return date;
    }

    /**
     * answerDueAt: with {@code N working days}, the end of the working day that lies N working days before the day
     * {@code dueAt} belongs to; with {@code N days} (calendar, «двое суток», seed 000 п.10, 12) the same local time
     * N dates earlier in the organisation's zone; with a sub-day unit, that much (working) time before.
     */
    public Instant minusLead(Instant dueAt, WorkDuration lead) {
        LocalDate date = dayOf(dueAt);
        if (lead.unit() == WorkDuration.Unit.DAYS && lead.working()) {
            LocalDate start = date;
            for (long counted = 0; counted < lead.amount(); ) {
                date = date.minusDays(1);
                if (isWorkingDay(date)) {
                    counted++;
                } else if (date.isBefore(start.minusDays(lead.amount() + SEARCH_LIMIT_DAYS))) {
                    throw new IllegalStateException("no working days within ten years before " + start);
                }
            }
            return endOfWorkingDay(date);
        }
        if (lead.unit() == WorkDuration.Unit.DAYS) {
            return dueAt.atZone(zone()).minusDays(lead.amount()).toInstant();
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

    public LocalDate previousWorkingDay(LocalDate date) {
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
