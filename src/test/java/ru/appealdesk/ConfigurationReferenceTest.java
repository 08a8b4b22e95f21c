package ru.appealdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration tables and the keys the service reads are the same: every key the build's configuration
 * metadata holds (from the settings records and additional-spring-configuration-metadata.json) has its row, every
 * row's key is read, and a former name listed beside a key is the deprecated alias of exactly that key. Every
 * {@code appealdesk.*} name the README and docs/*.md mention is a key the service reads or a metric it publishes.
 */
class ConfigurationReferenceTest {

    private static final Pattern KEY = Pattern.compile("`(appealdesk\\.[a-z0-9.*-]+)[^`]*`");

    /** Every key of the metadata, with the key that replaces it when it is a former name (else null). */
    private static final Map<String, String> metadata = new TreeMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(Path.of("target/classes/META-INF/spring-configuration-metadata"
                + ".json").toFile());
        for (JsonNode property : json.get("properties")) {
            JsonNode deprecation = property.get("deprecation");
            metadata.put(property.get("name").asText(), deprecation == null ? null
                    : deprecation.get("replacement").asText());
        }
    }

    @Test
    void theReadmeListsEveryKeyTheServiceReadsAndNoOther() throws IOException {
        Set<String> listed = new TreeSet<>();
        Map<String, String> former = new TreeMap<>();
        for (String row : configurationRows()) {
            // the property is the first column, or the second where the first is an environment variable
            String[] cells = row.split("\\|");
            String cell = cells[1].contains("`appealdesk.") ? cells[1] : cells[1].strip().matches("`[A-Z_]+`.*")
                    ? cells[2] : "";
            Matcher key = KEY.matcher(cell);
            if (!key.find()) {
                continue;
            }
            String name = key.group(1);
            listed.add(name);
            int formerly = cell.indexOf("formerly");
            Matcher alias = KEY.matcher(cell);
            while (formerly >= 0 && alias.find(formerly)) {
                former.put(alias.group(1), name);
                formerly = alias.end();
            }
        }
        Set<String> current = metadata.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> deprecated = new TreeMap<>(metadata);
        deprecated.values().removeIf(v -> v == null);

        assertThat(listed).as("the keys of the README's configuration tables are those the service reads (the "
                + "settings records' and additional-spring-configuration-metadata.json's)").isEqualTo(current);
        assertThat(former).as("the former names the README gives (\"formerly `…`\") are the deprecated aliases in "
                + "the metadata, each beside the key that replaces it").isEqualTo(deprecated);
    }

    @Test
    void everyNameTheDocsMentionIsAKeyOrAMetric() throws IOException {
        String code = javaSources();
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher key = KEY.matcher(Files.readString(doc));
            while (key.find()) {
                String name = key.group(1);
                boolean known = name.endsWith(".*")
                        ? metadata.keySet().stream().anyMatch(k -> k.startsWith(name.substring(0, name.length() - 1)))
                        : metadata.containsKey(name) || code.contains("\"" + name + "\"");
                if (!known) {
                    unknown.add(doc + ": " + name);
                }
            }
        }
        assertThat(unknown).as("names that are neither a configuration key nor a metric the code publishes")
                .isEmpty();
    }

    private static List<String> configurationRows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("\n## Configuration\n");
        assertThat(from).as("README.md has a Configuration section").isNotNegative();
        int to = readme.indexOf("\n## ", from + 1);
        return readme.substring(from, to < 0 ? readme.length() : to).lines().filter(l -> l.startsWith("| `"))
                .toList();
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static String javaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
