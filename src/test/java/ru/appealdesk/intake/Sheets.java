package ru.appealdesk.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** XLSX files written by hand for the import's tests: exactly the XML a test needs, rows generated as they go. */
final class Sheets {

    static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private Sheets() {
    }

    /** A workbook of one sheet: {@code row.apply(n)} is the XML of the {@code <row>}s numbered n (1..rows). */
    static byte[] workbook(int rows, IntFunction<String> row, String sharedStrings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + NS
                    + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Выгрузка\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + "</Relationships>");
            if (sharedStrings != null) {
                entry(zip, "xl/sharedStrings.xml", sharedStrings);
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS + "\"><sheetData>");
            for (int n = 1; n <= rows; n++) {
                out.write(row.apply(n));
            }
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * A legitimate export in the generic layout with shared strings, as Excel writes it (POI's SXSSF, so that a 256 MiB
     * heap can make it): {@code rows} rows numbered {@code prefix1..}, received 15.03.2028 10:00.
     */
    static byte[] legitimate(String prefix, int rows) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Выгрузка");
            String[] headers = {"Номер", "Категория", "Текст", "Адрес", "Дата поступления", "Приоритет",
                    "Заявитель", "Телефон", "E-mail"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            for (int n = 1; n <= rows; n++) {
                String[] values = {prefix + n, n % 2 == 0 ? "education" : "Детские сады", "Не работает отопление в "
                        + "группе № " + n + ", в помещении 14 градусов, дети сидят в куртках; просим проверить котельную "
                        + "и трубы в подвале", "г. Руза, ул. Школьная, " + n, "15.03.2028 10:00", "Обычный",
                        "Заявитель " + n, "+7 999 000-00-00", "a" + n + "@example.ru"};
                Row row = sheet.createRow(n);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /**
     * The same kind of export written directly (fast): the generic layout's columns, number, text and address of
     * each row in the shared strings, the category inline.
     */
    static byte[] generic(String prefix, int rows) throws IOException {
        StringBuilder strings = new StringBuilder("<sst xmlns=\"" + NS + "\">");
        for (int n = 1; n <= rows; n++) {
            strings.append("<si><t>").append(prefix).append(n).append("</t></si><si><t>Не работает отопление в группе № ")
                    .append(n).append(", в помещении 14 градусов</t></si><si><t>г. Руза, ул. Школьная, ").append(n)
                    .append("</t></si>");
        }
        strings.append("</sst>");
        return workbook(rows + 1, n -> n == 1 ? "<row r=\"1\">" + text("A1", "Номер") + text("B1", "Категория")
                + text("C1", "Текст") + text("D1", "Адрес") + "</row>"
                : "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>" + 3 * (n - 2) + "</v></c>"
                + text("B" + n, "education") + "<c r=\"C" + n + "\" t=\"s\"><v>" + (3 * (n - 2) + 1) + "</v></c>"
                + "<c r=\"D" + n + "\" t=\"s\"><v>" + (3 * (n - 2) + 2) + "</v></c></row>", strings.toString());
    }

    /** An inline-string cell. */
    static String text(String ref, String value) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    }

    /** The header row of the generic layout's required columns. */
    static String genericHeader() {
        return "<row r=\"1\">" + text("A1", "Номер") + text("B1", "Категория") + text("C1", "Текст") + "</row>";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
