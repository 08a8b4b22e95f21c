package ru.appealdesk.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A report's period: local dates of the organisation, both included. */
public record Period(LocalDate from, LocalDate to) {

    /** Longer periods are refused: a year of appeals is what the monthly and annual analyses need. */
    static final int MAX_DAYS = 400;

    public Period {
        if (from == null || to == null) {
            throw new IllegalArgumentException("both dates of the period are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days");
        }
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
