package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.appealdesk.directory.ConfigFiles.CalendarFile;

/** Reads the production calendar file named by {@code organization.yml}. */
final class CalendarLoader {

    private CalendarLoader() {
    }

    static ProductionCalendar load(Path configDir, String relative) {
        YamlFile yaml = YamlFile.read(configDir, relative);
        CalendarFile file = yaml.bind(CalendarFile.class);
        Map<Integer, ProductionCalendar.Year> years = new HashMap<>();
        file.years().forEach((year, data) -> years.put(year, new ProductionCalendar.Year(
                dates(yaml, year, data.holidays(), "holidays"),
                dates(yaml, year, data.workingDays(), "working-days"),
                dates(yaml, year, data.shortDays(), "short-days"))));
        years.forEach((year, data) -> data.workingDays().forEach(date -> {
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw yaml.error(date + " is not a Saturday or Sunday", "years", String.valueOf(year), "working-days");
            }
        }));
        return new ProductionCalendar(Map.copyOf(years));
    }

    private static Set<LocalDate> dates(YamlFile yaml, int year, List<String> values, String key) {
        Set<LocalDate> result = new HashSet<>();
        if (values == null) {
            return result;
        }
        for (int i = 0; i < values.size(); i++) {
            try {
                LocalDate date = LocalDate.parse(values.get(i));
                if (date.getYear() != year) {
                    throw yaml.error(date + " does not belong to year " + year, "years", String.valueOf(year), key, i);
                }
                result.add(date);
            } catch (DateTimeException e) {
                throw yaml.error("'" + values.get(i) + "' is not a date YYYY-MM-DD", "years", String.valueOf(year), key, i);
            }
        }
        return Set.copyOf(result);
    }

}
