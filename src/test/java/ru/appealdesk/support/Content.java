package ru.appealdesk.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Content rules the spec states in prose: text 1-4096 characters after entity parsing, captions ≤ 1024,
 * callback_data 1-64 bytes, and well-formed HTML with only the tags Telegram supports.
 */
final class Content {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji", "tg-time");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)([^<>]*)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);");

    private Content() {
    }

    static List<String> check(String method, Map<String, JsonNode> p) {
        List<String> problems = new ArrayList<>();
        boolean html = p.containsKey("parse_mode") && p.get("parse_mode").asText().equalsIgnoreCase("html");
        if (p.containsKey("parse_mode") && !p.get("parse_mode").asText().matches("(?i)html|markdownv2|markdown")) {
            problems.add(method + ": unknown parse_mode " + p.get("parse_mode"));
        }
        if (p.containsKey("text") && !method.equals("answerCallbackQuery")) {
            int length = html ? visibleLength(method, p.get("text").asText(), problems) : p.get("text").asText().length();
            if (length < 1 || length > 4096) {
                problems.add(method + ": text must be 1-4096 characters after entity parsing, got " + length);
            }
        }
        if (method.equals("answerCallbackQuery") && p.containsKey("text") && p.get("text").asText().length() > 200) {
            problems.add("answerCallbackQuery: text longer than 200 characters");
        }
        if (p.containsKey("caption")) {
            int length = html ? visibleLength(method, p.get("caption").asText(), problems)
                    : p.get("caption").asText().length();
            if (length > 1024) {
                problems.add(method + ": caption longer than 1024 characters");
            }
        }
        JsonNode markup = p.get("reply_markup");
        if (markup != null && markup.has("inline_keyboard")) {
            for (JsonNode row : markup.get("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.has("callback_data")) {
                        int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                        if (bytes < 1 || bytes > 64) {
                            problems.add(method + ": callback_data must be 1-64 bytes, got " + bytes);
                        }
                    }
                }
            }
        }
        if (method.equals("sendMediaGroup") && p.containsKey("media")
                && (p.get("media").size() < 2 || p.get("media").size() > 10)) {
            problems.add("sendMediaGroup: media must hold 2-10 items");
        }
        return problems;
    }

    /** Checks the HTML and returns the length of the text a user sees. */
    static int visibleLength(String method, String html, List<String> problems) {
        Deque<String> open = new ArrayDeque<>();
        StringBuilder visible = new StringBuilder();
        int i = 0;
        Matcher tag = TAG.matcher(html);
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                if (!tag.find(i) || tag.start() != i) {
                    problems.add(method + ": unescaped '<' at " + i);
                    return -1;
                }
                String name = tag.group(2);
                if (!TAGS.contains(name)) {
                    problems.add(method + ": unsupported tag <" + name + ">");
                    return -1;
                }
                if (tag.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    problems.add(method + ": unbalanced </" + name + ">");
                    return -1;
                }
                i = tag.end();
            } else if (c == '>') {
                problems.add(method + ": unescaped '>' at " + i);
                return -1;
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html);
                if (!entity.find(i) || entity.start() != i) {
                    problems.add(method + ": unescaped '&' at " + i);
                    return -1;
                }
                visible.append('x');
                i = entity.end();
            } else {
                visible.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            problems.add(method + ": unclosed <" + open.peek() + ">");
        }
        return visible.length();
    }
}
