package ru.appealdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

/** The dashboard's settings as Spring Boot binds them: the session's lifetimes. */
class DashboardPropertiesTest {

    @Test
    void sessionsLastTwelveHoursAtMostAndThirtyMinutesWithoutARequest() {
        DashboardProperties defaults = bind(Map.of());
        assertThat(defaults.sessionTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(defaults.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(bind(Map.of("appealdesk.dashboard.session-idle-timeout", "2h")).sessionIdleTimeout())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anIdleTimeoutUnderTwoMinutesOrOverTheLifetimeStopsTheStartUp() {
        for (String wrong : new String[] {"1m", "0s", "-5m"}) {
            assertThatThrownBy(() -> bind(Map.of("appealdesk.dashboard.session-idle-timeout", wrong)))
                    .hasStackTraceContaining("session-idle-timeout must be at least 2m");
        }
        assertThatThrownBy(() -> bind(Map.of("appealdesk.dashboard.session-ttl", "1h",
                "appealdesk.dashboard.session-idle-timeout", "2h")))
                .hasStackTraceContaining("at most session-ttl");
    }

    private static DashboardProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.dashboard", DashboardProperties.class, values);
    }
}
