package ru.appealdesk.sla;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/** The timer tick: 5 s unless set, never a busy loop, run by the scheduler unless switched off. */
class SlaPropertiesTest {

    private static SlaProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.scheduler", SlaProperties.class, values);
    }

    @Test
    void theTickDefaultsToFiveSecondsAndIsBoundFromItsKeyAndItsVariable() {
        assertThat(bind(Map.of()).tick()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bind(Map.of("appealdesk.scheduler.tick", "2s")).tick()).isEqualTo(Duration.ofSeconds(2));
        assertThat(Settings.bind(SlaProperties.class, Map.of(), Map.of("APPEALDESK_SCHEDULER_TICK", "3s")).tick())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theSchedulerRunsTheTickByItselfUnlessSwitchedOff() {
        assertThat(bind(Map.of()).enabled()).isTrue();
        assertThat(bind(Map.of("appealdesk.scheduler.enabled", "false")).enabled()).isFalse();
    }

    @Test
    void aTickUnderATenthOfASecondStopsTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.scheduler.tick", "10ms")).isEqualTo("must be at least 100ms");
    }
}
