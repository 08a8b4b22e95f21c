package ru.appealdesk.intake;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV export read record by record with Apache Commons CSV: UTF-8 (a byte-order mark is skipped), {@code ;} or
 * {@code ,} — whichever the first line has more of — RFC 4180 quotes. A record longer than
 * {@link #MAX_RECORD_CHARS} is refused while it is being read, so a 10 MB line is never held whole.
 */
final class CsvImport {

    /** Characters of one record (all its cells, quotes and separators). */
    static final int MAX_RECORD_CHARS = 1024 * 1024;

    private CsvImport() {
    }

    static void read(InputStream content, Rows rows) throws IOException {
        Counting counting = new Counting(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        BufferedReader reader = new BufferedReader(counting);
        try {
            skipByteOrderMark(reader);
            char separator = separator(reader);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setTrailingData(true).get();
            counting.startRecord();
            int headerSize = -1;
            for (CSVRecord record : CSVParser.builder().setReader(reader).setFormat(format).get()) {
                if (headerSize < 0) {
                    headerSize = record.size();
                    for (int i = 0; i < record.size(); i++) {
                        rows.header(i, record.get(i));
                    }
                    rows.endHeader();
                } else {
                    row(record, headerSize, rows);
                }
                counting.startRecord();
            }
            if (headerSize < 0) {
                throw new ImportFile.Broken("the file has no rows");
            }
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8();
            }
            String message = String.valueOf(e.getCause().getMessage());
            throw new ImportFile.Broken(message.contains("EOF reached before encapsulated token finished")
                    ? "the file ends inside a quoted cell: it is truncated" : "the CSV cannot be read: " + message);
        }
    }

    private static void row(CSVRecord record, int headerSize, Rows rows) {
        int number = Math.toIntExact(record.getRecordNumber());
        if (record.size() > headerSize) {
            throw new ImportFile.Broken("row " + number + " has more cells (" + record.size() + ") than the header ("
                    + headerSize + ")");
        }
        String[] cells = rows.newCells();
        boolean anything = false;
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.length() > ImportFile.MAX_CELL_CHARS) {
                throw new ImportFile.Broken("row " + number + " has a cell longer than " + ImportFile.MAX_CELL_CHARS
                        + " characters");
            }
            anything |= !value.isBlank();
            int position = rows.position(i);
            if (position >= 0) {
                cells[position] = value;
            }
        }
        rows.row(number, cells, anything);
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** {@code ;} unless the first line has more commas than semicolons. */
    private static char separator(BufferedReader reader) throws IOException {
        reader.mark(MAX_RECORD_CHARS);
        int semicolons = 0;
        int commas = 0;
        for (int i = 0, ch = reader.read(); ch >= 0 && ch != '\n' && i < MAX_RECORD_CHARS; i++, ch = reader.read()) {
            semicolons += ch == ';' ? 1 : 0;
            commas += ch == ',' ? 1 : 0;
        }
        reader.reset();
        return semicolons >= commas ? ';' : ',';
    }

    private static ImportFile.Broken notUtf8() {
        return new ImportFile.Broken("the file is neither an XLSX workbook nor a UTF-8 CSV");
    }

    /** Counts the characters read since the current record began and refuses a record that grows too long. */
    private static final class Counting extends FilterReader {

        private long read;
        private long recordStart;

        Counting(Reader in) {
            super(in);
        }

        void startRecord() {
            recordStart = read;
        }

        @Override
        public int read() throws IOException {
            int ch = super.read();
            count(ch < 0 ? 0 : 1);
            return ch;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read - recordStart > MAX_RECORD_CHARS + 2L * 8192) {
                throw new ImportFile.Broken("a row is longer than " + MAX_RECORD_CHARS + " characters");
            }
        }
    }
}
