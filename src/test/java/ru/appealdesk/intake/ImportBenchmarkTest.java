package ru.appealdesk.intake;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.directory.Source;
import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test of speed (issue 22, finding 1): a legitimate 20,000-row export — reading it alone (XLSX as
 * Excel writes it, with shared strings, and the same rows as CSV), then the whole import (each row registered the
 * way of {@code POST /api/appeals}) and a re-import that finds every row present: time and the peak of the heap.
 * Run with {@code mvn -B -Pbenchmark test -Dtest=ImportBenchmarkTest} ({@code -Dbench.rows=N} rows, 20,000);
 * results go to docs/BENCHMARKS.md by hand.
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class)
class ImportBenchmarkTest {

    /** The benchmark imports as a connector with every source and scope, as APPEALDESK_API_TOKEN has. */
    private static final ru.appealdesk.web.ApiCaller CALLER = new ru.appealdesk.web.ApiCaller("benchmark",
            java.util.EnumSet.allOf(Source.class), java.util.EnumSet.allOf(ru.appealdesk.web.ApiScope.class));

    static final int ROWS = Integer.getInteger("bench.rows", 20_000);

    @Autowired
    ImportController imports;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("appealdesk.telegram.token", () -> "");
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.bot-config-dir", () -> "bot-config");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "appealdesk-import-bench");
    }

    @Test
    void aTwentyThousandRowImport() throws Exception {
        long made = System.nanoTime();
        byte[] xlsx = Sheets.legitimate("BENCH-", ROWS);
        byte[] csv = csv(ROWS);
        System.out.printf("BENCHMARK import of %,d rows: XLSX %,d KiB, CSV %,d KiB (made in %.1f s), max heap %,d MiB%n",
                ROWS, xlsx.length / 1024, csv.length / 1024, (System.nanoTime() - made) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
        for (int round = 0; round < 8; round++) {
            boolean warm = round < 3;
            measure(warm ? null : "reading the XLSX alone", () -> read(xlsx));
            measure(warm ? null : "reading the CSV alone ", () -> read(csv));
        }

        ImportController.ImportResult first = measure("the whole import (read + 20,000 registrations)",
                () -> imports.importFile(CALLER, Source.DOBRODEL, new MockMultipartFile("file", "export.xlsx", null, xlsx)));
        ImportController.ImportResult again = measure("the same file again (every row present)",
                () -> imports.importFile(CALLER, Source.DOBRODEL, new MockMultipartFile("file", "export.xlsx", null, xlsx)));

        assertThat(first.created()).isEqualTo(ROWS);
        assertThat(again.present()).isEqualTo(ROWS);
    }

    private static int read(byte[] file) throws Exception {
        int rows = ImportFile.read(new ByteArrayInputStream(file), ImportController.COLUMNS).lines().size();
        assertThat(rows).isEqualTo(ROWS);
        return rows;
    }

    /** Runs the step with the heap pools' peaks reset after a GC; prints its time and peak unless it is a warm-up. */
    private static <T> T measure(String step, Callable<T> work) throws Exception {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        T result = work.call();
        long nanos = System.nanoTime() - start;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (step != null) {
            System.out.printf("BENCHMARK   %s: %,.2f s, heap %,d MiB before, peak of the heap pools %,d MiB%n", step,
                    nanos / 1e9, before >> 20, peak >> 20);
        }
        return result;
    }

    private static byte[] csv(int rows) {
        StringBuilder out = new StringBuilder("\uFEFFНомер;Категория;Текст;Адрес;Дата поступления;Приоритет;"
                + "Заявитель;Телефон;E-mail\r\n");
        for (int n = 1; n <= rows; n++) {
            out.append("BENCH-").append(n).append(';').append(n % 2 == 0 ? "education" : "Детские сады")
                    .append(";\"Не работает отопление в группе № ").append(n).append(", в помещении 14 градусов, "
                            + "дети сидят в куртках; просим проверить котельную и трубы в подвале\";")
                    .append("\"г. Руза, ул. Школьная, ").append(n).append("\";15.03.2028 10:00;Обычный;Заявитель ")
                    .append(n).append(";+7 999 000-00-00;a").append(n).append("@example.ru\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
