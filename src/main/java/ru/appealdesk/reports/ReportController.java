package ru.appealdesk.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.directory.Source;
import ru.appealdesk.web.ApiCaller;
import ru.appealdesk.web.ApiScope;

/**
 * {@code /api/reports/*} (PRODUCT.md §11): the discipline and topics reports for a period and the public counts
 * of a month, as JSON, CSV (UTF-8 with a byte-order mark, {@code ;}-separated, as Russian Excel opens it) or XLSX.
 * A connector needs the {@code reports} scope and its reports count only appeals of its sources (PRODUCT.md §15).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Reports reports;
    private final Workbooks workbooks;

    ReportController(Reports reports, Workbooks workbooks) {
        this.reports = reports;
        this.workbooks = workbooks;
    }

    @GetMapping("/discipline")
    ResponseEntity<?> discipline(@AuthenticationPrincipal ApiCaller caller,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "json") String format) {
        Set<Source> sources = caller.require(ApiScope.REPORTS);
        Period period = period(from, to);
        DisciplineReport report = reports.discipline(period, null, sources);
        String name = "discipline-" + from + "-" + to;
        return switch (format(format, true)) {
            case "xlsx" -> file(workbooks.discipline(report, null, sources), XLSX, name + ".xlsx");
            case "csv" -> file(Csv.write(disciplineRows(report, reports.zone())), CSV, name + ".csv");
            default -> ResponseEntity.ok(report);
        };
    }

    @GetMapping("/topics")
    ResponseEntity<?> topics(@AuthenticationPrincipal ApiCaller caller,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "json") String format) {
        TopicsReport report = reports.topics(period(from, to), caller.require(ApiScope.REPORTS));
        String name = "topics-" + from + "-" + to;
        return switch (format(format, true)) {
            case "xlsx" -> file(topicsWorkbook(report), XLSX, name + ".xlsx");
            case "csv" -> file(Csv.write(topicsRows(report)), CSV, name + ".csv");
            default -> ResponseEntity.ok(report);
        };
    }

    @GetMapping("/public")
    ResponseEntity<?> publicStats(@AuthenticationPrincipal ApiCaller caller, @RequestParam String month,
                                  @RequestParam(defaultValue = "json") String format) {
        Set<Source> sources = caller.require(ApiScope.REPORTS);
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be YYYY-MM, e.g. 2026-03");
        }
        PublicReport report = reports.publicStats(ym, sources);
        if (format(format, false).equals("csv")) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of(ReportWords.INDICATOR.text(), ReportWords.VALUE.text()));
            rows.add(List.of(ReportWords.APPEALS_RECEIVED.text(), report.received()));
            rows.add(List.of(ReportWords.ANSWERED.text(), report.answered()));
            rows.add(List.of(ReportWords.ANSWERED_ON_TIME.text(), report.answeredOnTime()));
            rows.add(List.of(ReportWords.REDIRECTED.text(), report.redirected()));
            report.bySource().forEach((k, v) -> rows.add(List.of(ReportWords.BY_SOURCE.text(k), v)));
            report.byCategory().forEach((k, v) -> rows.add(List.of(ReportWords.BY_TOPIC.text(k), v)));
            return file(Csv.write(rows), CSV, "public-" + month + ".csv");
        }
        return ResponseEntity.ok(report);
    }

    static List<List<Object>> disciplineRows(DisciplineReport r, java.time.ZoneId zone) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(Workbooks.ROW_HEADERS));
        List<DisciplineReport.Row> all = new ArrayList<>(r.executors());
        all.add(r.total());
        for (DisciplineReport.Row x : all) {
            rows.add(java.util.Arrays.asList(x.department(), x.executor() == null ? "" : x.executor(), x.received(),
                    x.onTime(), x.late(), x.overdueNow(), x.reopened(), x.claimMisses(),
                    x.medianHours() == null ? "" : x.medianHours(), x.clarifications()));
        }
        if (!r.lateStages().isEmpty()) {
            // PRODUCT.md §13.2: the stages late past their own terms, whose and by how much, after a blank line
            rows.add(List.of());
            rows.add(new ArrayList<>(Workbooks.STAGE_HEADERS));
            java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
            for (DisciplineReport.StageLate l : r.lateStages()) {
                rows.add(java.util.Arrays.asList(l.number(), l.source().title(), l.departmentId() == null ? ""
                        : l.departmentId(), ReportWords.stage(l.stage()).text(), l.holder(),
                        time.format(l.term().atZone(zone)), time.format(l.endedAt().atZone(zone)), l.lateMinutes()));
            }
        }
        return rows;
    }

    private static List<List<Object>> topicsRows(TopicsReport r) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> head = new ArrayList<>(List.of(ReportWords.CATEGORY.text()));
        for (Source s : Source.values()) {
            head.add(s.title());
        }
        head.add(ReportWords.ALL.text());
        rows.add(head);
        for (TopicsReport.Row x : r.rows()) {
            List<Object> row = new ArrayList<>(List.of(x.name()));
            for (Source s : Source.values()) {
                row.add(x.bySource().getOrDefault(s, 0L));
            }
            row.add(x.total());
            rows.add(row);
        }
        List<Object> total = new ArrayList<>(List.of(ReportWords.TOTAL.text()));
        for (Source s : Source.values()) {
            total.add(r.totals().getOrDefault(s, 0L));
        }
        total.add(r.total());
        rows.add(total);
        return rows;
    }

    private static byte[] topicsWorkbook(TopicsReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(ReportWords.TOPICS_SHEET.text());
            List<List<Object>> rows = topicsRows(r);
            var bold = wb.createFont();
            bold.setBold(true);
            var header = wb.createCellStyle();
            header.setFont(bold);
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i);
                for (int j = 0; j < rows.get(i).size(); j++) {
                    Object v = rows.get(i).get(j);
                    if (v instanceof Long l) {
                        row.createCell(j).setCellValue(l);
                    } else {
                        row.createCell(j).setCellValue(String.valueOf(v));
                    }
                    if (i == 0) {
                        row.getCell(j).setCellStyle(header);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size() - 1, 0, rows.get(0).size() - 1));
            sheet.setColumnWidth(0, 44 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Period period(LocalDate from, LocalDate to) {
        try {
            return new Period(from, to);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static String format(String format, boolean xlsxAllowed) {
        String f = format.toLowerCase(java.util.Locale.ROOT);
        if (f.equals("json") || f.equals("csv") || f.equals("xlsx") && xlsxAllowed) {
            return f;
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be one of json, csv"
                + (xlsxAllowed ? ", xlsx" : ""));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
