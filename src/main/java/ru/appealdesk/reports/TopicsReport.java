package ru.appealdesk.reports;

import java.util.List;
import java.util.Map;

import ru.appealdesk.directory.Source;

/** Appeals received in a period by category and source (PRODUCT.md §11, seed 001 §6: «тематика»). */
public record TopicsReport(Period period, List<Row> rows, Map<Source, Long> totals, long total) {

    /** One category: its counts per source and in all. */
    public record Row(String category, String name, Map<Source, Long> bySource, long total) {
    }
}
