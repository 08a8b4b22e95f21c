package ru.appealdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

/** The dashboard's settings as Spring Boot binds them: the public address and the session's lifetimes. */
class DashboardPropertiesTest {

    @Test
    void sessionsLastTwelveHoursAtMostAndThirtyMinutesWithoutARequest() {
        DashboardProperties defaults = bind(Map.of());
        assertThat(defaults.sessionTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(defaults.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.initDataMaxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.publicUrl()).isNull();
        assertThat(bind(Map.of("appealdesk.dashboard.session-idle-timeout", "2h")).sessionIdleTimeout())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void thePublicAddressComesFromItsVariable() {
        DashboardProperties properties = Settings.bind(DashboardProperties.class, Map.of(),
                Map.of("APPEALDESK_PUBLIC_URL", "https://appeals.example.ru/"));
        assertThat(properties.publicUrl()).isEqualTo(URI.create("https://appeals.example.ru/"));
        assertThat(properties.at("/app/")).isEqualTo("https://appeals.example.ru/app/");
        assertThat(properties.miniAppPossible()).isTrue();
    }

    @Test
    void anIdleTimeoutUnderTwoMinutesOrOverTheLifetimeStopsTheStartUp() {
        for (String wrong : new String[] {"1m", "0s", "-5m"}) {
            assertThat(Settings.reason("appealdesk.dashboard.session-idle-timeout", wrong))
                    .isEqualTo("must be at least 2m");
        }
        assertThat(Settings.refusal(Map.of("appealdesk.dashboard.session-ttl", "1h",
                "appealdesk.dashboard.session-idle-timeout", "2h")))
                .contains("Reason: appealdesk.dashboard.session-idle-timeout must be at most session-ttl");
    }

    @Test
    void aLifetimeThatIsNotPositiveOrARelativeAddressStopsTheStartUp() {
        assertThat(Settings.reason("appealdesk.dashboard.session-ttl", "0s")).isEqualTo("must be positive");
        assertThat(Settings.reason("appealdesk.dashboard.init-data-max-age", "0s")).isEqualTo("must be positive");
        assertThat(Settings.refusal(Map.of("appealdesk.dashboard.public-url", "appeals.example.ru")))
                .contains("Reason: APPEALDESK_PUBLIC_URL (appealdesk.dashboard.public-url) must be an absolute "
                        + "http(s) address");
    }

    private static DashboardProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.dashboard", DashboardProperties.class, values);
    }
}
