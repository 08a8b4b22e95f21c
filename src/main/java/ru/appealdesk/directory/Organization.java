package ru.appealdesk.directory;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;

/** The organisation's name, time zone, working hours, lunch break and production calendar. */
public record Organization(String name, ZoneId timeZone, Map<DayOfWeek, DailyHours> workingHours,
                           DailyHours lunchBreak, ProductionCalendar calendar) {
}
