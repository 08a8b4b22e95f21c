package ru.appealdesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

import ru.appealdesk.workflow.LifecycleDiagram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module documentation is the code's: Spring Modulith's {@link Documenter} writes the C4 component diagram
 * ({@code components.puml}), one diagram and one canvas per module into {@code target/spring-modulith-docs}, and the
 * copy committed in {@code docs/modules} must be the same; {@code docs/ARCHITECTURE.md}'s module graph and public
 * types are generated from the same model, and every type it names exists. Run with {@code -Ddocs.refresh=true} to
 * rewrite the committed copies instead of comparing them.
 */
class DocumentationTest {

    static final Path COMMITTED = Path.of("docs/modules");
    static final Path GENERATED = Path.of("target/spring-modulith-docs");
    static final Path ARCHITECTURE = Path.of("docs/ARCHITECTURE.md");
    static final String REFRESH = "mvn -B -Dtest=DocumentationTest -Ddocs.refresh=true test";

    private static final boolean refresh = Boolean.getBoolean("docs.refresh");

    @Test
    void theCommittedModulePictureAndCanvasesAreCurrent() throws IOException {
        new Documenter(ModularityTest.MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();
        Map<String, String> generated = new TreeMap<>();
        files(GENERATED).forEach((name, content) -> generated.put(name, canonical(name, content)));
        assertThat(generated).containsKeys("components.puml", "module-workflow.puml", "module-workflow.adoc");
        if (refresh) {
            for (String stale : files(COMMITTED).keySet()) {
                Files.delete(COMMITTED.resolve(stale));
            }
            Files.createDirectories(COMMITTED);
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(files(COMMITTED)).as("docs/modules is not what Spring Modulith's Documenter writes for the code "
                + "now; refresh it with `%s` and commit it", REFRESH).isEqualTo(generated);
    }

    @Test
    void architectureShowsEachModulesDependenciesAndPublicTypes() throws IOException {
        Map<String, String> parts = Map.of("module-graph", moduleGraph(), "public-types", publicTypes(),
                "lifecycle", LifecycleDiagram.mermaid());
        if (refresh) {
            String text = Files.readString(ARCHITECTURE);
            for (Map.Entry<String, String> part : parts.entrySet()) {
                text = replace(text, part.getKey(), part.getValue());
            }
            Files.writeString(ARCHITECTURE, text);
        }
        String text = Files.readString(ARCHITECTURE);
        for (Map.Entry<String, String> part : parts.entrySet()) {
            assertThat(generated(text, part.getKey())).as("docs/ARCHITECTURE.md's generated %s is not the code's; "
                    + "refresh it with `%s` and commit the file", part.getKey(), REFRESH).isEqualTo(part.getValue());
        }
    }

    @Test
    void everyTypeArchitectureNamesExists() throws IOException {
        Set<String> types = new TreeSet<>();
        Set<String> qualified = new TreeSet<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> sources = Files.walk(Path.of(root))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    String module = Path.of(root, "ru/appealdesk").relativize(p.getParent()).toString();
                    declaredTypes(p).forEach(type -> {
                        types.add(type);
                        qualified.add(module + "." + type);
                    });
                });
            }
        }
        List<String> unknown = new ArrayList<>();
        Matcher code = Pattern.compile("`([A-Za-z][A-Za-z0-9_.]*)(\\(\\))?`").matcher(Files.readString(ARCHITECTURE));
        while (code.find()) {
            String name = code.group(1);
            boolean typeLike = name.matches("([a-z]+\\.)?[A-Z][a-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)?");
            if (typeLike && !known(name, types, qualified)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("types docs/ARCHITECTURE.md names that are neither in src/main/java or src/test/java "
                + "nor a library's listed in DocumentationTest.LIBRARY_TYPES").isEmpty();
    }

    /** Types of libraries the architecture names. */
    static final Set<String> LIBRARY_TYPES = Set.of("TelegramClient", "TelegramUrl", "RemoteIpValve", "Documenter",
            "ApplicationModules", "ResourceBundleMessageSource");

    private static boolean known(String name, Set<String> types, Set<String> qualified) {
        String[] parts = name.split("\\.");
        if (Character.isLowerCase(parts[0].charAt(0))) {
            // module.Type or module.Type.member
            return qualified.contains(parts[0] + "." + parts[1]);
        }
        return types.contains(parts[0]) || LIBRARY_TYPES.contains(parts[0]);
    }

    private static Stream<String> declaredTypes(Path source) {
        try {
            Matcher declaration = Pattern.compile("\\b(class|record|interface|enum|@interface)\\s+([A-Z][A-Za-z0-9]*)")
                    .matcher(Files.readString(source));
            List<String> names = new ArrayList<>();
            while (declaration.find()) {
                names.add(declaration.group(2));
            }
            return names.stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Documenter's output in a stable order: it lists relations, components, beans and events in the order of
     * hash sets, which differs from run to run. Runs of such lines are sorted (a canvas's list from its first item,
     * "|* "), and so are the aggregating document's sections after the first.
     */
    static String canonical(String name, String content) {
        if (name.equals("all-docs.adoc")) {
            List<String> sections = new ArrayList<>(List.of(content.split("\n\n")));
            List<String> rest = new ArrayList<>(sections.subList(1, sections.size()).stream().map(String::strip)
                    .sorted().toList());
            rest.add(0, sections.get(0).strip());
            return String.join("\n\n", rest) + "\n";
        }
        StringBuilder out = new StringBuilder();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : content.split("\n", -1)) {
            String kind = line.startsWith("Rel(") ? "Rel(" : line.startsWith("  Component(") ? "  Component("
                    : line.startsWith("|* ") ? "|* " : line.startsWith("* ") && "|* ".equals(runKind) ? "|* " : null;
            boolean continues = kind != null && kind.equals(runKind) && !line.startsWith("|* ");
            if (!continues) {
                flush(out, run, runKind);
                runKind = kind;
            }
            if (kind == null) {
                out.append(line).append('\n');
            } else {
                run.add(line.startsWith("|* ") ? line.substring(3) : line.startsWith("* ") ? line.substring(2) : line);
            }
        }
        flush(out, run, runKind);
        return out.substring(0, out.length() - 1);
    }

    private static void flush(StringBuilder out, List<String> run, String kind) {
        run.sort(null);
        for (int i = 0; i < run.size(); i++) {
            out.append("|* ".equals(kind) ? i == 0 ? "|* " : "* " : "").append(run.get(i)).append('\n');
        }
        run.clear();
    }

    /** Which module uses which (Mermaid), logging left out: every module may use it. */
    static String moduleGraph() {
        StringBuilder graph = new StringBuilder("```mermaid\nflowchart TB\n");
        for (ApplicationModule module : modules()) {
            Map<String, Set<String>> kinds = new TreeMap<>();
            module.getDirectDependencies(ModularityTest.MODULES).stream()
                    .filter(d -> !d.getTargetModule().getName().equals("logging"))
                    .forEach(d -> kinds.computeIfAbsent(d.getTargetModule().getName(), k -> new TreeSet<>())
                            .add(kind(d)));
            kinds.forEach((target, how) -> graph.append("    ").append(module.getName()).append(" -->|")
                    .append(how.contains("calls") ? how.contains("listens") ? "calls, listens" : "calls"
                            : how.contains("listens") ? "listens" : "types")
                    .append("| ").append(target).append('\n'));
        }
        return graph.append("```\n").toString();
    }

    private static String kind(ApplicationModuleDependency dependency) {
        return dependency.getDependencyType() == DependencyType.USES_COMPONENT ? "calls"
                : dependency.getDependencyType() == DependencyType.EVENT_LISTENER ? "listens" : "types";
    }

    /** Each module's public types: top-level public types of its base package (their public nested types go along). */
    static String publicTypes() {
        StringBuilder table = new StringBuilder("| module | public types |\n|---|---|\n");
        for (ApplicationModule module : modules()) {
            String names = module.getNamedInterfaces().getUnnamedInterface().asJavaClasses()
                    .filter(c -> c.getEnclosingClass().isEmpty() && c.getModifiers().contains(
                            com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                    .map(JavaClass::getSimpleName).sorted().map(n -> "`" + n + "`")
                    .collect(Collectors.joining(", "));
            table.append("| `").append(module.getName()).append("` | ").append(names.isEmpty() ? "none" : names)
                    .append(" |\n");
        }
        return table.toString();
    }

    private static List<ApplicationModule> modules() {
        return ModularityTest.MODULES.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
    }

    /** The text with the part between the markers of {@code name} replaced. */
    private static String replace(String text, String name, String content) {
        int[] range = range(text, name);
        return text.substring(0, range[0]) + content + text.substring(range[1]);
    }

    /** The part between the markers of {@code name}. */
    private static String generated(String text, String name) {
        int[] range = range(text, name);
        return text.substring(range[0], range[1]);
    }

    private static int[] range(String text, String name) {
        String begin = "<!-- generated by DocumentationTest: " + name + " -->\n";
        String end = "<!-- end of " + name + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as("docs/ARCHITECTURE.md has the marker %s", begin.strip()).isNotNegative();
        assertThat(to).as("docs/ARCHITECTURE.md has the marker %s after the first", end).isGreaterThan(from);
        return new int[] {from + begin.length(), to};
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path file : list.filter(Files::isRegularFile).toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
