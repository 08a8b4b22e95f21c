package ru.appealdesk.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** A minimal multipart/form-data reader for the fake server: text parts as values, file parts as "attach". */
final class Multipart {

    private Multipart() {
    }

    static Map<String, JsonNode> parse(byte[] body, String boundary) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        for (String part : text.split(java.util.regex.Pattern.quote(delimiter))) {
            if (part.isBlank() || part.startsWith("--")) {
                continue;
            }
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            // header values (names, file names) are UTF-8 on the wire
            String headers = new String(part.substring(0, headerEnd).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            String content = part.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            String name = attribute(headers, "name");
            if (name == null) {
                continue;
            }
            if (attribute(headers, "filename") != null) {
                result.put(name, TextNode.valueOf("uploaded:" + attribute(headers, "filename")));
            } else {
                String value = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                result.put(name, FakeTelegram.Requests.value(value));
            }
        }
        return result;
    }

    private static String attribute(String headers, String attribute) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + attribute + "=\"([^\"]*)\"")
                .matcher(headers);
        return m.find() ? m.group(1) : null;
    }
}
