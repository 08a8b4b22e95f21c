package ru.appealdesk.reports;

import org.springframework.stereotype.Component;

/** The discipline report's chart image and workbook for a period, for the whole organisation. */
@Component
public class ReportArtifacts {

    private final Reports reports;
    private final Workbooks workbooks;
    private final Charts charts;

    ReportArtifacts(Reports reports, Workbooks workbooks, Charts charts) {
        this.reports = reports;
        this.workbooks = workbooks;
        this.charts = charts;
    }

    public byte[] chart(Period period) {
        return charts.days(reports.discipline(period, null));
    }

    public byte[] workbook(Period period) {
        return workbooks.discipline(reports.discipline(period, null), null);
    }
}
