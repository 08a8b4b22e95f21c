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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TimerTickJob.class);
    private TimerTick tick;

    @Autowired
    void setTick(TimerTick tick) {
        this.tick = tick;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            tick.run();
        } catch (RuntimeException e) {
            if (!stopping(context)) {
                throw e;
            }
            // the service is stopping under the tick (its database connections closing): the tick's transaction
            // rolled back and its timers are still due, so the next tick, here or on another instance, fires them
            log.info("The timer tick was cut short by the service's stop; its timers fire at the next tick: {}",
                    ru.appealdesk.logging.LogSafe.safe(e));
        }
    }

    private static boolean stopping(JobExecutionContext context) {
        try {
            return context.getScheduler().isShutdown() || context.getScheduler().isInStandbyMode();
        } catch (org.quartz.SchedulerException e) {
            return true;
        }
    }
}
