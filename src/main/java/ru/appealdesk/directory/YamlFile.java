package ru.appealdesk.directory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML file of {@code bot-config/}: binds it to a record and, for semantic errors found later, finds the
 * line of a value by its path (e.g. {@code staff, 3, department}).
 */
final class YamlFile {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final Path path;
    private final String displayName;
    private final String content;

    private YamlFile(Path path, String displayName, String content) {
        this.path = path;
        this.displayName = displayName;
        this.content = content;
    }

    static YamlFile read(Path dir, String relative) {
        Path path = dir.resolve(relative);
        String displayName = path.toString();
        try {
            return new YamlFile(path, displayName, Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new BotConfigException(displayName + ": file not found");
        } catch (IOException e) {
            throw new BotConfigException(displayName + ": cannot be read: " + e.getMessage(), e);
        }
    }

    <T> T bind(Class<T> type) {
        try {
            T value = MAPPER.readValue(content, type);
            if (value == null) {
                throw new BotConfigException(displayName + ": the file is empty");
            }
            return value;
        } catch (JsonMappingException e) {
            Object[] path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? (Object) ref.getFieldName() : (Object) ref.getIndex())
                    .toArray();
            String line = path.length == 0 ? "" : lineOf(path);
            throw new BotConfigException((line.isEmpty() ? where(e.getLocation()) : displayName + line) + ": "
                    + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new BotConfigException(where(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** An error about the value at {@code path}, naming the file and the line. */
    BotConfigException error(String message, Object... pathElements) {
        return new BotConfigException(displayName + lineOf(pathElements) + ": " + pathString(pathElements)
                + message);
    }

    Path path() {
        return path;
    }

    private String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? displayName
                : displayName + " line " + location.getLineNr();
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        String reason = e.getOriginalMessage().split("\n")[0];
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            reason = "unknown key '" + u.getPropertyName() + "'";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            reason = "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName()
                    + (f.getTargetType().isEnum() ? " (one of " + java.util.Arrays.toString(
                    f.getTargetType().getEnumConstants()) + ")" : "");
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                && reason.startsWith("Missing required creator property")) {
            reason = "required key is missing";
        }
        return (field.isEmpty() ? "" : field + ": ") + reason;
    }

    private String lineOf(Object... pathElements) {
        try (Reader reader = new java.io.StringReader(content)) {
            Node node = new Yaml(new LoaderOptions()).compose(reader);
            Node found = node;
            for (Object element : pathElements) {
                Node next = child(found, element);
                if (next == null) {
                    next = keyNode(found, element);
                    if (next == null) {
                        break;
                    }
                }
                found = next;
            }
            return found == null ? "" : " line " + (found.getStartMark().getLine() + 1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The key node itself (for an unknown key, whose value is what Jackson could not bind). */
    private static Node keyNode(Node node, Object element) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(String.valueOf(element))) {
                    return key;
                }
            }
        }
        return null;
    }

    private static Node child(Node node, Object element) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(String.valueOf(element))) {
                    return tuple.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode sequence && element instanceof Integer index
                && index < sequence.getValue().size()) {
            return sequence.getValue().get(index);
        }
        return null;
    }

    private static String pathString(Object... elements) {
        StringBuilder sb = new StringBuilder();
        for (Object element : elements) {
            if (element instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(element);
            }
        }
        return sb.isEmpty() ? "" : sb + ": ";
    }
}
