package ru.appealdesk.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The timers' settings, defaults here and nowhere else, checked when bound.
 *
 * @param tick how often due timers are looked for ({@code appealdesk.scheduler.tick}, {@code 5s}); a timer fires
 *             at most one tick after it is due
 */
@ConfigurationProperties("appealdesk.scheduler")
record SlaProperties(Duration tick) {

    SlaProperties {
        tick = tick == null ? Duration.ofSeconds(5) : tick;
        if (tick.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("appealdesk.scheduler.tick must be at least 100ms");
        }
    }
}
