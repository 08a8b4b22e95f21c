package ru.appealdesk.sla;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the timer tick with the clustered Quartz scheduler (JDBC job store in PostgreSQL), unless
 * {@code appealdesk.scheduler.enabled} is off.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    static final TriggerKey TRIGGER = TriggerKey.triggerKey("timer-tick", "appealdesk");
    private static final String ENABLED = "appealdesk.scheduler.enabled";

    @Bean
    JobDetail timerTickJob() {
        return JobBuilder.newJob(TimerTickJob.class).withIdentity("timer-tick", "appealdesk").storeDurably()
                .requestRecovery(false).build();
    }

    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
    Trigger timerTickTrigger(JobDetail timerTickJob, SlaProperties properties) {
        Duration tick = properties.tick();
        return TriggerBuilder.newTrigger().forJob(timerTickJob).withIdentity(TRIGGER)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(tick.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Off: a trigger an earlier start stored in the job store would go on firing, so it is removed. */
    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "false")
    ApplicationRunner timerTickTriggerRemoved(Scheduler scheduler) {
        return arguments -> scheduler.unscheduleJob(TRIGGER);
    }
}
