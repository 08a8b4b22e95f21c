package ru.appealdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * MAX's Bot API schema ({@code max/max-bot-api.yaml}, OpenAPI 3.0, API 0.0.32) as a request checker, written by
 * hand for the parts of OpenAPI the schema uses: the path and method exist; query parameters are known, required
 * ones present, of their type, enum, length and pattern; the JSON body follows its schema through {@code $ref},
 * {@code allOf} and discriminators: required fields, types, enums, nullability, string lengths (in characters),
 * patterns, array sizes and unknown fields (the schema does not forbid them, but a field MAX does not know is a bug).
 */
final class MaxApiSpec {

    private final JsonNode root;

    private MaxApiSpec(JsonNode root) {
        this.root = root;
    }

    static MaxApiSpec load() {
        try (InputStream in = MaxApiSpec.class.getResourceAsStream("/max/max-bot-api.yaml")) {
            return new MaxApiSpec(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Problems with a request; empty when it follows the schema. {@code body} is null when there is none. */
    List<String> check(String method, String path, Map<String, String> query, JsonNode body) {
        List<String> problems = new ArrayList<>();
        JsonNode operation = operation(method.toLowerCase(java.util.Locale.ROOT), path);
        String where = method + " " + path;
        if (operation == null) {
            problems.add(where + ": no such method in the schema");
            return problems;
        }
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        operation.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                parameters.put(p.get("name").asText(), p);
            }
        });
        parameters.forEach((name, p) -> {
            if (p.path("required").asBoolean() && !query.containsKey(name)) {
                problems.add(where + ": required query parameter '" + name + "' is missing");
            }
        });
        query.forEach((name, value) -> {
            JsonNode p = parameters.get(name);
            if (p == null) {
                problems.add(where + ": unknown query parameter '" + name + "'");
            } else {
                checkQuery(where + "?" + name, value, flatten(p.path("schema")), problems);
            }
        });
        JsonNode request = operation.path("requestBody");
        if (!request.isMissingNode()) {
            if (body == null) {
                if (request.path("required").asBoolean()) {
                    problems.add(where + ": a JSON body is required");
                }
            } else {
                validate(where, body, request.path("content").path("application/json").path("schema"), false,
                        problems);
            }
        } else if (body != null) {
            problems.add(where + ": takes no body");
        }
        return problems;
    }

