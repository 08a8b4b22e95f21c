package ru.appealdesk.reports;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled reports: on, looked for every minute, unless set otherwise. */
class ReportsPropertiesTest {

    private static ReportsProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.reports", ReportsProperties.class, values);
    }

    @Test
    void defaultsAndKeys() {
        assertThat(bind(Map.of())).isEqualTo(new ReportsProperties(true, Duration.ofMinutes(1)));
        assertThat(bind(Map.of("appealdesk.reports.enabled", "false", "appealdesk.reports.tick", "30s")))
                .isEqualTo(new ReportsProperties(false, Duration.ofSeconds(30)));
    }

    @Test
    void aTickThatIsNotPositiveStopsTheStartUpNamingTheKey() {
        assertThat(Settings.reason("appealdesk.reports.tick", "0s")).isEqualTo("must be positive");
    }
}
