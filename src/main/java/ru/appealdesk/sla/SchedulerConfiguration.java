package ru.appealdesk.sla;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the timer tick with the clustered Quartz scheduler (JDBC job store in PostgreSQL). */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    JobDetail timerTickJob() {
        return JobBuilder.newJob(TimerTickJob.class).withIdentity("timer-tick", "appealdesk").storeDurably()
                .requestRecovery(false).build();
    }

    @Bean
    Trigger timerTickTrigger(JobDetail timerTickJob, SlaProperties properties) {
        Duration tick = properties.tick();
        return TriggerBuilder.newTrigger().forJob(timerTickJob).withIdentity("timer-tick", "appealdesk")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(tick.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
