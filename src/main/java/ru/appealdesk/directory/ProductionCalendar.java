package ru.appealdesk.directory;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The production calendar: per year, non-working dates, working weekend dates and shortened days. */
public record ProductionCalendar(Map<Integer, Year> years) {

    /** One year's data. */
    public record Year(Set<LocalDate> holidays, Set<LocalDate> workingDays, Set<LocalDate> shortDays) {
    }

    public static ProductionCalendar empty() {
        return new ProductionCalendar(Map.of());
    }

    public Optional<Year> year(int year) {
        return Optional.ofNullable(years.get(year));
    }
}
