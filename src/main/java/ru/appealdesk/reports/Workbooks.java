package ru.appealdesk.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Source;
import ru.appealdesk.reports.DisciplineReport.Day;

/**
 * The discipline report as an Excel workbook (PRODUCT.md §11): a summary sheet with native charts (received /
 * closed / overdue per day; by department), then one sheet per table with frozen headers and filters, and the list
 * of appeals streamed (SXSSF) so that a long period keeps memory flat. Dates are dates, numbers are numbers.
 */
@Component
class Workbooks {

    private static final DateTimeFormatter DATE = ru.appealdesk.directory.Organization.DATE;
    static final List<String> ROW_HEADERS = Stream.of(ReportWords.DEPARTMENT, ReportWords.EXECUTOR,
            ReportWords.RECEIVED, ReportWords.ON_TIME, ReportWords.LATE, ReportWords.OVERDUE_NOW, ReportWords.REOPENED,
            ReportWords.CLAIM_MISSES, ReportWords.MEDIAN_HOURS, ReportWords.CLARIFICATIONS).map(ReportWords::text).toList();

    private final Reports reports;

    Workbooks(Reports reports) {
        this.reports = reports;
    }

    byte[] discipline(DisciplineReport r, Set<String> departments) {
        return discipline(r, departments, null);
    }

