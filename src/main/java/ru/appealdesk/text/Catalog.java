package ru.appealdesk.text;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of the service: {@code messages_ru.properties} (UTF-8) read through Spring's {@link MessageSource}. One
 * instance serves both the typed keys ({@link Text}) and the application context's {@code messageSource} bean
 * ({@link CatalogConfiguration}), so there is one file and one way of reading it.
 * <p>
 * Placeholders are {@code {0}}, {@code {1}}, …, replaced by {@link #format} as plain text: quotes are not special
 * (an apostrophe is written once) and a number is written as {@link String#valueOf} writes it, without grouping
 * ({@code 1234}, never {@code 1 234}). Dates are formatted by the caller, as before.
 */
public final class Catalog {

    /** The one language of the service's people. */
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

    static {
        SOURCE.setBasename("messages");
        SOURCE.setDefaultEncoding("UTF-8");
        SOURCE.setFallbackToSystemLocale(false);
        // the raw pattern is returned as written: MessageFormat would eat apostrophes and group numbers
        SOURCE.setAlwaysUseMessageFormat(false);
        SOURCE.setUseCodeAsDefaultMessage(false);
    }

    private Catalog() {
    }

    /** The catalog as Spring's {@link MessageSource}. */
    public static MessageSource source() {
        return SOURCE;
    }

    /** The text of {@code key} with {@code {n}} replaced by {@code String.valueOf(args[n])}; fails on a missing key. */
    public static String format(String key, Object... args) {
        return substitute(SOURCE.getMessage(key, null, RUSSIAN), args);
    }

    /** {@code {n}} replaced by {@code String.valueOf(args[n])}; any other character, quotes included, kept as is. */
    static String substitute(String pattern, Object... args) {
        if (args == null || args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                if (n >= args.length) {
                    throw new IllegalArgumentException("the text " + pattern + " wants argument " + n + " of "
                            + args.length);
                }
                sb.append(args[n]);
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