    private JsonNode operation(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> e = paths.next();
            String regex = e.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            if (path.matches(regex) && e.getValue().has(method)) {
                return e.getValue().get(method);
            }
        }
        return null;
    }

    private void checkQuery(String where, String value, Schema s, List<String> problems) {
        if ("array".equals(s.type)) {
            Schema items = s.items == null ? new Schema() : flatten(s.items);
            for (String item : value.split(",")) {
                checkQuery(where, item, items, problems);
            }
            return;
        }
        if ("integer".equals(s.type) && !value.matches("-?\\d+")) {
            problems.add(where + ": expected an integer, got '" + value + "'");
        } else if ("boolean".equals(s.type) && !value.matches("true|false")) {
            problems.add(where + ": expected a boolean, got '" + value + "'");
        }
        checkString(where, value, s, problems);
        if ("integer".equals(s.type) && value.matches("-?\\d+")) {
            long n = Long.parseLong(value);
            if (s.minimum != null && n < s.minimum || s.maximum != null && n > s.maximum) {
                problems.add(where + ": " + n + " is out of " + s.minimum + ".." + s.maximum);
            }
        }
    }

    private void checkString(String where, String value, Schema s, List<String> problems) {
        int length = value.codePointCount(0, value.length());
        if (s.enumeration != null && !s.enumeration.contains(value)) {
            problems.add(where + ": '" + value + "' is not one of " + s.enumeration);
        }
        if (s.minLength != null && length < s.minLength || s.maxLength != null && length > s.maxLength) {
            problems.add(where + ": a string of " + length + " characters, allowed " + s.minLength + ".."
                    + s.maxLength);
        }
        if (s.pattern != null && !Pattern.compile(s.pattern).matcher(value).find()) {
            problems.add(where + ": '" + value + "' does not match " + s.pattern);
        }
    }

    private void validate(String where, JsonNode value, JsonNode schemaNode, boolean dispatched,
                          List<String> problems) {
        Schema s = flatten(schemaNode);
        if (value == null || value.isNull()) {
            if (!s.nullable) {
                problems.add(where + ": null is not allowed");
            }
            return;
        }
        if (s.discriminator != null && !dispatched) {
            String kind = value.path(s.discriminator).asText(null);
            JsonNode target = kind == null ? null : s.mapping.get(kind);
            if (target == null) {
                problems.add(where + ": '" + s.discriminator + "' " + kind + " is not one of " + s.mapping.keySet());
                return;
            }
            validate(where + "(" + kind + ")", value, target, true, problems);
            return;
        }
        String type = s.type != null ? s.type : s.properties.isEmpty() ? null : "object";
        if (type == null) {
            return;
        }
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + ": expected a string, got " + value.getNodeType());
                } else {
                    checkString(where, value.asText(), s, problems);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + ": expected an integer, got " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(where + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + ": expected a boolean, got " + value);
                }
            }
            case "array" -> checkArray(where, value, s, problems);
            default -> checkObject(where, value, s, problems);
        }
    }

    private void checkArray(String where, JsonNode value, Schema s, List<String> problems) {
        if (!value.isArray()) {
            problems.add(where + ": expected an array, got " + value.getNodeType());
            return;
        }
        if (s.minItems != null && value.size() < s.minItems || s.maxItems != null && value.size() > s.maxItems) {
            problems.add(where + ": " + value.size() + " items, allowed " + s.minItems + ".." + s.maxItems);
        }
        if (s.uniqueItems && new HashSet<JsonNode>(toList(value)).size() != value.size()) {
            problems.add(where + ": items are not unique");
        }
        for (int i = 0; i < value.size(); i++) {
            validate(where + "[" + i + "]", value.get(i), s.items, false, problems);
        }
    }

    private void checkObject(String where, JsonNode value, Schema s, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + ": expected an object, got " + value.getNodeType());
            return;
        }
        for (String required : s.required) {
            if (!value.has(required)) {
                problems.add(where + ": required field '" + required + "' is missing");
            }
        }
        value.fields().forEachRemaining(e -> {
            JsonNode property = s.properties.get(e.getKey());
            if (property != null) {
                validate(where + "." + e.getKey(), e.getValue(), property, false, problems);
            } else if (s.additionalProperties != null) {
                validate(where + "." + e.getKey(), e.getValue(), s.additionalProperties, false, problems);
            } else {
                problems.add(where + ": unknown field '" + e.getKey() + "'");
            }
        });
    }

    /** A schema with its $refs resolved and its allOf parts merged. */
    private static final class Schema {
        String type;
        boolean nullable;
        List<String> enumeration;
        Integer minLength;
        Integer maxLength;
        Integer minItems;
        Integer maxItems;
        Long minimum;
        Long maximum;
        boolean uniqueItems;
        String pattern;
        JsonNode items;
        JsonNode additionalProperties;
        String discriminator;
        final Map<String, JsonNode> mapping = new LinkedHashMap<>();
        final Map<String, JsonNode> properties = new LinkedHashMap<>();
        final Set<String> required = new HashSet<>();
    }

    private Schema flatten(JsonNode node) {
        Schema s = new Schema();
        merge(s, node, true);
        return s;
    }

    private void merge(Schema s, JsonNode node, boolean outermost) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.has("$ref")) {
            merge(s, resolve(node.get("$ref").asText()), outermost);
            return;
        }
        // nullable counts where the property is declared, not inside the types it refers to
        if (outermost && node.path("nullable").asBoolean()) {
            s.nullable = true;
        }
        node.path("allOf").forEach(part -> merge(s, part, false));
        if (node.has("type") && !"object".equals(node.get("type").asText()) || s.type == null && node.has("type")) {
            s.type = node.get("type").asText();
        }
        if (node.has("enum")) {
            s.enumeration = toList(node.get("enum")).stream().map(JsonNode::asText).toList();
        }
        s.minLength = node.has("minLength") && !"array".equals(s.type) ? Integer.valueOf(node.get("minLength")
                .asInt()) : s.minLength;
        s.maxLength = node.has("maxLength") ? Integer.valueOf(node.get("maxLength").asInt()) : s.maxLength;
        s.minItems = node.has("minItems") ? Integer.valueOf(node.get("minItems").asInt()) : s.minItems;
        s.maxItems = node.has("maxItems") ? Integer.valueOf(node.get("maxItems").asInt()) : s.maxItems;
        s.minimum = node.has("minimum") ? Long.valueOf(node.get("minimum").asLong()) : s.minimum;
        s.maximum = node.has("maximum") ? Long.valueOf(node.get("maximum").asLong()) : s.maximum;
        s.uniqueItems |= node.path("uniqueItems").asBoolean();
        s.pattern = node.has("pattern") ? node.get("pattern").asText() : s.pattern;
        s.items = node.has("items") ? node.get("items") : s.items;
        if (node.has("additionalProperties") && node.get("additionalProperties").isObject()) {
            s.additionalProperties = node.get("additionalProperties");
        }
        if (node.has("discriminator")) {
            s.discriminator = node.path("discriminator").path("propertyName").asText();
            node.path("discriminator").path("mapping").fields().forEachRemaining(e -> s.mapping.put(e.getKey(),
                    e.getValue().isTextual() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                            .put("$ref", e.getValue().asText()) : e.getValue()));
        }
        node.path("properties").fields().forEachRemaining(e -> s.properties.put(e.getKey(), e.getValue()));
        node.path("required").forEach(r -> s.required.add(r.asText()));
    }

    private JsonNode resolve(String ref) {
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException("the schema has no " + ref);
        }
        return node;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
