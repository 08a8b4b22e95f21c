package ru.appealdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.support.Api;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.Staff;

/**
 * Benchmark (issue 26): the service with 100,000 open appeals (800,000 pending timers, 100,000 cards) and 2,000
 * queued messages, then {@code -Dbench.minutes} (3) of load — appeals posted by two API clients, the backlog and
 * every new card delivered to a fake Bot API with Telegram's limits, 500 timers made due every 10 s, the dashboard's
 * table and charts read, the monthly report read as JSON, CSV and XLSX over all 100,000 appeals. Prints the heap
 * after each collection (its maximum), the peak heap, and the resident memory of this JVM and of PostgreSQL. Meant
 * for a heap limit: {@code mvn -B -Pbenchmark test -Dtest=MemoryBenchmarkTest -Dtest.jvm.args=-Xmx512m}.
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemoryBenchmarkTest {

    static final int APPEALS = Integer.getInteger("bench.appeals", 100_000);
    static final int MESSAGES = Integer.getInteger("bench.messages", 2_000);
    static final Duration LOAD = Duration.ofMinutes(Integer.getInteger("bench.minutes", 3));
    static final FakeTelegram TELEGRAM = new FakeTelegram().strictLimits();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The Telegram ids of the seed's executors are bench/memory-seed.sql's. */
    static final Map<String, Long> PEOPLE = Map.of("petrova", 600_001L, "sidorov", 600_002L, "morozov", 600_003L,
            "volkova", 600_004L, "zaitsev", 600_005L, "nikitina", 600_006L, "sokolova", 600_007L, "popov",
            600_008L, "orlov", 600_009L, "glava", 600_010L);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        BenchmarkService.register(registry, TELEGRAM, "appealdesk-memory-bench");
        registry.add("logging.level.ru.appealdesk", () -> "WARN");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void oneHundredThousandOpenAppealsUnderLoad() throws Exception {
        MemoryProbe probe = new MemoryProbe();
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        Api api = new Api(port);
        Staff.bind(api, TELEGRAM, PEOPLE);
        long seeding = System.nanoTime();
        MemorySeed.insert(jdbc, TELEGRAM, APPEALS, MESSAGES);
        report("seeded %,d open appeals, %,d pending timers, %,d active cards, %,d queued messages in %.0f s",
                count("appeal where status <> 'CLOSED'"), count("timer where status = 'PENDING'"),
                count("card where active"), count("outbound_message where status = 'PENDING'"),
                (System.nanoTime() - seeding) / 1e9);
        System.gc();
        report("after seeding, before load: heap %d MiB in use after a full GC, JVM RSS %d MiB, PostgreSQL PSS %d "
                + "MiB", MemoryProbe.mib(MemoryProbe.heapUsed()),
                MemoryProbe.mib(MemoryProbe.kib(ProcessHandle.current().pid(), "status", "VmRSS")),
                MemoryProbe.mib(probe.samplePostgres(backend)));

        probe.reset();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong posted = new AtomicLong();
        AtomicLong madeDue = new AtomicLong();
        long end = System.nanoTime() + LOAD.toNanos();
        String cookie = new DashboardClient(api).signIn(PEOPLE.get("sokolova"), Instant.now());
        ExecutorService load = Executors.newFixedThreadPool(5);
        for (int client = 0; client < 2; client++) {
            int c = client;
            load.submit(() -> until(end, i -> {
                String body = JSON.createObjectNode().put("source", "DOBRODEL").put("externalId", "MEM-" + c + "-" + i)
                        .put("category", List.of("roads", "waste", "heating", "snow").get(i % 4))
                        .put("text", "Обращение " + i).put("address", "г. Руза, ул. Дорожная " + i % 300 + ", " + i)
                        .toString();
                count(statuses, "POST /api/appeals", api.post("/api/appeals", body).status());
                posted.incrementAndGet();
            }));
        }
        load.submit(() -> until(end, i -> {
            // what the scheduler finds due: escalations of urgent appeals (sent at any hour) and accept windows
            madeDue.addAndGet(jdbc.update("update timer set due_at = now() where id in (select t.id from timer t "
                    + "join appeal a on a.id = t.appeal_id where t.status = 'PENDING' and t.due_at > now() "
                    + "and (t.kind = 'AUTO_ACCEPT' or a.priority = 'HIGH' and t.kind = 'LADDER') order by t.id "
                    + "limit 500)"));
            Thread.sleep(10_000);
        }));
        DashboardClient dashboard = new DashboardClient(api);
        load.submit(() -> until(end, i -> {
            String path = List.of("/app/api/appeals", "/app/api/appeals?sort=executor", "/app/api/appeals?overdue=true",
                    "/app/api/appeals?size=100&page=" + i % 50, "/app/api/charts", "/app/api/appeals?q=%D0%94%D0%BE")
                    .get(i % 6);
            count(statuses, "GET " + path.replaceAll("\\?.*", ""), dashboard.get(path, cookie).status());
            Thread.sleep(300);
        }));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        String month = "from=" + today.minusDays(30) + "&to=" + today;
        load.submit(() -> until(end, i -> {
            String path = List.of("/api/reports/discipline?format=xlsx&" + month, "/api/reports/discipline?" + month,
                    "/api/reports/topics?format=csv&" + month, "/api/reports/discipline?format=csv&" + month,
                    "/api/reports/public?month=" + today.toString().substring(0, 7)).get(i % 5);
            count(statuses, "GET " + path.replaceAll("\\?.*", "") + (path.contains("xlsx") ? " xlsx" : ""),
                    api.get(path).status());
        }));
        List<String> samples = new ArrayList<>();
        while (System.nanoTime() < end) {
            Thread.sleep(15_000);
            samples.add(String.format("heap %d MiB, max after GC so far %d MiB, JVM RSS %d MiB, PostgreSQL PSS %d "
                    + "MiB, queued %d", MemoryProbe.mib(MemoryProbe.heapUsed()),
                    MemoryProbe.mib(probe.maxHeapAfterGc()),
                    MemoryProbe.mib(MemoryProbe.kib(ProcessHandle.current().pid(), "status", "VmRSS")),
                    MemoryProbe.mib(probe.samplePostgres(backend)),
                    count("outbound_message where status = 'PENDING'")));
        }
        load.shutdown();
        assertThat(load.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

        long pid = ProcessHandle.current().pid();
        List<Long> postgres = MemoryProbe.postgresProcesses(backend);
        report("load of %d min: %,d appeals posted, %,d timers made due (%,d fired, %,d cancelled in all), %,d "
                        + "messages delivered (429 answers: %d), %,d still queued", LOAD.toMinutes(), posted.get(),
                madeDue.get(), count("timer where status = 'FIRED'"), count("timer where status = 'CANCELLED'"),
                TELEGRAM.acceptedAt().size(), TELEGRAM.rateLimitedCalls(),
                count("outbound_message where status = 'PENDING'"));
        new java.util.TreeMap<>(statuses).forEach((k, v) -> report("  %s: %d", k, v.get()));
        samples.forEach(s -> report("  every 15 s: %s", s));
        report("heap (max %d MiB, committed %d MiB): max after a GC %d MiB, peak of the heap pools %d MiB; %d "
                        + "collections, %d of them full", MemoryProbe.mib(Runtime.getRuntime().maxMemory()),
                MemoryProbe.mib(Runtime.getRuntime().totalMemory()),
                MemoryProbe.mib(probe.maxHeapAfterGc()), MemoryProbe.mib(MemoryProbe.peakHeap()),
                probe.collections(), probe.fullCollections());
        System.gc();
        report("after the load: heap %d MiB in use after a full GC, non-heap %d MiB", MemoryProbe.mib(
                MemoryProbe.heapUsed()), MemoryProbe.mib(MemoryProbe.nonHeapUsed()));
        report("JVM (pid %d, the service with the test and the fake Bot API): RSS %d MiB now, peak (VmHWM) %d MiB",
                pid, MemoryProbe.mib(MemoryProbe.kib(pid, "status", "VmRSS")),
                MemoryProbe.mib(MemoryProbe.kib(pid, "status", "VmHWM")));
        report("PostgreSQL (%d processes): RSS %d MiB summed (shared buffers counted in each), PSS %d MiB now, "
                        + "peak PSS %d MiB; postmaster VmHWM %d MiB", postgres.size(),
                MemoryProbe.mib(MemoryProbe.sum(postgres, "status", "VmRSS")),
                MemoryProbe.mib(probe.samplePostgres(backend)), MemoryProbe.mib(probe.peakPostgresPss()),
                MemoryProbe.mib(MemoryProbe.kib(postgres.get(0), "status", "VmHWM")));
        report("database size %s; shared_buffers %s", jdbc.queryForObject(
                "select pg_size_pretty(pg_database_size(current_database()))", String.class),
                jdbc.queryForObject("show shared_buffers", String.class));
        assertThat(statuses.keySet()).noneMatch(k -> k.endsWith(" 500"));
        if (Boolean.getBoolean("bench.absence")) {
            absence(api, probe);
        }
    }

    /** An executor who holds a quarter of the open appeals goes away today: his substitute takes them all over. */
    private void absence(Api api, MemoryProbe probe) throws InterruptedException {
        String held = "appeal where executor_id = 'morozov' and status in ('ASSIGNED', 'IN_PROGRESS')";
        // the timers the load made due have fired: none of them changes these appeals meanwhile
        while (count("timer where status = 'PENDING' and due_at <= now()") > 0) {
            Thread.sleep(1_000);
        }
        long before = count(held);
        probe.reset();
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        int status = api.admin().post("/api/staff/morozov/absences", "{\"from\":\"" + today + "\",\"to\":\""
                + today.plusDays(7) + "\"}").status();
        long left = count(held);
        while (status == 201 && left > 0 && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(5_000);
            left = count(held);
            report("  absence: %d s, %,d appeals still with morozov, heap %d MiB, max after GC %d MiB",
                    (System.nanoTime() - start) / 1_000_000_000, left, MemoryProbe.mib(MemoryProbe.heapUsed()),
                    MemoryProbe.mib(probe.maxHeapAfterGc()));
        }
        report("absence of the executor of %,d open appeals (answer %d): handed over in %.0f s, %,d left; max heap "
                + "after a GC %d MiB, peak %d MiB", before, status, (System.nanoTime() - start) / 1e9, left,
                MemoryProbe.mib(probe.maxHeapAfterGc()), MemoryProbe.mib(MemoryProbe.peakHeap()));
    }

    /** Something done again and again until {@code end}; a failure is printed and the loop goes on. */
    interface Step {
        void run(int i) throws Exception;
    }

    private static void until(long end, Step step) {
        for (int i = 0; System.nanoTime() < end; i++) {
            try {
                step.run(i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | Error e) {
                report("load step failed: %s", e);
            }
        }
    }

    private static void count(Map<String, AtomicInteger> statuses, String what, int status) {
        statuses.computeIfAbsent(what + " " + status, k -> new AtomicInteger()).incrementAndGet();
    }

    private long count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class);
    }

    private static void report(String format, Object... args) {
        System.out.printf("BENCHMARK " + format + "%n", args);
    }
}
