package ru.appealdesk.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A portal's export read whole before anything is registered (PRODUCT.md §11): the first sheet of an XLSX
 * ({@link XlsxImport}), or a CSV (UTF-8, {@code ;} or {@code ,} separated, RFC 4180 quotes; {@link CsvImport}). Both
 * are read as a stream, row by row, keeping only the columns a layout names, and stop at the first limit passed. A
 * file that cannot be read whole — truncated, not a spreadsheet, an unterminated quote, a row longer than the header,
 * a limit passed — is refused with the reason.
 */
final class ImportFile {

    /** Rows with something in them; a file with more is refused as soon as the next one comes. */
    static final int MAX_ROWS = 20_000;
    /** Empty rows (skipped, but counted so that a file of empty rows is not read to its end). */
    static final int MAX_EMPTY_ROWS = 20_000;
    /** Characters in one cell: Excel's own limit. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Characters of all the cells kept (the columns the layouts name), and of an XLSX's shared strings. */
    static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;
    /** Dates in the exports: cells of date type, or text like this. */
    static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("dd.MM.uuuu[ HH:mm[:ss]]").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A file that cannot be read; nothing of it is imported. */
    static final class Broken extends RuntimeException {
        Broken(String message) {
            super(message);
        }
    }

    /**
     * The columns found in the header row ({@link #key(String) key} of a wanted name → position in {@link Line#cells})
     * and the data rows with something in them.
     */
    record Table(Map<String, Integer> columns, List<Line> lines) {
    }

    /** One data row with its number as the spreadsheet shows it (from 2), holding the wanted columns only. */
    record Line(int number, List<String> cells) {

        String cell(int column) {
            return column < 0 || column >= cells.size() || cells.get(column) == null ? "" : cells.get(column).strip();
        }
    }

    private ImportFile() {
    }

    /** A header as the layouts compare it: trimmed, lower case, «ё» as «е». */
    static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace('\u0451', '\u0435'); // ё as е: a rule of spelling, not words
    }

    /**
     * Reads the file, keeping the columns whose header's {@link #key(String) key} is among {@code wanted}.
     *
     * @throws Broken if the file cannot be read whole or passes a limit
     * @throws IOException if the stream fails
     */
    static Table read(InputStream content, Set<String> wanted) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first < 0) {
            throw new Broken("the file is empty");
        }
        Rows rows = new Rows(wanted);
        if (first == 'P' && second == 'K') {
            XlsxImport.read(in, rows);
        } else {
            CsvImport.read(in, rows);
        }
        return rows.table();
    }
}
