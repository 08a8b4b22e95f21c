package ru.appealdesk.reports;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The clustered Quartz job that sends scheduled reports and new-appeals digests that are due; never twice at once
 * across instances.
 */
@DisallowConcurrentExecution
public class ReportTickJob extends QuartzJobBean {

    private ScheduledReports reports;
    private NewAppealsDigests digests;

    @Autowired
    void setReports(ScheduledReports reports, NewAppealsDigests digests) {
        this.reports = reports;
        this.digests = digests;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        reports.runDue();
        digests.runDue();
    }
}
