package ru.appealdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.support.Browser;
import ru.appealdesk.support.TestDatabase;

/**
 * Benchmark, not a test of speed (PRODUCT.md §12): the dashboard's table over 10,000 open appeals — the first page of
 * the JSON (default order, a search, a name sort, the overdue filter) and, in headless Chromium, from opening
 * {@code /app/} to the first page drawn. Run with {@code mvn -B -Pbenchmark test -Dtest=DashboardBenchmarkTest};
 * results go to docs/BENCHMARKS.md by hand.
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBenchmarkTest {

    static final int OPEN = 10_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Credentials credentials;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("appealdesk.telegram.token", () -> "");
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.bot-config-dir", () -> "bot-config");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "appealdesk-dash-bench");
    }

    @Test
    void firstPageOfTenThousandOpenAppeals() {
        // given 10,000 open appeals in six statuses and four departments, a tenth overdue, 20,000 history entries
        jdbc.update("""
                insert into appeal (source, external_id, category, department_id, priority, fz59, socially_significant,
                  text, address, applicant_name, applicant_phone, received_at, due_at, answer_due_at, status,
                  executor_id, step, step_started_at, created_at, version)
                select (array['DOBRODEL','POS','ECUR','INCIDENT'])[1 + g % 4], 'BENCH-' || g,
                  (array['roads','buildings','snow','waste'])[1 + g % 4],
                  (array['roads','housing','improvement','ecology'])[1 + g % 4], 'NORMAL', false, false,
                  'Текст обращения ' || g, 'г. Руза, ул. Солнцева, ' || g, 'Иванов И.И.', '+79990001122',
                  now() - interval '2 days', now() + (g % 300 - 30) * interval '1 hour',
                  now() + (g % 300 - 30) * interval '1 hour' - interval '1 hour',
                  (array['ASSIGNED','IN_PROGRESS','ANSWER_REVIEW','REWORK','APPROVED','RETURNED'])[1 + g % 6],
                  (array['morozov','petrova','zaitsev','nikitina'])[1 + g % 4], 1, now(), now(), 0
                from generate_series(1, ?) g
                """, OPEN);
        jdbc.update("""
                insert into appeal_history (appeal_id, at, actor_id, type, from_status, to_status, executor_id, step,
                  answer_due_at)
                select a.id, a.received_at, null, 'REGISTERED', null, 'NEW', null, 0, a.answer_due_at from appeal a
                union all
                select a.id, a.received_at, null, 'ASSIGNED', 'NEW', 'ASSIGNED', a.executor_id, 1, a.answer_due_at
                  from appeal a
                """);
        jdbc.execute("analyze");
        // a session counts only while its holder keeps the Telegram account it was opened for
        jdbc.update("insert into account_binding (staff_id, messenger, user_id, bound_at) values ('sokolova', "
                + "'TELEGRAM', 900001, now())");
        String cookie = credentials.openSession("sokolova", ChatAddress.telegram(900_001L), Credentials.Origin.LINK);

        // when the first page is asked for, warm, 30 times each
        List<String> lines = new ArrayList<>();
        for (String query : List.of("", "?q=%D1%81%D0%BE%D0%BB%D0%BD%D1%86%D0%B5%D0%B2%D0%B0,%205", "?sort=executor",
                "?overdue=true", "?status=IN_PROGRESS&department=roads&sort=-answerDueAt", "?size=100")) {
            long[] nanos = measure(() -> get("/app/api/appeals" + query, cookie), 30);
            lines.add(String.format("BENCHMARK   GET /app/api/appeals%-55s median %5.1f ms, max %5.1f ms", query,
                    median(nanos) / 1e6, max(nanos) / 1e6));
        }
        assertThat(get("/app/api/appeals", cookie)).contains("\"total\":" + OPEN);

        // and the page is opened in Chromium until its first page is drawn
        if (Browser.available()) {
            WebDriver browser = Browser.open(1280, 900).orElseThrow();
            try {
                browser.get("http://localhost:" + port + "/login");
                browser.manage().addCookie(new Cookie("APPEALDESK_SESSION", cookie, "/app"));
                long[] nanos = measure(() -> {
                    browser.get("http://localhost:" + port + "/app/#/");
                    Browser.waitFor(browser).until(d -> "table".equals(d.findElement(By.tagName("body"))
                            .getAttribute("data-ready")));
                    assertThat(browser.findElements(By.cssSelector("#appeals tr.appeal-row"))).hasSize(25);
                    return "";
                }, 10);
                lines.add(String.format("BENCHMARK   Chromium: open /app/ until the first 25 rows are drawn: median "
                        + "%5.0f ms, max %5.0f ms", median(nanos) / 1e6, max(nanos) / 1e6));
            } finally {
                browser.quit();
            }
        } else {
            lines.add("BENCHMARK   Chromium: skipped, " + Browser.MISSING);
        }
        System.out.printf("BENCHMARK dashboard table over %,d open appeals%n", OPEN);
        lines.forEach(System.out::println);
    }

    private String get(String path, String cookie) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).header("Cookie", "APPEALDESK_SESSION=" + cookie)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long[] measure(Supplier<String> call, int times) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(long[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }
}
