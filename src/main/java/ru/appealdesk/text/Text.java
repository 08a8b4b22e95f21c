package ru.appealdesk.text;

import java.util.Locale;

/**
 * A typed key of the catalog, implemented by an enum per area: the compiler checks the keys, the words live in
 * {@code messages_ru.properties} under {@code area() + "." + name}, the constant's name in lower case with
 * {@code _} as {@code -} (so {@code PREPARE_ANSWER} of area {@code bot.button} is {@code bot.button.prepare-answer}).
 */
public interface Text {

    /** The enum constant's name. */
    String name();

    /** The first part of every key of this enum, e.g. {@code bot.button}. */
    String area();

    /** The key in {@code messages_ru.properties}. */
    default String key() {
        return area() + "." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The text with {@code {0}}, {@code {1}}, … replaced by the arguments (see {@link Catalog#format}). */
    default String text(Object... args) {
        return Catalog.format(key(), args);
    }
}
