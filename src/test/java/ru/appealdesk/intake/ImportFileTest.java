package ru.appealdesk.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import's reader (issue 22, finding 1): spreadsheets and CSV streamed, only the layouts' columns kept, the
 * limits checked as rows come — a hostile file is refused within seconds and in a small heap.
 */
class ImportFileTest {

    /** 30,000 rows with one {@code x} in column XFD each: the file that stopped the service. */
    static byte[] hostileSheet() throws IOException {
        return Sheets.workbook(30_001, n -> n == 1 ? Sheets.genericHeader()
                : "<row r=\"" + n + "\">" + Sheets.text("XFD" + n, "x") + "</row>", null);
    }

    @Test
    void theHostileSheetIsRefusedAtTheRowLimitWithinSeconds() throws IOException {
        byte[] file = hostileSheet();
        long start = System.nanoTime();

        assertThatThrownBy(() -> read(file)).isInstanceOf(ImportFile.Broken.class)
                .hasMessage("at most 20000 rows per file");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(file.length).isLessThan(400_000);
    }

    @Test
    void theHostileSheetIsRefusedAndALegitimateOneReadInASmallHeap(@TempDir Path dir) throws Exception {
        Path hostile = Files.write(dir.resolve("hostile.xlsx"), hostileSheet());
        Path legitimate = Files.write(dir.resolve("legitimate.xlsx"), Sheets.generic("IMP-", 20_000));

        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), ImportProbe.class.getName(),
                hostile.toString(), legitimate.toString()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("REFUSED at most 20000 rows per file\n", "ROWS 20000\n");
    }

    @Test
    void aWorkbookReadsAsTheUserModelShowedIt() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            Sheet sheet = wb.createSheet("Выгрузка");
            Row head = sheet.createRow(0);
            String[] headers = {"Номер", "Комментарий", "Категория", "Текст", "Дата поступления", "Телефон", "Повтор"};
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            Row one = sheet.createRow(1);
            one.createCell(0).setCellValue(12345);
            one.createCell(1).setCellValue("не читается");
            one.createCell(2).setCellValue("Дороги");
            one.createCell(3).setCellValue("две строки\r\nи «кавычки» \"; _x");
            one.createCell(4).setCellValue(LocalDateTime.of(2028, 3, 15, 10, 30));
            one.getCell(4).setCellStyle(date);
            one.createCell(5).setCellValue(1.5);
            one.createCell(6).setCellFormula("\"DD-\"&A2");
            sheet.createRow(3).createCell(1).setCellValue("только комментарий");
            sheet.createRow(5).createCell(3).setCellValue(" ");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            file = out.toByteArray();
        }

        ImportFile.Table table = read(file);

        assertThat(table.columns()).containsOnlyKeys("номер", "категория", "текст", "дата поступления", "телефон",
                "повтор");
        assertThat(table.lines()).hasSize(2);
        ImportFile.Line line = table.lines().get(0);
        assertThat(line.number()).isEqualTo(2);
        assertThat(cell(table, line, "номер")).isEqualTo("12345");
        assertThat(cell(table, line, "категория")).isEqualTo("Дороги");
        assertThat(cell(table, line, "текст")).isEqualTo("две строки\r\nи «кавычки» \"; _x");
        assertThat(cell(table, line, "дата поступления")).isEqualTo("15.03.2028 10:30");
        assertThat(cell(table, line, "телефон")).isEqualTo("1,5");
        assertThat(cell(table, line, "повтор")).isEqualTo("DD-12345");
        // a row with something only in a column no layout reads is still a row (it is refused for what it lacks)
        assertThat(table.lines().get(1).number()).isEqualTo(4);
        assertThat(table.lines().get(1).cells()).containsOnlyNulls();
    }

    @Test
    void datesOfAWorkbookCountedFrom1904AreRead() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Sheet sheet = wb.createSheet("Выгрузка");
            sheet.createRow(0).createCell(0).setCellValue("Дата поступления");
            // the serial number of 15.03.2028 counted from 1 January 1904
            sheet.createRow(1).createCell(0).setCellValue(
                    org.apache.poi.ss.usermodel.DateUtil.getExcelDate(LocalDateTime.of(2028, 3, 15, 0, 0), true));
            sheet.getRow(1).getCell(0).setCellStyle(date);
            wb.write(out);
            file = out.toByteArray();
        }

        ImportFile.Table table = read(file);

        assertThat(cell(table, table.lines().get(0), "дата поступления")).isEqualTo("15.03.2028 00:00");
    }

    @Test
    void sharedStringsAreBoundedWhateverTheFileClaims() throws IOException {
        String claims = "<sst xmlns=\"" + Sheets.NS + "\" count=\"2000000000\" uniqueCount=\"2000000000\">"
                + "<si><t>Номер</t></si><si><r><t>Кате</t></r><r><t>гория</t></r><rPh><t>カ</t></rPh></si>"
                + "<si><t>Текст</t></si></sst>";
        byte[] file = Sheets.workbook(1, n -> "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                + "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>", claims);

        assertThat(read(file).columns()).containsOnlyKeys("номер", "категория", "текст");

        StringBuilder many = new StringBuilder("<sst xmlns=\"" + Sheets.NS + "\">");
        for (int i = 0; i <= SharedStringsReader.MAX_STRINGS; i++) {
            many.append("<si><t>").append(Integer.toHexString(i * 7919)).append("</t></si>");
        }
        many.append("</sst>");
        byte[] tooMany = Sheets.workbook(1, n -> Sheets.genericHeader(), many.toString());
        assertThatThrownBy(() -> read(tooMany)).hasMessage("more than 500000 shared strings");
    }

    @Test
    void aZipBombATruncatedWorkbookAndEmptyRowsWithoutEndAreRefused() throws IOException {
        byte[] bomb = Sheets.workbook(2, n -> n == 1 ? Sheets.genericHeader() : " ".repeat(20_000_000), null);
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(ImportFile.Broken.class).hasMessageContaining("Zip bomb");

        byte[] whole = Sheets.workbook(100, n -> n == 1 ? Sheets.genericHeader()
                : "<row r=\"" + n + "\">" + Sheets.text("A" + n, "DD-" + n) + "</row>", null);
        assertThat(read(whole).lines()).hasSize(99);
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length - 30))).isInstanceOf(ImportFile.Broken.class)
                .hasMessageContaining("cannot be read whole");

        byte[] empty = Sheets.workbook(40_000, n -> n == 1 ? Sheets.genericHeader() : "<row r=\"" + n + "\"/>", null);
        assertThatThrownBy(() -> read(empty)).hasMessage("more than 20000 empty rows");
    }

    @Test
    void aTenMegabyteLineIsRefusedWithoutBeingReadWhole() {
        Endless in = new Endless("Номер;Категория;Текст\r\n1;roads;", n -> "a".repeat(1000));

        assertThatThrownBy(() -> ImportFile.read(in, ImportController.COLUMNS)).isInstanceOf(ImportFile.Broken.class)
                .hasMessage("a row is longer than 1048576 characters");
        assertThat(in.served).isLessThan(3_000_000);
    }

    @Test
    void millionsOfShortLinesAreRefusedAtTheRowLimitWithoutReadingThemAll() {
        Endless rows = new Endless("Номер;Категория;Текст\r\n", n -> "N-" + n + ";roads;Яма\r\n");
        assertThatThrownBy(() -> ImportFile.read(rows, ImportController.COLUMNS))
                .hasMessage("at most 20000 rows per file");
        assertThat(rows.served).isLessThan(1_000_000);

        Endless empty = new Endless("Номер;Категория;Текст\r\n", n -> "\r\n");
        assertThatThrownBy(() -> ImportFile.read(empty, ImportController.COLUMNS))
                .hasMessage("more than 20000 empty rows");
    }

    @Test
    void csvIsReadAsRfc4180WithEitherSeparator() throws IOException {
        ImportFile.Table table = read(("\uFEFFНомер,Категория,Текст,Лишнее\r\n"
                + "DD-1,roads,\"Яма; \"\"глубокая\"\"\r\n\r\nу дома\",x\n\n"
                + ",,,только лишнее\r\n"
                + "DD-2,waste,Мусор").getBytes(StandardCharsets.UTF_8));

        assertThat(table.lines()).extracting(ImportFile.Line::number).containsExactly(2, 4, 5);
        assertThat(cell(table, table.lines().get(0), "текст")).isEqualTo("Яма; \"глубокая\"\r\n\r\nу дома");
        assertThat(cell(table, table.lines().get(2), "номер")).isEqualTo("DD-2");

        assertThatThrownBy(() -> read("Номер;Текст\r\n1;\"Яма".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the file ends inside a quoted cell: it is truncated");
        assertThatThrownBy(() -> read("Номер;Текст\r\n1;2;3\r\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("row 2 has more cells (3) than the header (2)");
        assertThatThrownBy(() -> read(new byte[] {'N', ';', (byte) 0xC3, (byte) 0x28}))
                .hasMessage("the file is neither an XLSX workbook nor a UTF-8 CSV");
        assertThatThrownBy(() -> read(";\r\n1;2\r\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the first row must name the columns");
        assertThatThrownBy(() -> read(new byte[0])).hasMessage("the file is empty");
    }

    private static ImportFile.Table read(byte[] file) throws IOException {
        return ImportFile.read(new ByteArrayInputStream(file), ImportController.COLUMNS);
    }

    private static String cell(ImportFile.Table table, ImportFile.Line line, String key) {
        return line.cell(table.columns().getOrDefault(key, -1));
    }

    /** A CSV without end: a head, then pieces made on demand; counts the bytes it served. */
    private static final class Endless extends InputStream {

        private final java.util.function.IntFunction<String> piece;
        private byte[] current;
        private int position;
        private int pieces;
        long served;

        Endless(String head, java.util.function.IntFunction<String> piece) {
            this.piece = piece;
            this.current = head.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            if (position == current.length) {
                current = piece.apply(++pieces).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            served++;
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                b[off + n++] = (byte) read();
            }
            return n;
        }
    }
}
