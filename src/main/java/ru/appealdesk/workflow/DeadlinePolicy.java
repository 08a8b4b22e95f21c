package ru.appealdesk.workflow;

import java.time.Instant;
import java.time.LocalDate;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;

/** What the workflow needs to know about time: an appeal's deadlines and today's local date (implemented by sla). */
public interface DeadlinePolicy {

    /** {@code dueAt}: the final deadline; {@code answerDueAt}: when the answer must be submitted. */
    record Deadline(Instant dueAt, Instant answerDueAt) {
    }

    Deadline compute(Source source, String categoryCode, Priority priority, Instant receivedAt);

    /**
     * The terms of a postponed appeal (PRODUCT.md §9): {@code dueAt} the end of working hours of the postponed date
     * (the last working day up to it), {@code answerDueAt} the source's lead before that, not before {@code now}.
     */
    Deadline postponedTo(Source source, LocalDate date, Instant now);

    /**
     * The latest date an «Отложено» answer may name: the source's {@code postpone-max} after {@code receivedAt}, a year
     * after it without one (seed 002 п.10).
     */
    LocalDate latestPostponement(Source source, Instant receivedAt);

    /** {@code from} plus a duration of the regulations, in working time if it says so. */
    Instant plus(Instant from, ru.appealdesk.directory.WorkDuration duration);

    /** How much working time lies between two instants (zero if {@code to} is not after {@code from}). */
    java.time.Duration workingBetween(Instant from, Instant to);

    /**
     * A term moved on by {@code pause} of working time (the clock stood still while a clarification was awaited,
     * seed 004 п.13); the term itself when nothing was paused.
     */
    Instant shifted(Instant term, java.time.Duration pause);

    /** The organisation's local date at an instant. */
    LocalDate localDate(Instant instant);
}
