package ru.appealdesk.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reports' CSV as Russian Excel opens it: UTF-8 with a byte-order mark, {@code ;} between cells, CRLF between
 * rows, RFC 4180 quoting (Apache Commons CSV). A text cell that a spreadsheet would take for a formula — one that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — gets a leading {@code '}
 * (OWASP's advice against CSV injection); numbers are written as numbers (a decimal comma), never changed.
 */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** The rows as a file; a cell is a {@link Number}, text (anything else, by its string) or {@code null} (empty). */
    static byte[] write(List<? extends List<?>> rows) {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (List<?> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(cell(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString().replace('.', ',');
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return neutralised(value.toString());
    }

    /** Text that would start a formula, prefixed with {@code '} so that it stays text. */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
