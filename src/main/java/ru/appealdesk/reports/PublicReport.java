package ru.appealdesk.reports;

import java.util.Map;

/**
 * Anonymised counts for the official site for one month (PRODUCT.md §11, seed 001 §6): no applicant, no staff
 * member is named.
 */
public record PublicReport(String month, long received, long answered, long answeredOnTime, long redirected,
                           Map<String, Long> byCategory, Map<String, Long> bySource) {
}
