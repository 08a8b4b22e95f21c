package ru.appealdesk.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a connector's token may do with the appeals of its sources (PRODUCT.md §15). */
public enum ApiScope {
    /** Register ({@code POST /api/appeals}), import ({@code POST /api/appeals/import}), read what it registered. */
    INTAKE,
    /** Read any appeal of its sources: {@code GET /api/appeals/{id}} and the list. */
    READ,
    /**
     * Close, reopen and add co-executors to appeals of its sources; answering a clarification (PRODUCT.md §15) will
     * be one more call under this scope, checked the same way ({@code AppealController.appeal(id, caller, MANAGE)}).
     */
    MANAGE,
    /** The reports of {@code /api/reports/**}, counting only appeals of its sources. */
    REPORTS;

    /** The scope as written in {@code APPEALDESK_API_TOKENS}: {@code intake}, {@code read}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ApiScope> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(text.strip())).findFirst();
    }
}
