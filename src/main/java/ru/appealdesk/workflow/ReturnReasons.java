package ru.appealdesk.workflow;

import java.util.Locale;
import java.util.regex.Pattern;

import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * A return must cite the legal basis (НПА) that makes the executor not competent (seed 000 п.4, seed 004 п.11):
 * an empty, one-word or basis-less reason is refused.
 */
final class ReturnReasons {

    static final int MIN_LENGTH = 20;
    static final int MIN_WORDS = 3;
    /** The words that cite a legal basis (a regular expression over the lower-cased reason), in the catalog. */
    private static final Pattern LEGAL_BASIS = Pattern.compile(Words.LEGAL_BASIS.text(),
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);

    private ReturnReasons() {
    }

    static String check(String reason) {
        String text = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (text.length() < MIN_LENGTH || text.split(" ").length < MIN_WORDS) {
            throw new TransitionRefused(Reason.REASON_TOO_SHORT, "the return reason is too short");
        }
        if (!LEGAL_BASIS.matcher(text.toLowerCase(Locale.ROOT)).find()) {
            throw new TransitionRefused(Reason.REASON_WITHOUT_LEGAL_BASIS,
                    "the return reason does not cite a legal basis");
        }
        return text;
    }

    /** The catalog's words of this class. */
    enum Words implements Text {
        LEGAL_BASIS;

        @Override
        public String area() {
            return "return-reason";
        }
    }
}
