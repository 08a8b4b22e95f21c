package ru.appealdesk.directory;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.appealdesk.text.Text;

/**
 * A «вариант решения» (seed 000 п.1, 3, 6): a ready answer of one {@code type} (an answer type's code:
 * {@code RESOLVED}, {@code NOT_RESOLVED}, {@code POSTPONED}, {@code REJECTED}) for one category, from
 * {@code templates.yml}; its text may hold {@code {number}}, {@code {date}} and {@code {address}}.
 */
public record AnswerTemplate(String id, String category, String type, String title, String text) {

    /** The answer types a template may be for (the workflow's answer types). */
    public static final List<String> TYPES = List.of("RESOLVED", "NOT_RESOLVED", "POSTPONED", "REJECTED");
    /** The placeholders a text may hold. */
    public static final List<String> PLACEHOLDERS = List.of("number", "date", "address");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** The text with the appeal's number, its date of receipt and its address put in (plain text, not HTML). */
    public String fill(String number, String date, String address) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "number" -> number;
                case "date" -> date;
                case "address" -> address == null || address.isBlank() ? Words.NO_ADDRESS.text() : address.strip();
                default -> m.group();
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The catalog's words of a template. */
    enum Words implements Text {
        NO_ADDRESS;

        @Override
        public String area() {
            return "template";
        }
    }
}
