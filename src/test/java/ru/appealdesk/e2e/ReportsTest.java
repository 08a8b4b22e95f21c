package ru.appealdesk.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.workflow.AnswerDraft;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Resolution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports of PRODUCT.md §11 against what was done: appeals of January and February 2027 (far from the other
 * tests' dates) placed on time and late, reopened, missed by an ЕЦУР executor, closed without an answer and left
 * open; JSON, CSV and the workbook must say the same.
 */
class ReportsTest extends EndToEndTest {

    @Autowired
    AppealCommands appeals;
    @Autowired
    AppealQueries queries;

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void theDisciplineReportCountsWhatWasDoneAndEveryFormatAgrees() throws Exception {
        // given: two Добродел roads appeals placed on time and late, a ПОС buildings one placed on time then reopened,
        // an ЕЦУР one not claimed by 15:00, an «Иное» one closed without an answer and one left open
        long onTime = registered("RPT-2027-1", "roads", "DOBRODEL", "2027-01-11T10:00");
        long late = registered("RPT-2027-2", "roads", "DOBRODEL", "2027-01-11T10:00");
        clock.set(msk("2027-01-11T12:00"));
        place(onTime);
        long reopened = registered("RPT-2027-3", "buildings", "POS", "2027-01-12T10:00");
        clock.set(msk("2027-01-12T11:00"));
        place(reopened);
        long missed = registered("RPT-2027-4", "water", "ECUR", "2027-01-13T09:00");
        clock.set(msk("2027-01-13T15:00:30"));
        awaitStatus(missed, "NEW");
        // the late one was accepted automatically after 24 hours (seed 000 п.5); it is placed a day past its deadline
        awaitStatus(late, "IN_PROGRESS");
        clock.set(queries.find(late).orElseThrow().answerDueAt().plusSeconds(86_400));
        place(late);
        clock.set(msk("2027-01-20T10:00"));
        appeals.reopen(reopened, "Заявитель не согласен: батареи холодные", List.of());
        long open = registered("RPT-2027-6", "roads", "DOBRODEL", "2027-02-02T10:00");
        long noAnswer = registered("RPT-2027-5", "other", "OTHER", "2027-02-03T10:00");
        clock.set(msk("2027-02-03T12:00"));
        appeals.closeWithoutAnswer(noAnswer, Resolution.NO_ANSWER, "Оскорбления в адрес сотрудников");
        clock.set(msk("2027-02-26T12:00"));

        // when the report for the two months is asked for
        JsonNode report = api.get("/api/reports/discipline?from=2027-01-01&to=2027-02-28").json();

        // then its totals are what was done
        JsonNode total = report.get("total");
        assertThat(total.get("received").asLong()).isEqualTo(6);
        assertThat(total.get("onTime").asLong()).isEqualTo(2);
        assertThat(total.get("late").asLong()).isEqualTo(1);
        assertThat(total.get("reopened").asLong()).isEqualTo(1);
        assertThat(total.get("claimMisses").asLong()).isEqualTo(1);
        assertThat(total.get("medianHours").asDouble()).isPositive();
        // "overdue now" is every open appeal past its deadline at the report's time, as the API's overdue filter says
        Api.Response overdue = api.get("/api/appeals?overdue=true&size=1");
        assertThat(total.get("overdueNow").asLong()).isEqualTo(Long.parseLong(overdue.header("X-Total-Count")));
        assertThat(report.get("days")).hasSize(59);
        long receivedByDay = 0;
        long closedByDay = 0;
        for (JsonNode d : report.get("days")) {
            receivedByDay += d.get("received").asLong();
            closedByDay += d.get("closed").asLong();
        }
        assertThat(receivedByDay).isEqualTo(6);
        assertThat(closedByDay).isEqualTo(4); // three placements and one closed without an answer
        JsonNode roads = row(report.get("departments"), "roads");
        assertThat(roads.get("received").asLong()).isEqualTo(3);
        assertThat(roads.get("onTime").asLong() + roads.get("late").asLong()).isEqualTo(2);
        assertThat(row(report.get("departments"), "housing").get("claimMisses").asLong()).isEqualTo(1);

        // and the CSV says the same
        Api.Response csv = api.get("/api/reports/discipline?from=2027-01-01&to=2027-02-28&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFПодразделение;Исполнитель;Поступило");
        assertThat(lines[lines.length - 1]).startsWith("Итого;;6;2;1;" + total.get("overdueNow").asLong() + ";1;1;");

        // and so does the workbook, with charts on its summary sheet
        byte[] xlsx = bytes("/api/reports/discipline?from=2027-01-01&to=2027-02-28&format=xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Сводка");
            XSSFSheet summary = wb.getSheet("Сводка");
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(2);
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(6.0);
            assertThat(summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            Sheet byDay = wb.getSheet("По дням");
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(byDay.getRow(1).getCell(0))).isTrue();
            assertThat(byDay.getPaneInformation().isFreezePane()).isTrue();
            Sheet list = wb.getSheet("Обращения");
            assertThat(list.getLastRowNum()).isEqualTo(6);
            DataFormatter fmt = new DataFormatter();
            assertThat(list.getRow(1).getCell(0).getStringCellValue()).startsWith("RPT-2027-");
            assertThat(fmt.formatCellValue(list.getRow(1).getCell(5))).isEqualTo("11.01.2027 10:00");
            Sheet executors = wb.getSheet("По исполнителям");
            long sum = 0;
            for (Row r : executors) {
                if (r.getRowNum() > 0) {
                    sum += (long) r.getCell(2).getNumericCellValue();
                }
            }
            assertThat(sum).isEqualTo(6);
            assertThat(((XSSFSheet) executors).getCTWorksheet().isSetAutoFilter()).isTrue();
        }

        // and the topics and public reports count the same appeals, without names
        JsonNode topics = api.get("/api/reports/topics?from=2027-01-01&to=2027-02-28").json();
        assertThat(topics.get("total").asLong()).isEqualTo(6);
        JsonNode jan = api.get("/api/reports/public?month=2027-01").json();
        assertThat(jan.get("received").asLong()).isEqualTo(4);
        assertThat(jan.get("answered").asLong()).isEqualTo(3);
        assertThat(jan.get("answeredOnTime").asLong()).isEqualTo(2);
        assertThat(jan.toString()).doesNotContain("Морозов", "Волкова", "Иванов");
        assertThat(open).isPositive();
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        assertThat(api.get("/api/reports/discipline?from=2027-02-01&to=2027-01-01").status()).isEqualTo(400);
        assertThat(api.get("/api/reports/discipline?from=2027-01-01&to=2027-01-31&format=pdf").status())
                .isEqualTo(400);
        assertThat(api.get("/api/reports/discipline?from=2027-01-01").status()).isEqualTo(400);
        assertThat(api.get("/api/reports/public?month=2027-13").status()).isEqualTo(400);
        assertThat(api.get("/api/reports/public?month=2027-01&format=xlsx").status()).isEqualTo(400);
    }

    /** Registered at the instant it was received, as a portal would send it. */
    private long registered(String number, String category, String source, String received) {
        clock.set(msk(received));
        var body = appealRequest(number, category).put("source", source)
                .put("receivedAt", received + ":00+03:00");
        return register(body).get("id").asLong();
    }

    /** Accepted (if needed), answered, approved and placed at the clock's time. */
    private void place(long id) {
        AppealView a = queries.find(id).orElseThrow();
        String executor = a.executorId();
        if (a.status() == ru.appealdesk.workflow.AppealStatus.ASSIGNED) {
            a = appeals.accept(id, a.step(), executor);
        }
        a = appeals.submitAnswer(id, a.step(), executor, new AnswerDraft(AnswerType.RESOLVED, "Сделано.",
                null, List.of(), "PHONE"));
        String approver = a.departmentId().equals("roads") ? "belov" : "kuznetsova";
        a = appeals.approve(id, a.step(), approver);
        appeals.markPublished(id, a.step(), "sokolova");
    }

    private static JsonNode row(JsonNode rows, String departmentId) {
        for (JsonNode r : rows) {
            if (departmentId.equals(r.get("departmentId").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + departmentId + " in " + rows);
    }

    private byte[] bytes(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + path)).header("Authorization", "Bearer " + Api.TOKEN).GET()
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        return response.body();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
