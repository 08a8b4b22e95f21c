package ru.appealdesk.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import ru.appealdesk.workflow.Transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The catalog and its typed keys agree, and its placeholders are plain text. */
class CatalogTest {

    @Test
    void everyTypedKeyHasWordsAndEveryWordHasAKey() throws Exception {
        Properties file = catalog();
        Set<String> keys = new TreeSet<>();
        for (Text t : typedKeys()) {
            assertThat(keys.add(t.key())).as("key %s declared twice", t.key()).isTrue();
        }
        assertThat(new TreeSet<>(file.stringPropertyNames())).as("keys in messages_ru.properties")
                .containsExactlyElementsOf(keys);
    }

    @Test
    void placeholdersAreNumberedAndQuotesAreNotSpecial() {
        assertThat(Catalog.substitute("Обращение № {0}: {1} из {2} ('{0}')", "A-1", 1234, 3))
                .isEqualTo("Обращение № A-1: 1234 из 3 ('A-1')");
        assertThat(Catalog.substitute("{ нет } {x} {}", "a")).isEqualTo("{ нет } {x} {}");
        assertThatThrownBy(() -> Catalog.substitute("{1}", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextOfTheFileWithAnApostropheAndANumber() throws Exception {
        // e.g. the import's "the date '{0}' is not ДД.ММ.ГГГГ …": MessageFormat would drop the quotes and write
        // the value unquoted; a number would come out as "12 345"
        Text withApostrophe = typedKeys().stream().filter(t -> catalogText(t).contains("'{0}'")).findFirst()
                .orElseThrow();
        assertThat(withApostrophe.text(12345)).contains("'12345'");
        assertThat(Catalog.substitute("l''{0}'", 12345)).isEqualTo("l''12345'");
    }

    @Test
    void aLabelPRODUCTmdFixesHasOneKey() throws Exception {
        Properties file = catalog();
        for (String label : new String[] {"✍️ Подготовить ответ", "✅ Взять в работу", "↩️ Вернуть",
                "📨 Отправить на согласование", "✅ Согласовать", "🔁 На доработку"}) {
            assertThat(file.stringPropertyNames().stream().filter(k -> file.getProperty(k).equals(label)))
                    .as("keys of «%s»", label).hasSize(1);
        }
    }

    private static String catalogText(Text t) {
        return Catalog.format(t.key());
    }

    static Properties catalog() throws IOException {
        Properties p = new Properties();
        try (InputStream in = CatalogTest.class.getResourceAsStream("/messages_ru.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every constant of every enum under ru.appealdesk that implements {@link Text}. */
    static List<Text> typedKeys() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(Text.class));
        List<Text> all = new ArrayList<>();
        for (BeanDefinition d : scan.findCandidateComponents("ru.appealdesk")) {
            Class<?> type = Class.forName(d.getBeanClassName());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    all.add((Text) constant);
                }
            }
        }
        assertThat(all).as("typed keys found").isNotEmpty();
        // a plain transition's words are keyed by the transition (workflow.Transition.plain)
        Arrays.stream(Transition.values()).filter(Transition::plain).forEach(t -> {
            all.add(t.line());
            all.add(t.reply());
        });
        return all;
    }
}
