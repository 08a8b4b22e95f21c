package ru.appealdesk.sla;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

/**
 * A tick cut short by the service's stop is not an error (issue 26: an ERROR line means someone must act): its
 * transaction rolled back and the next tick fires its timers. A failure while the service runs still is one.
 */
class TimerTickJobTest {

    private final TimerTick tick = mock(TimerTick.class);
    private final Scheduler scheduler = mock(Scheduler.class);
    private final JobExecutionContext context = mock(JobExecutionContext.class);
    private final TimerTickJob job = new TimerTickJob();

    TimerTickJobTest() {
        job.setTick(tick);
        when(context.getScheduler()).thenReturn(scheduler);
        doThrow(new IllegalStateException("Session/EntityManager is closed")).when(tick).run();
    }

    @Test
    void aTickCutShortByTheStopIsNotAnError() throws Exception {
        when(scheduler.isInStandbyMode()).thenReturn(true);
        assertThatCode(() -> job.executeInternal(context)).doesNotThrowAnyException();
    }

    @Test
    void aTickThatFailsWhileTheServiceRunsIsAnError() throws Exception {
        when(scheduler.isShutdown()).thenReturn(false);
        when(scheduler.isInStandbyMode()).thenReturn(false);
        assertThatThrownBy(() -> job.executeInternal(context)).isInstanceOf(IllegalStateException.class);
    }
}
