package ru.appealdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of an organisation's configuration (the sample {@code bot-config/} or a profile) with some lines changed,
 * for a test whose rule the shipped configuration leaves off. Use it from the test class's own
 * {@code @DynamicPropertySource} (dynamic properties outrank {@link EndToEndTest}'s {@code @TestPropertySource}):
 * <pre>{@code
 * @DynamicPropertySource
 * static void organisation(DynamicPropertyRegistry registry) {
 *     registry.add("appealdesk.bot-config-dir", () -> ConfigVariant.of("bot-config")
 *             .replace("regulations.yml", "    placed-by: EXECUTOR", "    placed-by: COORDINATOR")
 *             .write("placed-by-coordinator"));
 * }
 * }</pre>
 * Each replacement must match: a variant that silently changes nothing would test the shipped configuration.
 */
public final class ConfigVariant {

    private final Path origin;
    private final Map<String, String> files = new LinkedHashMap<>();

    private ConfigVariant(Path origin) {
        this.origin = origin;
    }

    /** A variant of the configuration in this directory (relative to the project). */
    public static ConfigVariant of(String directory) {
        return new ConfigVariant(Path.of(directory));
    }

    /** Replaces the first occurrence of {@code text} in the file with {@code replacement}; it must be there. */
    public ConfigVariant replace(String file, String text, String replacement) {
        String content = content(file);
        int at = content.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException(file + " of " + origin + " has no \"" + text + "\"");
        }
        files.put(file, content.substring(0, at) + replacement + content.substring(at + text.length()));
        return this;
    }

    /** Adds these lines after the first line that equals {@code line} (whole line, spaces included). */
    public ConfigVariant insertAfter(String file, String line, String lines) {
        return replace(file, line + "\n", line + "\n" + lines + (lines.endsWith("\n") ? "" : "\n"));
    }

    /** Writes the variant under {@code target/config-variants/<name>} and returns that directory. */
    public String write(String name) {
        Path target = Path.of("target", "config-variants", name);
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            try (Stream<Path> all = Files.walk(origin)) {
                for (Path path : (Iterable<Path>) all::iterator) {
                    Path copy = target.resolve(origin.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(target.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.toString();
    }

    private String content(String file) {
        return files.computeIfAbsent(file, name -> {
            try {
                return Files.readString(origin.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
