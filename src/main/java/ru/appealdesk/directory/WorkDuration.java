package ru.appealdesk.directory;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as written in {@code regulations.yml}: {@code "<n> <unit>"} (calendar time) or
 * {@code "<n> working <unit>"} (the organisation's working time).
 */
public record WorkDuration(long amount, Unit unit, boolean working) {

    private static final Pattern FORMAT =
            Pattern.compile("^\\s*(\\d{1,6})\\s+(working\\s+)?(second|minute|hour|day)s?\\s*$");

    /** The unit of a duration. */
    public enum Unit { SECONDS, MINUTES, HOURS, DAYS }

    public WorkDuration {
        if (amount < 0) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }

    /** Parses {@code "8 working days"}, {@code "30 minutes"}, {@code "1 hour"}. */
    public static WorkDuration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: expected '<n> <unit>' or "
                    + "'<n> working <unit>' with unit seconds|minutes|hours|days");
        }
        Unit unit = Unit.valueOf(m.group(3).toUpperCase(Locale.ROOT) + "S");
        return new WorkDuration(Long.parseLong(m.group(1)), unit, m.group(2) != null);
    }

    /** The length of a sub-day unit amount; days have no fixed length. */
    public Duration asDuration() {
        return switch (unit) {
            case SECONDS -> Duration.ofSeconds(amount);
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> Duration.ofDays(amount);
        };
    }

    @Override
    public String toString() {
        return amount + (working ? " working " : " ") + unit.name().toLowerCase(Locale.ROOT);
    }
}
