package ru.appealdesk.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.appealdesk.reports.Period;
import ru.appealdesk.reports.ReportArtifacts;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.workflow.AnswerDraft;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.HistoryType;

/**
 * Not a test: makes the report pictures of the README (scripts/report-pictures.sh runs it and then LibreOffice). A
 * month of appeals in several departments, some placed late, some left open; the chart image and the workbook are
 * written to target/report-pictures/.
 */
@Tag("pictures")
class ReportPicturesTest extends EndToEndTest {

    @Autowired
    AppealCommands appeals;
    @Autowired
    AppealQueries queries;
    @Autowired
    ReportArtifacts artifacts;

    /** The month is worked through by hand: no timer acts meanwhile (reminders and auto-acceptance are not shown). */
    @org.springframework.test.context.DynamicPropertySource
    static void noTimers(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("appealdesk.scheduler.tick", () -> "1h");
    }

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void writeThePictures() throws Exception {
        String[] categories = {"roads", "buildings", "snow", "waste", "education", "heating", "yards", "benefits"};
        int n = 0;
        long placed = 0;
        for (int day = 1; day <= 26; day++) {
            for (int k = 0; k < 3 + day % 4; k++, n++) {
                String at = String.format("2027-04-%02dT%02d:%02d", day, 9 + k % 8, (n * 7) % 60);
                clock.set(msk(at));
                var body = appealRequest("PIC-2027-" + n, categories[n % categories.length])
                        .put("receivedAt", at + ":00+03:00");
                long id = register(body).get("id").asLong();
                if (n % 5 != 0) {
                    clock.set(msk(at).plusSeconds(n % 4 == 0 ? 86_400L * 12 : 86_400L * (1 + n % 3)));
                    placeRetrying(id);
                    placed = n % 4 == 1 ? id : placed;
                }
            }
        }
        clock.set(msk("2027-04-30T17:00"));
        Path out = Path.of("target", "report-pictures");
        Files.createDirectories(out);
        Period april = new Period(java.time.LocalDate.of(2027, 4, 1), java.time.LocalDate.of(2027, 4, 30));
        Files.write(out.resolve("report-chart.png"), artifacts.chart(april));
        Files.write(out.resolve("report.xlsx"), artifacts.workbook(april));
        dashboard(out, placed);
    }

    /** The dashboard over the same month, as a coordinator sees it at 17:00 on 30 April, and on a phone. */
    private void dashboard(Path out, long placedAppeal) throws Exception {
        if (!ru.appealdesk.support.Browser.available()) {
            System.out.println("SKIPPED dashboard pictures: " + ru.appealdesk.support.Browser.MISSING);
            return;
        }
        String base = "http://localhost:" + port;
        for (int[] size : new int[][] {{1280, 860}, {390, 844}}) {
            // each opening of the Mini App has its own initData: one initData opens one session
            String initData = ru.appealdesk.support.MiniApp.initData(ru.appealdesk.support.FakeTelegram.TOKEN,
                    user("sokolova"), clock.instant());
            org.openqa.selenium.WebDriver browser = ru.appealdesk.support.Browser.open(size[0], size[1]).orElseThrow();
            try {
                browser.get(base + "/app/#tgWebAppData=" + java.net.URLEncoder.encode(initData,
                        java.nio.charset.StandardCharsets.UTF_8));
                ready(browser, "table");
                boolean phone = size[0] < 500;
                shoot(browser, out, phone ? "dashboard-phone" : "dashboard-table");
                if (!phone) {
                    browser.get(base + "/app/#/appeal/" + placedAppeal);
                    ready(browser, "appeal");
                    shoot(browser, out, "dashboard-appeal");
                    browser.get(base + "/app/#/charts");
                    ready(browser, "charts");
                    shoot(browser, out, "dashboard-charts");
                }
            } finally {
                browser.quit();
            }
        }
    }

    private static void ready(org.openqa.selenium.WebDriver browser, String view) {
        ru.appealdesk.support.Browser.waitFor(browser).until(d -> view.equals(d.findElement(
                org.openqa.selenium.By.tagName("body")).getAttribute("data-ready")));
    }

    private static void shoot(org.openqa.selenium.WebDriver browser, Path out, String name) throws Exception {
        Files.copy(ru.appealdesk.support.Browser.screenshot(browser, name), out.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A timer firing for the same appeal at the moment may win a lock: then the step is tried again. */
    private void placeRetrying(long id) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                place(id);
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException
                     | org.springframework.orm.ObjectOptimisticLockingFailureException
                     | ru.appealdesk.workflow.TransitionRefused e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(300);
            }
        }
    }

    private void place(long id) {
        AppealView a = queries.find(id).orElseThrow();
        if (a.status() == ru.appealdesk.workflow.AppealStatus.NEW) {
            return;
        }
        if (a.status() == ru.appealdesk.workflow.AppealStatus.ASSIGNED) {
            a = appeals.accept(id, a.step(), a.executorId());
        }
        a = appeals.submitAnswer(id, a.step(), a.executorId(), new AnswerDraft(AnswerType.RESOLVED, "Выполнено.",
                null, List.of(), "PHONE"));
        while (a.status() == ru.appealdesk.workflow.AppealStatus.ANSWER_REVIEW) {
            String approver = approverOf(a);
            a = appeals.approve(id, a.step(), approver);
        }
        appeals.markPublished(id, a.step(), "sokolova");
    }

    private String approverOf(AppealView a) {
        return switch (a.departmentId()) {
            case "roads" -> "belov";
            case "housing" -> "kuznetsova";
            case "education" -> List.of("smirnova", "kuznetsova", "belov").get(a.history().stream()
                    .filter(h -> h.type() == HistoryType.CHAIN_APPROVED).mapToInt(h -> 1).sum() % 3);
            default -> "smirnova";
        };
    }
}
