package ru.appealdesk.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A portal's export read whole before anything is registered (PRODUCT.md §11): the first sheet of an XLSX, or a CSV
 * (UTF-8, {@code ;} or {@code ,} separated, RFC 4180 quotes). A file that cannot be read whole — truncated, not a
 * spreadsheet, an unterminated quote, a row longer than the header — is refused with the reason.
 */
final class ImportFile {

    static final int MAX_ROWS = 20_000;
    /** Dates in the exports: cells of date type, or text like this. */
    static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("dd.MM.uuuu[ HH:mm[:ss]]").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A file that cannot be read; nothing of it is imported. */
    static final class Broken extends RuntimeException {
        Broken(String message) {
            super(message);
        }
    }

    /** The header row and the data rows (row numbers as the spreadsheet shows them, from 2). */
    record Table(List<String> headers, List<Line> lines) {
    }

    /** One data row with its number in the file. */
    record Line(int number, List<String> cells) {

        String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column).strip();
        }
    }

    private ImportFile() {
    }

    static Table read(byte[] content) {
        if (content.length == 0) {
            throw new Broken("the file is empty");
        }
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        Table table = zip ? xlsx(content) : csv(content);
        if (table.headers().stream().allMatch(String::isBlank)) {
            throw new Broken("the first row must name the columns");
        }
        if (table.lines().size() > MAX_ROWS) {
            throw new Broken("at most " + MAX_ROWS + " rows per file");
        }
        return table;
    }

    private static Table xlsx(byte[] content) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(java.util.Locale.forLanguageTag("ru"));
            List<String> headers = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c), format));
                }
                if (row.getRowNum() == sheet.getFirstRowNum()) {
                    headers.addAll(cells);
                } else if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    lines.add(new Line(row.getRowNum() + 1, cells));
                }
            }
            return new Table(headers, lines);
        } catch (IOException | RuntimeException e) {
            throw new Broken("the XLSX file cannot be read whole (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is it complete?");
        }
    }

    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime at = cell.getLocalDateTimeCellValue();
            return at.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm"));
        }
        return format.formatCellValue(cell);
    }

    private static Table csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Broken("the file is neither an XLSX workbook nor a UTF-8 CSV");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String first = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char separator = first.chars().filter(c -> c == ';').count() >= first.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<List<String>> rows = parse(text, separator);
        if (rows.isEmpty()) {
            throw new Broken("the file has no rows");
        }
        List<String> headers = rows.get(0);
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.size() > headers.size()) {
                throw new Broken("row " + (i + 1) + " has more cells (" + cells.size() + ") than the header ("
                        + headers.size() + ")");
            }
            if (cells.stream().anyMatch(s -> !s.isBlank())) {
                lines.add(new Line(i + 1, cells));
            }
        }
        return new Table(headers, lines);
    }

    /** RFC 4180 with the given separator; an unterminated quote breaks the file. */
    static List<List<String>> parse(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new Broken("the file ends inside a quoted cell: it is truncated");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
