package ru.appealdesk.sla;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind the timers: run every {@code appealdesk.scheduler.tick} by the clustered scheduler, never
 * twice at once across instances.
 */
@DisallowConcurrentExecution
public class TimerTickJob extends QuartzJobBean {

    private TimerTick tick;

    @Autowired
    void setTick(TimerTick tick) {
        this.tick = tick;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        tick.run();
    }
}
