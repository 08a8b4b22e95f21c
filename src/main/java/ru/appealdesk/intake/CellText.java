package ru.appealdesk.intake;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The text of an XLSX cell from its type, raw value and style, as the user model's {@code DataFormatter} shows it
 * (Russian locale), except that a date is ДД.ММ.ГГГГ ЧЧ:ММ.
 */
final class CellText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private final List<String> strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final DataFormatter format = new DataFormatter(Locale.forLanguageTag("ru"));

    CellText(List<String> strings, StylesTable styles, boolean date1904) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /** The cell's text as the user model's DataFormatter shows it (dates as ДД.ММ.ГГГГ ЧЧ:ММ). */
    String text(String type, String raw, String style, int row) {
        return switch (type) {
            case "s" -> sharedString(raw.strip(), row);
            case "inlineStr", "str" -> decoded(raw);
            case "b" -> raw.isEmpty() ? "" : raw.strip().equals("1") ? "TRUE" : "FALSE";
            case "e", "d" -> raw;
            default -> raw.isBlank() ? "" : number(raw.strip(), style, row);
        };
    }

    private String sharedString(String index, int row) {
        try {
            return strings.get(Integer.parseInt(index));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new ImportFile.Broken("row " + row + " refers to a shared string the workbook does not have");
        }
    }

    private String number(String raw, String style, int row) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new ImportFile.Broken("row " + row + " has a number that is not one");
        }
        int index = 0;
        String pattern = null;
        if (styles != null && style != null) {
            int s = integer(style);
            if (s >= 0 && s < styles.getNumCellStyles()) {
                XSSFCellStyle cellStyle = styles.getStyleAt(s);
                index = cellStyle.getDataFormat();
                pattern = cellStyle.getDataFormatString();
            }
        }
        if (pattern == null) {
            pattern = BuiltinFormats.getBuiltinFormat(index);
        }
        if (pattern != null && DateUtil.isADateFormat(index, pattern) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, date1904).format(DATE);
        }
        return pattern == null ? format.formatRawCellContents(value, 0, "General")
                : format.formatRawCellContents(value, index, pattern);
    }

    static int integer(String attribute) {
        try {
            return Integer.parseInt(attribute.strip());
        } catch (NumberFormatException e) {
            throw new ImportFile.Broken("the sheet has a row or style number that is not one: is it complete?");
        }
    }

    /** OOXML's escapes of characters XML cannot hold ({@code _x000D_}), as POI's user model decodes them. */
    static String decoded(String value) {
        if (!value.contains("_x")) {
            return value;
        }
        Matcher m = ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }
}
