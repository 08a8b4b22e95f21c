package ru.appealdesk.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * When the reports of PRODUCT.md §11 go out in the chat ({@code bot-config/reports.yml}) and to which roles: daily on
 * working days, weekly on a day of the week, monthly on the first working day; each at a local time.
 */
public record ReportSchedule(List<Entry> entries) {

    /** How often a report goes out. */
    public enum Frequency { DAILY, WEEKLY, MONTHLY }

    /** One scheduled report; {@code day} is set for a weekly one only. */
    public record Entry(Frequency frequency, LocalTime at, DayOfWeek day, Set<Role> roles) {
    }

    static final ReportSchedule NONE = new ReportSchedule(List.of());
}
