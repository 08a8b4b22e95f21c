package ru.appealdesk.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code appealdesk.reports.*}: whether the scheduled reports of {@code bot-config/reports.yml} go out
 * ({@code enabled}, default true) and how often the clustered scheduler looks for one that is due ({@code tick},
 * default one minute).
 */
@ConfigurationProperties("appealdesk.reports")
record ReportsProperties(Boolean enabled, Duration tick) {

    ReportsProperties {
        enabled = enabled == null || enabled;
        tick = tick == null ? Duration.ofMinutes(1) : tick;
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("appealdesk.reports.tick must be positive");
        }
    }
}
