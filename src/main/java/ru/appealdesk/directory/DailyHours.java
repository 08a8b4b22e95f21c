package ru.appealdesk.directory;

/** A span of a day in minutes from midnight, {@code "HH:MM-HH:MM"}; {@code 24:00} may end it. */
public record DailyHours(int startMinute, int endMinute) {

    public DailyHours {
        if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
            throw new IllegalArgumentException("a span must start before it ends, within 00:00-24:00");
        }
    }

    /** Parses {@code "09:00-18:00"}. */
    public static DailyHours parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a time span: expected HH:MM-HH:MM");
        }
        return new DailyHours(minutes(parts[0], text), minutes(parts[1], text));
    }

    /** Parses {@code "15:00"} into minutes from midnight. */
    public static int minutes(String hhmm, String whole) {
        if (!hhmm.matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("'" + whole + "' has a time that is not HH:MM");
        }
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3));
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException("'" + whole + "' has an impossible time " + hhmm);
        }
        return h * 60 + m;
    }
}
