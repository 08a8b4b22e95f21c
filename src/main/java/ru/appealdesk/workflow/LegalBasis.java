package ru.appealdesk.workflow;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ru.appealdesk.text.Text;

/**
 * Whether a return's reason cites a legal act (seed 000 п.4, {@code return-needs-legal-basis}): a reference to an
 * article, a point or a part of an act with its number («ст. 8», «п. 2.3», «ч. 1 ст. 10»), a law's number
 * («59-ФЗ»), or a known act's name («Положение о …», «Устав», «регламент»). Whole words only, so that «может стать»
 * or «положение дел» cite nothing. The words live in the catalog (area {@code return-reason}).
 */
final class LegalBasis {

    private static final List<Pattern> PATTERNS = java.util.Arrays.stream(Words.values())
            .map(w -> Pattern.compile(w.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                    | Pattern.UNICODE_CHARACTER_CLASS))
            .toList();

    private LegalBasis() {
    }

    /** True when {@code reason} cites a legal act in one of the three ways. */
    static boolean cited(String reason) {
        if (reason == null || reason.isBlank()) {
            return false;
        }
        String text = reason.toLowerCase(Locale.ROOT);
        return PATTERNS.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** The three ways to cite an act, each a regular expression over the lower-cased reason. */
    enum Words implements Text {
        ARTICLE,
        LAW_NUMBER,
        ACT_NAME;

        @Override
        public String area() {
            return "return-reason";
        }
    }
}
