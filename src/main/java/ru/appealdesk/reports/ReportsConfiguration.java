package ru.appealdesk.reports;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the scheduled reports' tick with the clustered Quartz scheduler, unless reports are switched off. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "appealdesk.reports.enabled", havingValue = "true", matchIfMissing = true)
    JobDetail reportTickJob() {
        return JobBuilder.newJob(ReportTickJob.class).withIdentity("report-tick", "appealdesk").storeDurably()
                .requestRecovery(false).build();
    }

    @Bean
    @ConditionalOnProperty(name = "appealdesk.reports.enabled", havingValue = "true", matchIfMissing = true)
    Trigger reportTickTrigger(JobDetail reportTickJob, ReportsProperties properties) {
        return TriggerBuilder.newTrigger().forJob(reportTickJob).withIdentity("report-tick", "appealdesk")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.tick().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
