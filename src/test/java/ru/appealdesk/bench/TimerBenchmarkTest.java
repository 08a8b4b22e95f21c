package ru.appealdesk.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.sla.TimerTick;
import ru.appealdesk.support.TestDatabase;
import ru.appealdesk.workflow.AppealRegistration;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.NewAppeal;

/**
 * Benchmark, not a test of speed: 100,000 open appeals with 800,000 timers; the cost of one tick with nothing due
 * and with 1,000 timers due, heap use, and how fast the full registration path stores appeals and their timers.
 * Run with {@code mvn -B -Pbenchmark test}; results go to docs/BENCHMARKS.md by hand.
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class)
class TimerBenchmarkTest {

    static final int APPEALS = 100_000;
    static final int DUE = 1_000;

    @Autowired
    TimerTick tick;
    @Autowired
    AppealRegistration appeals;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("appealdesk.scheduler.tick", () -> "1h");
        registry.add("appealdesk.telegram.token", () -> "");
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.bot-config-dir", () -> "bot-config");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "appealdesk-benchmark");
    }

    @Test
    void tickWithOneHundredThousandOpenAppeals() {
        // registration through the whole path: routing, deadlines, history, events, timers, outbox
        int registered = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < registered; i++) {
            appeals.register(new NewAppeal(Source.DOBRODEL, "BENCH-REG-" + i, i % 2 == 0 ? "roads" : "buildings",
                    Priority.NORMAL, false, false, "Текст обращения " + i, "адрес", new AppealView.Applicant(
                    "Заявитель", null, null), List.of(), null, null, null));
        }
        double registerSeconds = (System.nanoTime() - start) / 1e9;
        long timersStored = jdbc.queryForObject("select count(*) from timer", Long.class);
        report("registration path: %d appeals in %.1f s = %.0f appeals/s, %d timers stored = %.0f timers/s",
                registered, registerSeconds, registered / registerSeconds, timersStored, timersStored / registerSeconds);

        // bulk load: 100,000 open appeals, 8 pending timers each, none due
        start = System.nanoTime();
        jdbc.execute("""
                insert into appeal (source, external_id, category, department_id, priority, fz59, socially_significant,
                    text, received_at, due_at, answer_due_at, status, executor_id, step, step_started_at,
                    created_at, version)
                select 'POS', 'BENCH-' || g, 'roads', 'roads', 'NORMAL', false, false, 'Текст ' || g,
                    now(), now() + interval '30 days', now() + interval '30 days', 'ASSIGNED',
                    case when mod(g, 2) = 0 then 'morozov' else 'volkova' end, 1, now(), now(), 0
                from generate_series(1, %d) g""".formatted(APPEALS));
        jdbc.execute("""
                insert into timer (appeal_id, kind, level, step, due_at, status, created_at)
                select a.id, k.kind, k.level, 1, now() + interval '10 days' + (random() * interval '20 days'),
                    'PENDING', now()
                from appeal a cross join (values ('LADDER', 1), ('LADDER', 2), ('LADDER', 3), ('AUTO_ACCEPT', 0),
                    ('BEFORE_DUE', 1), ('BEFORE_DUE', 2), ('BEFORE_DUE', 3), ('OVERDUE', 0)) k(kind, level)
                where a.external_id like 'BENCH-%' and a.external_id not like 'BENCH-REG-%'""");
        jdbc.execute("analyze timer");
        jdbc.execute("analyze appeal");
        long pending = jdbc.queryForObject("select count(*) from timer where status = 'PENDING'", Long.class);
        report("bulk load: %d open appeals, %d pending timers in %.1f s", APPEALS, pending,
                (System.nanoTime() - start) / 1e9);

        // an idle tick: nothing due (median of 20)
        report("idle tick (nothing due), median of 20: %.2f ms", median(20, () -> tick.run()));

        // a busy tick: 1,000 ladder timers due now (their appeals are ASSIGNED at step 1)
        jdbc.update("update timer set due_at = now() - interval '1 second' where id in (select id from timer "
                + "where kind = 'LADDER' and level = 1 and status = 'PENDING' order by id limit ?)", DUE);
        System.gc();
        long heapBefore = usedHeap();
        start = System.nanoTime();
        int fired = tick.run();
        double busyMs = (System.nanoTime() - start) / 1e6;
        long heapAfter = usedHeap();
        report("busy tick: %d timers fired in %.0f ms (%.2f ms per timer); heap in use %d MB before, %d MB after",
                fired, busyMs, busyMs / Math.max(1, fired), heapBefore >> 20, heapAfter >> 20);
        report("idle tick after the busy one, median of 20: %.2f ms", median(20, () -> tick.run()));

        List<String> plan = jdbc.queryForList("explain select * from timer where status = 'PENDING' and due_at <= "
                + "now() order by due_at, id limit 1000 for update skip locked", String.class);
        report("claim query plan:%n  %s", String.join("\n  ", plan));
    }

    private static double median(int runs, Runnable action) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        return times.get(runs / 2);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void report(String format, Object... args) {
        System.out.printf("BENCHMARK " + format + "%n", args);
    }

}
