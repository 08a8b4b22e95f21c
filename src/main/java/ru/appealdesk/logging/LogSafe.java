package ru.appealdesk.logging;

/**
 * Makes an untrusted value safe for one log line: CR, LF, tab, every other C0 and C1 control character, DEL, the
 * Unicode line and paragraph separators and the bidirectional overrides become visible escapes ({@code \n},
 * {@code \u001b}, ...), a backslash becomes {@code \\} (so an escape cannot be faked), and a value longer than
 * {@value #MAX_LENGTH} characters is cut with a note of how much was left out. Use it for every log argument that
 * comes from outside: {@code log.info("... {}", safe(header))}.
 */
public final class LogSafe {

    /** The longest part of a value a log line shows. */
    public static final int MAX_LENGTH = 300;

    private LogSafe() {
    }

    /** The value as one safe piece of a log line; {@code null} stays {@code "null"}. */
    public static String safe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int shown = Math.min(text.length(), MAX_LENGTH);
        if (shown < text.length() && Character.isHighSurrogate(text.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder out = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < text.length()) {
            out.append("…(").append(text.length() - shown).append(" more characters)");
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'; // bidirectional overrides
    }
}
