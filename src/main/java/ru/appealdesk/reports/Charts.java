package ru.appealdesk.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

import ru.appealdesk.reports.DisciplineReport.Day;

/** The chart image a report carries in the chat: received, closed and overdue per day, as a PNG (JFreeChart). */
@Component
class Charts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

    byte[] days(DisciplineReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Day d : report.days()) {
            String day = DAY.format(d.date());
            data.addValue(d.received(), ReportWords.RECEIVED.text(), day);
            data.addValue(d.closed(), ReportWords.CLOSED.text(), day);
            data.addValue(d.overdue(), ReportWords.OVERDUE.text(), day);
        }
        JFreeChart chart = ChartFactory.createLineChart(ReportWords.DAYS_IMAGE_TITLE.text(
                        DAY.format(report.period().from()), DAY.format(report.period().to())), null,
                ReportWords.COUNT.text(), data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setCategoryLabelPositions(report.days().size() > 10 ? CategoryLabelPositions.UP_45
                : CategoryLabelPositions.STANDARD);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        Color[] colors = {new Color(0x1F77B4), new Color(0x2CA02C), new Color(0xD62728)};
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            renderer.setSeriesShapesVisible(i, report.days().size() <= 31);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, 960, 540);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
