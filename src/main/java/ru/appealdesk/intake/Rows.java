package ru.appealdesk.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of an import as its reader finds them: the header row picks the columns to keep, then each data row is
 * counted, checked against the limits and kept (the wanted columns only). Shared by {@link CsvImport} and
 * {@link XlsxImport}.
 */
final class Rows {

    private final Set<String> wanted;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Map<Integer, Integer> positions = new HashMap<>();
    private final List<ImportFile.Line> lines = new ArrayList<>();
    private boolean headerSeen;
    private boolean headerNamed;
    private int empty;
    private long chars;

    Rows(Set<String> wanted) {
        this.wanted = wanted;
    }

    boolean inHeader() {
        return !headerSeen;
    }

    /** A cell of the header row, in the file's column {@code column} (from 0). */
    void header(int column, String text) {
        if (!text.isBlank()) {
            headerNamed = true;
            String key = ImportFile.key(text);
            if (wanted.contains(key) && !columns.containsKey(key)) {
                positions.put(column, columns.size());
                columns.put(key, columns.size());
            }
        }
    }

    void endHeader() {
        headerSeen = true;
        if (!headerNamed) {
            throw new ImportFile.Broken("the first row must name the columns");
        }
    }

    /** The position in a row's cells of the file's column {@code column}, or -1 when it is not kept. */
    int position(int column) {
        Integer position = positions.get(column);
        return position == null ? -1 : position;
    }

    /** A new row's cells, one per kept column. */
    String[] newCells() {
        return new String[columns.size()];
    }

    /** A data row; {@code anything} says whether any cell of it, kept or not, holds something. */
    void row(int number, String[] cells, boolean anything) {
        if (!anything) {
            if (++empty > ImportFile.MAX_EMPTY_ROWS) {
                throw new ImportFile.Broken("more than " + ImportFile.MAX_EMPTY_ROWS + " empty rows");
            }
            return;
        }
        if (lines.size() == ImportFile.MAX_ROWS) {
            throw new ImportFile.Broken("at most " + ImportFile.MAX_ROWS + " rows per file");
        }
        for (String cell : cells) {
            chars += cell == null ? 0 : cell.length();
        }
        if (chars > ImportFile.MAX_TEXT_CHARS) {
            throw new ImportFile.Broken("more than " + ImportFile.MAX_TEXT_CHARS + " characters in the columns read");
        }
        lines.add(new ImportFile.Line(number, Arrays.asList(cells)));
    }

    ImportFile.Table table() {
        if (!headerSeen) {
            throw new ImportFile.Broken("the first row must name the columns");
        }
        return new ImportFile.Table(Map.copyOf(columns), lines);
    }
}
