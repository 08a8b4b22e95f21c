package ru.appealdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Telegram Bot API spec (the subset AppealDesk uses, {@code telegram/bot-api-subset.json}): checks a call's
 * parameters for unknown and missing fields and for the types the spec gives, recursively through objects.
 */
final class BotApiSpec {

    private final JsonNode methods;
    private final JsonNode types;
    private final Map<String, String> methodNames = new TreeMap<>();

    private BotApiSpec(JsonNode root) {
        this.methods = root.get("methods");
        this.types = root.get("types");
        methods.fieldNames().forEachRemaining(name -> methodNames.put(name.toLowerCase(Locale.ROOT), name));
    }

    static BotApiSpec load() {
        try (InputStream in = BotApiSpec.class.getResourceAsStream("/telegram/bot-api-subset.json")) {
            return new BotApiSpec(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The method's canonical name, matched case-insensitively (the client uses lowercase paths for some). */
    String canonical(String method) {
        return methodNames.get(method.toLowerCase(Locale.ROOT));
    }

    /** Problems with a call; empty when it follows the spec. {@code params} values are JSON nodes. */
    List<String> check(String method, Map<String, JsonNode> params) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = methods.get(method);
        if (spec == null) {
            problems.add("unknown method " + method);
            return problems;
        }
        checkFields(method, spec.path("fields"), params, problems);
        return problems;
    }

    private void checkFields(String where, JsonNode fields, Map<String, JsonNode> values, List<String> problems) {
        Map<String, JsonNode> byName = new TreeMap<>();
        fields.forEach(f -> byName.put(f.get("name").asText(), f));
        for (JsonNode f : fields) {
            if (f.get("required").asBoolean() && !values.containsKey(f.get("name").asText())) {
                problems.add(where + ": required field '" + f.get("name").asText() + "' is missing");
            }
        }
        // a file uploaded as multipart/form-data travels in a part of its own name, referred to as "attach://<name>"
        java.util.Set<String> attached = new java.util.HashSet<>();
        values.values().forEach(v -> {
            if (v.isTextual() && v.asText().startsWith("attach://")) {
                attached.add(v.asText().substring("attach://".length()));
            }
        });
        values.forEach((name, value) -> {
            JsonNode f = byName.get(name);
            if (f == null && attached.contains(name) && value.isTextual() && value.asText().startsWith("uploaded:")) {
                return;
            }
            if (f == null) {
                problems.add(where + ": unknown field '" + name + "'");
            } else if (!value.isNull()) {
                List<String> alternatives = new ArrayList<>();
                f.get("types").forEach(t -> alternatives.add(t.asText()));
                List<String> best = null;
                for (String type : alternatives) {
                    List<String> p = new ArrayList<>();
                    checkType(where + "." + name, type, value, p);
                    if (p.isEmpty()) {
                        return;
                    }
                    if (best == null || p.size() < best.size()) {
                        best = p;
                    }
                }
                problems.addAll(best);
            }
        });
    }

    private void checkType(String where, String type, JsonNode value, List<String> problems) {
        if (type.startsWith("Array of ")) {
            if (!value.isArray()) {
                problems.add(where + ": expected " + type);
                return;
            }
            int i = 0;
            for (JsonNode item : value) {
                checkType(where + "[" + i++ + "]", type.substring("Array of ".length()), item, problems);
            }
            return;
        }
        switch (type) {
            case "Integer" -> {
                if (!value.isIntegralNumber() && !(value.isTextual() && value.asText().matches("-?\\d+"))) {
                    problems.add(where + ": expected Integer, got " + value);
                }
            }
            case "Float" -> {
                if (!value.isNumber()) {
                    problems.add(where + ": expected Float");
                }
            }
            case "String" -> {
                if (!value.isTextual() && !value.isNumber()) {
                    problems.add(where + ": expected String");
                }
            }
            case "Boolean", "True" -> {
                if (!value.isBoolean() && !(value.isTextual() && value.asText().matches("true|false"))) {
                    problems.add(where + ": expected Boolean");
                }
            }
            case "InputFile" -> {
                if (!value.isTextual()) {
                    problems.add(where + ": expected InputFile");
                }
            }
            default -> checkObject(where, type, value, problems);
        }
    }

    private void checkObject(String where, String type, JsonNode value, List<String> problems) {
        JsonNode spec = types.get(type);
        if (spec == null) {
            problems.add(where + ": type " + type + " is not in the spec subset");
            return;
        }
        if (!value.isObject()) {
            problems.add(where + ": expected " + type + " object");
            return;
        }
        if (spec.has("subtypes")) {
            List<String> best = null;
            for (JsonNode sub : spec.get("subtypes")) {
                List<String> p = new ArrayList<>();
                checkObject(where, sub.asText(), value, p);
                if (p.isEmpty()) {
                    return;
                }
                if (best == null || p.size() < best.size()) {
                    best = p;
                }
            }
            problems.addAll(best);
            return;
        }
        Map<String, JsonNode> fields = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = value.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), e.getValue());
        }
        checkFields(where + "(" + type + ")", spec.path("fields"), fields, problems);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
