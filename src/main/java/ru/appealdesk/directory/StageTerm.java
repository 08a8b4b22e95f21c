package ru.appealdesk.directory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The term of one stage of an answer (PRODUCT.md §13.2, seed 003 §1, §3; 004 п.12–16): a duration
 * ({@code "30 working minutes"}) or a share of the whole term ({@code "60%"}, 1 to 100), exactly one of them set.
 */
public record StageTerm(WorkDuration duration, Integer percent) {

    private static final Pattern SHARE = Pattern.compile("\\s*(\\d{1,6})\\s*%\\s*");

    public StageTerm {
        if ((duration == null) == (percent == null)) {
            throw new IllegalArgumentException("a stage term is a duration or a share");
        }
    }

    /** Parses {@code "60%"} (a share from 1% to 100%) or a duration. */
    public static StageTerm parse(String text) {
        if (text != null && text.contains("%")) {
            Matcher m = SHARE.matcher(text);
            int value = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("'" + text + "' is not a share of the whole term from 1% to 100%, "
                        + "e.g. \"60%\"");
            }
            return new StageTerm(null, value);
        }
        try {
            return new StageTerm(WorkDuration.parse(text), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a duration ('<n> <unit>' or "
                    + "'<n> working <unit>') nor a share of the whole term ('60%')");
        }
    }

    /** A duration as a term. */
    public static StageTerm of(WorkDuration duration) {
        return new StageTerm(duration, null);
    }

    @Override
    public String toString() {
        return duration != null ? duration.toString() : percent + "%";
    }
}
