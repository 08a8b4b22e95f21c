package ru.appealdesk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ru.appealdesk.directory.Source;

/**
 * The connectors' tokens of {@code APPEALDESK_API_TOKENS} (PRODUCT.md §15): entries
 * {@code name:token:source[,source…]:scope[,scope…]} separated by {@code ;} or line breaks; {@code *} stands for
 * every source. Anything wrong stops the start-up with a message that names the entry (by its name, or by its
 * position when it cannot be read) and never shows a token.
 */
final class ApiTokens {

    static final String VARIABLE = "APPEALDESK_API_TOKENS";
    static final int MIN_TOKEN_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> RESERVED = Set.of(ApiCaller.DEFAULT, ApiCaller.ADMIN);

    /** One connector and its token. */
    record Entry(ApiCaller caller, String token) {

        @Override
        public String toString() {
            return "Entry[" + caller.name() + "]";
        }
    }

    private ApiTokens() {
    }

    /**
     * The entries of {@code text}; none may reuse {@code defaultToken} ({@code APPEALDESK_API_TOKEN}) or
     * {@code adminToken}.
     */
    static List<Entry> parse(String text, String defaultToken, String adminToken) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        int position = 0;
        for (String line : text.split("[;\\r\\n]")) {
            if (line.isBlank()) {
                continue;
            }
            Entry entry = entry(line.strip(), ++position);
            String name = entry.caller().name();
            if (names.putIfAbsent(name.toLowerCase(Locale.ROOT), name) != null) {
                throw invalid("the name '" + name + "' is used by two entries");
            }
            String other = tokens.putIfAbsent(entry.token(), name);
            if (other != null) {
                throw invalid("entries '" + other + "' and '" + name + "' have the same token; each connector needs "
                        + "its own");
            }
            if (entry.token().equals(adminToken)) {
                throw invalid("entry '" + name + "' has the token of APPEALDESK_ADMIN_TOKEN; a connector must never "
                        + "hold the administration token");
            }
            if (entry.token().equals(defaultToken)) {
                throw invalid("entry '" + name + "' has the token of APPEALDESK_API_TOKEN; give it a token of its own");
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    private static Entry entry(String text, int position) {
        String[] parts = text.split(":", -1);
        if (parts.length != 4) {
            throw invalid("entry " + position + " is not name:token:source[,source…]:scope[,scope…] (its text is "
                    + "not shown, it may hold a token)");
        }
        String name = parts[0].strip();
        if (!NAME.matcher(name).matches()) {
            throw invalid("entry " + position + " has no valid name: 1-64 letters, digits, '_', '.', '-', starting "
                    + "with a letter or digit (its text is not shown, it may hold a token)");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw invalid("entry '" + name + "': the name is reserved for " + (name.equalsIgnoreCase(ApiCaller.ADMIN)
                    ? "APPEALDESK_ADMIN_TOKEN" : "APPEALDESK_API_TOKEN"));
        }
        String token = parts[1].strip();
        if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c == ',')) {
            throw invalid("entry '" + name + "': the token must be at least " + MIN_TOKEN_LENGTH + " characters "
                    + "without spaces or commas (e.g. openssl rand -hex 32)");
        }
        return new Entry(new ApiCaller(name, sources(name, parts[2]), scopes(name, parts[3])), token);
    }

    private static Set<Source> sources(String name, String text) {
        Set<Source> sources = EnumSet.noneOf(Source.class);
        for (String item : items(name, text, "source")) {
            if (item.equals("*")) {
                sources.addAll(EnumSet.allOf(Source.class));
                continue;
            }
            sources.add(Arrays.stream(Source.values()).filter(s -> s.name().equalsIgnoreCase(item)).findFirst()
                    .orElseThrow(() -> invalid("entry '" + name + "': unknown source " + shown(item) + " (one of "
                            + Arrays.toString(Source.values()) + " or * for all)")));
        }
        return sources;
    }

    private static Set<ApiScope> scopes(String name, String text) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String item : items(name, text, "scope")) {
            scopes.add(ApiScope.parse(item).orElseThrow(() -> invalid("entry '" + name + "': unknown scope "
                    + shown(item) + " (one of " + Arrays.stream(ApiScope.values()).map(ApiScope::label).toList()
                    + ")")));
        }
        return scopes;
    }

    private static List<String> items(String name, String text, String what) {
        List<String> items = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw invalid("entry '" + name + "': an empty " + what + " (list " + what + "s separated by commas)");
        }
        return items;
    }

    /** A misplaced token must not be printed: a text longer than any source or scope is not shown. */
    private static String shown(String item) {
        return item.length() <= 16 ? "'" + item + "'" : "(a long text, not shown)";
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException(VARIABLE + ": " + problem);
    }
}
