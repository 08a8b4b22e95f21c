package ru.appealdesk.reports;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test of speed (PRODUCT.md §11): the monthly report over 100,000 appeals of one month — the
 * discipline report and its workbook (with the list of all 100,000 appeals) — time and peak heap. The appeals and
 * their history are inserted in bulk by SQL. Run with {@code mvn -B -Pbenchmark test -Dtest=ReportBenchmarkTest};
 * results go to docs/BENCHMARKS.md by hand.
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class)
class ReportBenchmarkTest {

    static final int APPEALS = 100_000;

    @Autowired
    Reports reports;
    @Autowired
    Workbooks workbooks;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("appealdesk.telegram.token", () -> "");
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.bot-config-dir", () -> "bot-config");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "appealdesk-report-bench");
    }

    @Test
    void monthlyReportOverOneHundredThousandAppeals() {
        // given 100,000 appeals of March 2026 in four departments, 80 % placed (a quarter of those late), 5 % reopened
        long load = System.nanoTime();
        jdbc.update("""
                insert into appeal (source, external_id, category, department_id, priority, fz59, socially_significant,
                  text, received_at, due_at, answer_due_at, status, executor_id, step, step_started_at, created_at,
                  version, resolution)
                select 'DOBRODEL', 'BENCH-' || g, (array['roads','buildings','snow','waste'])[1 + g % 4],
                  (array['roads','housing','improvement','ecology'])[1 + g % 4], 'NORMAL', false, false,
                  'Текст обращения ' || g, t, t + interval '10 days', t + interval '8 days',
                  case when g % 5 = 0 then 'IN_PROGRESS' else 'CLOSED' end,
                  (array['morozov','petrova','zaitsev','nikitina'])[1 + g % 4], 3, t, t, 0,
                  case when g % 5 = 0 then null else 'PUBLISHED' end
                from (select g, timestamptz '2026-03-01 08:00+03' + (g % 30) * interval '1 day'
                        + (g % 540) * interval '1 minute' as t from generate_series(1, ?) g) s
                """, APPEALS);
        jdbc.update("""
                insert into appeal_history (appeal_id, at, actor_id, type, from_status, to_status, executor_id, step,
                  answer_due_at)
                select a.id, a.received_at, null, 'REGISTERED', null, 'NEW', null, 0, a.answer_due_at from appeal a
                union all
                select a.id, a.received_at, null, 'ASSIGNED', 'NEW', 'ASSIGNED', a.executor_id, 1, a.answer_due_at
                  from appeal a
                union all
                select a.id, a.received_at + case when a.id % 4 = 0 then interval '9 days' else interval '2 days' end,
                  'sokolova', 'PUBLISHED', 'APPROVED', 'CLOSED', a.executor_id, 2, a.answer_due_at
                  from appeal a where a.status = 'CLOSED'
                union all
                select a.id, a.received_at + interval '3 days', null, 'REOPENED', 'CLOSED', 'IN_PROGRESS', a.executor_id,
                  3, a.answer_due_at from appeal a where a.id % 20 = 0
                """);
        jdbc.execute("analyze");
        double loadSeconds = (System.nanoTime() - load) / 1e9;
        Period march = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        for (int warm = 0; warm < 2; warm++) {
            workbooks.discipline(reports.discipline(march, null), null);
        }

        // when the monthly report and its workbook are made
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapUsed();
        long start = System.nanoTime();
        DisciplineReport report = reports.discipline(march, null);
        long computed = System.nanoTime();
        byte[] xlsx = workbooks.discipline(report, null);
        long written = System.nanoTime();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        // then
        assertThat(report.total().received()).isEqualTo(APPEALS);
        System.out.printf("BENCHMARK monthly report over %,d appeals (loaded in %.1f s)%n", APPEALS, loadSeconds);
        System.out.printf("BENCHMARK   discipline report computed: %.2f s (on time %,d, late %,d, reopened %,d)%n",
                (computed - start) / 1e9, report.total().onTime(), report.total().late(), report.total().reopened());
        System.out.printf("BENCHMARK   workbook with the %,d-row appeal list: %.2f s, %,d KiB%n", APPEALS,
                (written - computed) / 1e9, xlsx.length / 1024);
        System.out.printf("BENCHMARK   heap: %,d MiB used before, peak of the heap pools during %,d MiB "
                + "(max heap %,d MiB)%n", heapBefore >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
