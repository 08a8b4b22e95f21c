package ru.appealdesk.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sentence a person reads lives in {@code messages_ru.properties}: a string, char or text-block literal with a
 * Cyrillic letter in {@code src/main/java} fails, naming file and line. Comments may speak Russian (seed names).
 */
class CyrillicLiteralsTest {

    static final Path SOURCES = Path.of("src/main/java");

    /**
     * Files not yet moved to the catalog; this list only shrinks (a listed file without Cyrillic literals fails
     * too, so that it is taken off).
     */
    static final Set<String> NOT_YET_MOVED = Set.of();

    @Test
    void noCyrillicLiteralOutsideTheCatalog() throws IOException {
        List<String> found = new ArrayList<>();
        Set<String> clean = new TreeSet<>(NOT_YET_MOVED);
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                List<String> literals = cyrillicLiterals(Files.readString(file, StandardCharsets.UTF_8));
                if (!literals.isEmpty()) {
                    clean.remove(name);
                }
                if (!NOT_YET_MOVED.contains(name)) {
                    literals.forEach(l -> found.add(name + ":" + l));
                }
            }
        }
        assertThat(found).as("Cyrillic literals outside messages_ru.properties").isEmpty();
        assertThat(clean).as("files of the allow-list that have no Cyrillic literal any more").isEmpty();
    }

    @Test
    void theScannerSeesLiteralsNotComments() {
        String source = """
                // «Взять в работу» in a comment
                /* "Взять" */ class A {
                    /** «Вернуть» */ String s = "ok" + "Взять";
                    char c = 'ё'; String escaped = "\\"в\\"";
                    String block = \"""
                        Текст
                        \""";
                }
                """;
        assertThat(cyrillicLiterals(source)).containsExactly("3: \"Взять\"", "4: 'ё'", "4: \"\\\"в\\\"\"",
                "5: \"\"\"\n        Текст\n        \"\"\"");
    }

    /** The literals with a Cyrillic letter, each as {@code line: literal}. */
    static List<String> cyrillicLiterals(String source) {
        List<String> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                boolean block = c == '"' && source.startsWith("\"\"\"", i);
                int start = i;
                i += block ? 3 : 1;
                while (i < n && !(block ? source.startsWith("\"\"\"", i) : source.charAt(i) == c)) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(n, i + (block ? 3 : 1));
                String literal = source.substring(start, i);
                if (literal.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC)) {
                    found.add(line + ": " + literal);
                }
                line += count(source, start, i);
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return found;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
