package ru.appealdesk.intake;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.directory.Source;
import ru.appealdesk.support.TestDatabase;
import ru.appealdesk.web.ApiCaller;
import ru.appealdesk.web.ApiScope;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.HistoryType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import in volume (PRODUCT.md §11), called at the service (ImportTest imports through HTTP, a few rows): a
 * 500-row export comes in once, and the same file again finds every row present and changes nothing. No web
 * server and no messenger: the cards stay in the outbox. (Reading 20,000 rows: ImportFileTest; importing them:
 * ImportBenchmarkTest.)
 */
@SpringBootTest(classes = AppealDeskApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportVolumeTest {

    private static final int ROWS = 500;
    private static final ApiCaller CALLER = new ApiCaller("import", EnumSet.allOf(Source.class),
            EnumSet.allOf(ApiScope.class));

    @Autowired
    ImportController imports;
    @Autowired
    AppealQueries appeals;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.migratedDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("appealdesk.telegram.token", () -> "");
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.scheduler.enabled", () -> "false");
        registry.add("appealdesk.bot-config-dir", () -> "bot-config");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "appealdesk-import-volume");
    }

    @Test
    void fiveHundredRowsComeInOnceAndAReImportChangesNothing() throws Exception {
        // given a 500-row export in the generic layout, as Excel writes it
        byte[] file = Sheets.legitimate("IMP-2028-", ROWS);

        // when it is imported
        ImportController.ImportResult first = imports.importFile(CALLER, Source.DOBRODEL, xlsx(file));

        // then every row is registered, and the same file again finds them all present
        assertThat(first.layout()).isEqualTo("GENERIC");
        assertThat(first.created()).isEqualTo(ROWS);
        assertThat(first.refused()).isZero();
        ImportController.ImportResult again = imports.importFile(CALLER, Source.DOBRODEL, xlsx(file));
        assertThat(again.created()).isZero();
        assertThat(again.present()).isEqualTo(ROWS);
        long id = first.results().get(ROWS - 1).id();
        assertThat(again.results().get(ROWS - 1).id()).isEqualTo(id);
        AppealView one = appeals.find(id).orElseThrow();
        assertThat(one.externalId()).isEqualTo("IMP-2028-" + ROWS);
        assertThat(one.category()).isEqualTo("education");
        assertThat(one.receivedAt()).isEqualTo(Instant.parse("2028-03-15T07:00:00Z"));
        assertThat(one.history().stream().filter(h -> h.type() == HistoryType.ASSIGNED)).hasSize(1);
    }

    private static MockMultipartFile xlsx(byte[] content) {
        return new MockMultipartFile("file", "export.xlsx", null, content);
    }
}
