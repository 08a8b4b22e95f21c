package ru.appealdesk.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * The text format of every message: the HTML subset each messenger takes ({@code b i u s code pre a href}; Telegram's
 * parse mode HTML, MAX's {@code format: html}). Escaping of user text, and splitting long text below every
 * messenger's text limit.
 */
public final class Html {

    /**
     * The longest text the service sends in one message: a part ({@link #CHUNK_LIMIT}) and the status line added
     * when a card is closed. Every messenger must take this much (Telegram 4096, MAX 4000).
     */
    public static final int MESSAGE_LIMIT = 4000;
    /** At most this many characters in a part: room is left for a status line added when a card is edited later. */
    public static final int CHUNK_LIMIT = 3800;

    private Html() {
    }

    /** Refuses a messenger that cannot take the messages the service writes ({@link #MESSAGE_LIMIT}). */
    static void requireRoomIn(int textLimit) {
        if (textLimit < MESSAGE_LIMIT) {
            throw new IllegalStateException("a messenger that takes " + textLimit + " characters in a message "
                    + "cannot take the service's messages of up to " + MESSAGE_LIMIT);
        }
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    /**
     * Splits {@code header} (already HTML) followed by {@code body} (plain text, escaped here) into messages of at
     * most {@link #CHUNK_LIMIT} characters, breaking the body at paragraph, line or word boundaries, never inside
     * an escape sequence and never dropping a character.
     */
    public static List<String> chunks(String header, String body) {
        return chunks(header, body, "");
    }

    /** As {@link #chunks(String, String)}, each part after the first starting with {@code continuation} (HTML). */
    public static List<String> chunks(String header, String body, String continuation) {
        List<String> result = new ArrayList<>();
        String rest = body == null ? "" : body;
        StringBuilder current = new StringBuilder(header);
        while (!rest.isEmpty()) {
            int room = CHUNK_LIMIT - current.length();
            int take = fitting(rest, room);
            if (take == 0) {
                result.add(current.toString());
                current = new StringBuilder(continuation);
                continue;
            }
            current.append(escape(rest.substring(0, take)));
            rest = rest.substring(take);
            if (!rest.isEmpty()) {
                result.add(current.toString());
                current = new StringBuilder(continuation);
            }
        }
        if (!current.isEmpty() || result.isEmpty()) {
            result.add(current.toString());
        }
        return result;
    }

    /** How many characters of {@code text} fit into {@code room} once escaped, cut at a natural boundary. */
    private static int fitting(String text, int room) {
        int escaped = 0;
        int end = 0;
        while (end < text.length()) {
            int width = switch (text.charAt(end)) {
                case '<', '>' -> 4;
                case '&' -> 5;
                case '"' -> 6;
                default -> 1;
            };
            if (escaped + width > room) {
                break;
            }
            escaped += width;
            end++;
        }
        if (end == text.length() || end == 0) {
            return end;
        }
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        for (String boundary : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(boundary, end - 1);
            if (at > end / 2) {
                return at + boundary.length();
            }
        }
        return end;
    }

    /** Joins HTML blocks (each well-formed on its own) into messages of at most {@link #CHUNK_LIMIT} characters. */
    public static List<String> joinBlocks(List<String> blocks, String separator) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String block : blocks) {
            if (!current.isEmpty() && current.length() + separator.length() + block.length() > CHUNK_LIMIT) {
                result.add(current.toString());
                current = new StringBuilder();
            }
            if (!current.isEmpty()) {
                current.append(separator);
            }
            current.append(block);
        }
        if (!current.isEmpty()) {
            result.add(current.toString());
        }
        return result;
    }
}
