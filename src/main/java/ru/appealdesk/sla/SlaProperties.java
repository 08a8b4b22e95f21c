package ru.appealdesk.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The timers' settings, defaults here and nowhere else, checked when bound.
 *
 * @param tick how often due timers are looked for ({@code appealdesk.scheduler.tick}, {@code 5s}); a timer fires
 *             at most one tick after it is due
 * @param enabled whether the clustered scheduler runs the tick by itself ({@code appealdesk.scheduler.enabled},
 *                {@code true}); off, no trigger is registered (a stored one is removed) and timers fire only when
 *                something calls {@link TimerTick#run()}, as the functional tests do when they move their clock
 */
@ConfigurationProperties("appealdesk.scheduler")
record SlaProperties(Duration tick, Boolean enabled) {

    SlaProperties {
        tick = tick == null ? Duration.ofSeconds(5) : tick;
        enabled = enabled == null || enabled;
        if (tick.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("appealdesk.scheduler.tick must be at least 100ms");
        }
    }
}
