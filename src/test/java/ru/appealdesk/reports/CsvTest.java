package ru.appealdesk.reports;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports' CSV writer: RFC 4180 quoting, the Excel-friendly format, and formula cells neutralised (OWASP). */
class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTAB",
            "\rCR", "=1;2"})
    void aTextCellThatWouldStartAFormulaGetsAQuoteInFront(String text) throws IOException {
        List<CSVRecord> records = parse(Csv.write(List.of(List.of("Тема", text))));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).get(1)).isEqualTo("'" + text);
    }

    @Test
    void numbersStayNumbersEvenWhenNegative() {
        String csv = text(Csv.write(List.of(Arrays.asList("Итого", -5L, -2.5, 3, null, "-"))));

        assertThat(csv).isEqualTo("\uFEFFИтого;-5;-2,5;3;;'-\r\n");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuotedSoNoRowOrCellIsInjected() throws IOException {
        List<List<Object>> rows = List.of(
                List.of("a;b", "say \"hi\"", 1L),
                List.of("two\n\nbreaks=HYPERLINK(1)", "cr\rhere", 2L),
                List.of("crlf\r\n\r\n=1+1", "lf\n@x", 3L));

        byte[] file = Csv.write(rows);
        List<CSVRecord> records = parse(file);

        assertThat(records).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(records.get(i).toList()).containsExactly(rows.get(i).get(0).toString(),
                    rows.get(i).get(1).toString(), rows.get(i).get(2).toString());
        }
        assertThat(text(file)).contains("\"a;b\";\"say \"\"hi\"\"\";1\r\n")
                .contains("\"two\n\nbreaks=HYPERLINK(1)\";\"cr\rhere\";2\r\n");
    }

    @Test
    void theFileIsUtf8WithAByteOrderMarkAndSemicolons() {
        byte[] file = Csv.write(List.of(List.of("Подразделение", "Поступило"), List.of("Дороги", 6L)));

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text(file)).isEqualTo("\uFEFFПодразделение;Поступило\r\nДороги;6\r\n");
    }

    private static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(byte[] file) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(text(file).substring(1)),
                CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
            return parser.getRecords();
        }
    }
}