    /** The workbook; its list of appeals holds those of these departments and sources (each null for all). */
    byte[] discipline(DisciplineReport r, Set<String> departments, Set<Source> sources) {
        XSSFWorkbook base = new XSSFWorkbook();
        Styles styles = new Styles(base);
        XSSFSheet summary = base.createSheet(ReportWords.SUMMARY_SHEET.text());
        summary(summary, r, styles);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(base, 500)) {
            table(wb.createSheet(ReportWords.BY_EXECUTOR.text()), r.executors(), true, styles);
            table(wb.createSheet(ReportWords.BY_DEPARTMENT.text()), r.departments(), false, styles);
            days(wb.createSheet(ReportWords.BY_DAY.text()), r.days(), styles);
            lateStages(wb.createSheet(ReportWords.STAGES_SHEET.text()), r.lateStages(), styles);
            appeals(wb.createSheet(ReportWords.APPEALS.text()), r.period(), departments, sources, styles);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(XSSFSheet sheet, DisciplineReport r, Styles s) {
        sheet.createRow(0).createCell(0).setCellValue(ReportWords.DISCIPLINE_TITLE.text(
                DATE.format(r.period().from()), DATE.format(r.period().to())));
        sheet.getRow(0).getCell(0).setCellStyle(s.title);
        DisciplineReport.Row t = r.total();
        Object[] values = {t.received(), t.onTime(), t.late(), t.overdueNow(), t.reopened(), t.claimMisses(),
                t.medianHours(), t.clarifications()};
        Object[][] totals = new Object[values.length][];
        for (int i = 0; i < values.length; i++) {
            totals[i] = new Object[] {ROW_HEADERS.get(2 + i), values[i]};
        }
        for (int i = 0; i < totals.length; i++) {
            Row row = sheet.createRow(2 + i);
            row.createCell(0).setCellValue((String) totals[i][0]);
            number(row.createCell(1), totals[i][1], s);
        }
        // the series the charts draw: days from column E, departments from column J
        int firstDay = 2;
        Row head = sheet.getRow(firstDay - 1) == null ? sheet.createRow(firstDay - 1) : sheet.getRow(firstDay - 1);
        header(head, 4, Stream.of(ReportWords.DATE, ReportWords.RECEIVED, ReportWords.CLOSED,
                ReportWords.OVERDUE).map(ReportWords::text).toList(), s);
        header(head, 9, Stream.of(ReportWords.DEPARTMENT, ReportWords.RECEIVED,
                ReportWords.LATE_SHORT, ReportWords.OVERDUE_NOW).map(ReportWords::text).toList(), s);
        List<Day> days = r.days();
        for (int i = 0; i < days.size(); i++) {
            Row row = rowAt(sheet, firstDay + i);
            Cell date = row.createCell(4);
            date.setCellValue(days.get(i).date());
            date.setCellStyle(s.date);
            row.createCell(5).setCellValue(days.get(i).received());
            row.createCell(6).setCellValue(days.get(i).closed());
            row.createCell(7).setCellValue(days.get(i).overdue());
        }
        List<DisciplineReport.Row> depts = r.departments();
        for (int i = 0; i < depts.size(); i++) {
            Row row = rowAt(sheet, firstDay + i);
            row.createCell(9).setCellValue(depts.get(i).department());
            row.createCell(10).setCellValue(depts.get(i).received());
            row.createCell(11).setCellValue(depts.get(i).late());
            row.createCell(12).setCellValue(depts.get(i).overdueNow());
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(4, 12 * 256);
        for (int c : new int[] {5, 6, 7, 10, 11, 12}) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.setColumnWidth(9, 40 * 256);
        // printed (or exported to PDF) on one landscape page wide
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 1);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int below = firstDay + Math.max(Math.max(days.size(), depts.size()), 8) + 2;
        if (!days.isEmpty()) {
            lineChart(sheet, drawing, firstDay, days.size(), new XSSFClientAnchor(0, 0, 0, 0, 0, below, 9, below + 20));
        }
        if (!depts.isEmpty()) {
            barChart(sheet, drawing, firstDay, depts.size(), new XSSFClientAnchor(0, 0, 0, 0, 0, below + 21, 9,
                    below + 21 + Math.max(16, depts.size() * 2)));
        }
    }

    private static void lineChart(XSSFSheet sheet, XSSFDrawing drawing, int first, int n, XSSFClientAnchor at) {
        XSSFChart chart = drawing.createChart(at);
        chart.setTitleText(ReportWords.DAYS_CHART.text());
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        XDDFDataSource<Double> dates = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, first + n - 1, 4, 4));
        XDDFChartData data = chart.createData(ChartTypes.LINE, x, y);
        for (int col = 5; col <= 7; col++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, first + n - 1, col, col));
            org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series series =
                    (org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) data.addSeries(dates, values);
            series.setTitle(new String[] {ReportWords.RECEIVED.text(), ReportWords.CLOSED.text(), ReportWords.OVERDUE.text()}[col - 5], null);
            series.setSmooth(false);
            series.setMarkerStyle(org.apache.poi.xddf.usermodel.chart.MarkerStyle.NONE);
            org.apache.poi.xddf.usermodel.XDDFLineProperties line = new org.apache.poi.xddf.usermodel.XDDFLineProperties();
            line.setFillProperties(fill(SERIES_COLORS[col - 5]));
            line.setWidth(2.25);
            series.setLineProperties(line);
        }
        chart.plot(data);
    }

    private static void barChart(XSSFSheet sheet, XSSFDrawing drawing, int first, int n, XSSFClientAnchor at) {
        XSSFChart chart = drawing.createChart(at);
        chart.setTitleText(ReportWords.BY_DEPARTMENT.text());
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, first + n - 1, 9, 9));
        y.setCrosses(org.apache.poi.xddf.usermodel.chart.AxisCrosses.AUTO_ZERO);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        for (int col = 10; col <= 12; col++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, first + n - 1, col, col));
            XDDFChartData.Series series = data.addSeries(names, values);
            series.setTitle(new String[] {ReportWords.RECEIVED.text(), ReportWords.LATE_SHORT.text(),
                    ReportWords.OVERDUE_NOW.text()}[col - 10], null);
            series.setFillProperties(fill(SERIES_COLORS[col == 10 ? 0 : col == 11 ? 3 : 2]));
        }
        chart.plot(data);
    }

    /** Blue, green, red, orange: received, closed, overdue, late. */
    private static final byte[][] SERIES_COLORS = {{0x1F, 0x77, (byte) 0xB4}, {0x2C, (byte) 0xA0, 0x2C},
            {(byte) 0xD6, 0x27, 0x28}, {(byte) 0xFF, 0x7F, 0x0E}};

    private static org.apache.poi.xddf.usermodel.XDDFSolidFillProperties fill(byte[] rgb) {
        return new org.apache.poi.xddf.usermodel.XDDFSolidFillProperties(
                org.apache.poi.xddf.usermodel.XDDFColor.from(rgb));
    }

    private static void table(Sheet sheet, List<DisciplineReport.Row> rows, boolean withExecutor, Styles s) {
        List<String> headers = withExecutor ? ROW_HEADERS : ROW_HEADERS.stream().filter(h -> !h.equals(ReportWords.EXECUTOR.text()))
                .toList();
        header(sheet.createRow(0), 0, headers, s);
        for (int i = 0; i < rows.size(); i++) {
            DisciplineReport.Row r = rows.get(i);
            Row row = sheet.createRow(i + 1);
            int c = 0;
            row.createCell(c++).setCellValue(r.department());
            if (withExecutor) {
                row.createCell(c++).setCellValue(r.executor());
            }
            for (Object v : new Object[] {r.received(), r.onTime(), r.late(), r.overdueNow(), r.reopened(),
                    r.claimMisses(), r.medianHours(), r.clarifications()}) {
                number(row.createCell(c++), v, s);
            }
        }
        finish(sheet, headers.size(), rows.size(), withExecutor ? new int[] {40, 22} : new int[] {40});
    }

    private static void days(Sheet sheet, List<Day> days, Styles s) {
        header(sheet.createRow(0), 0, Stream.of(ReportWords.DATE, ReportWords.RECEIVED, ReportWords.CLOSED,
                ReportWords.OVERDUE).map(ReportWords::text).toList(), s);
        for (int i = 0; i < days.size(); i++) {
            Row row = sheet.createRow(i + 1);
            Cell date = row.createCell(0);
            date.setCellValue(days.get(i).date());
            date.setCellStyle(s.date);
            row.createCell(1).setCellValue(days.get(i).received());
            row.createCell(2).setCellValue(days.get(i).closed());
            row.createCell(3).setCellValue(days.get(i).overdue());
        }
        finish(sheet, 4, days.size(), new int[] {12});
    }

    /** Every appeal of the period, one row each, written as it is read. */
    private void appeals(Sheet sheet, Period period, Set<String> departments, Set<Source> sources, Styles s) {
        List<String> headers = Stream.of(ReportWords.NUMBER, ReportWords.SOURCE, ReportWords.CATEGORY,
                ReportWords.DEPARTMENT, ReportWords.EXECUTOR, ReportWords.RECEIVED, ReportWords.ANSWER_DUE,
                ReportWords.STATUS).map(ReportWords::text).toList();
        header(sheet.createRow(0), 0, headers, s);
        int[] next = {1};
        reports.eachAppeal(period, departments, sources, a -> {
            Row row = sheet.createRow(next[0]++);
            row.createCell(0).setCellValue(a.externalId());
            row.createCell(1).setCellValue(a.source().title());
            row.createCell(2).setCellValue(reports.categoryTitle(a.category()));
            row.createCell(3).setCellValue(reports.departmentName(a.departmentId()));
            row.createCell(4).setCellValue(reports.staffName(a.executorId()));
            dateTime(row.createCell(5), a.receivedAt(), s);
            dateTime(row.createCell(6), a.answerDueAt(), s);
            row.createCell(7).setCellValue(a.status().title());
        });
        finish(sheet, headers.size(), next[0] - 1, new int[] {22, 14, 34, 34, 18, 17, 17, 30});
    }

    /** The column titles of the stages that overran their terms (PRODUCT.md §13.2). */
    static final List<String> STAGE_HEADERS = Stream.of(ReportWords.NUMBER, ReportWords.SOURCE,
            ReportWords.DEPARTMENT, ReportWords.STAGE, ReportWords.HOLDER, ReportWords.STAGE_TERM,
            ReportWords.STAGE_ENDED, ReportWords.LATE_MINUTES).map(ReportWords::text).toList();

    private void lateStages(Sheet sheet, List<DisciplineReport.StageLate> stages, Styles s) {
        header(sheet.createRow(0), 0, STAGE_HEADERS, s);
        for (int i = 0; i < stages.size(); i++) {
            DisciplineReport.StageLate l = stages.get(i);
            Row row = sheet.createRow(i + 1);
            row.createCell(0).setCellValue(l.number());
            row.createCell(1).setCellValue(l.source().title());
            row.createCell(2).setCellValue(reports.departmentName(l.departmentId()));
            row.createCell(3).setCellValue(ReportWords.stage(l.stage()).text());
            row.createCell(4).setCellValue(l.holder());
            dateTime(row.createCell(5), l.term(), s);
            dateTime(row.createCell(6), l.endedAt(), s);
            row.createCell(7).setCellValue(l.lateMinutes());
        }
        finish(sheet, STAGE_HEADERS.size(), stages.size(), new int[] {22, 14, 34, 26, 22, 17, 17, 16});
    }

    private void dateTime(Cell cell, java.time.Instant instant, Styles s) {
        if (instant != null) {
            cell.setCellValue(LocalDateTime.ofInstant(instant, reports.zone()));
            cell.setCellStyle(s.dateTime);
        }
    }

    private static void finish(Sheet sheet, int columns, int rows, int[] widths) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows, 1), 0, columns - 1));
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, (i < widths.length ? widths[i] : 16) * 256);
        }
    }

    private static void header(Row row, int from, List<String> titles, Styles s) {
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(from + i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(s.header);
        }
    }

    private static void number(Cell cell, Object value, Styles s) {
        if (value instanceof Long l) {
            cell.setCellValue(l);
        } else if (value instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(s.decimal);
        }
    }

    private static Row rowAt(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    /** The workbook's few styles, made once. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle decimal;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            short dateFormat = wb.createDataFormat().getFormat("dd.mm.yyyy");
            date = wb.createCellStyle();
            date.setDataFormat(dateFormat);
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        }
    }
}
