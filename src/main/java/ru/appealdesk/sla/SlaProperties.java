package ru.appealdesk.sla;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The timers' settings ({@code appealdesk.scheduler.*}, the name PRODUCT.md gives), defaults here and nowhere else,
 * validated when bound.
 *
 * @param tick How often due timers are looked for (APPEALDESK_SCHEDULER_TICK; at least 100ms); a timer fires at most
 *             one tick after it is due
 * @param enabled Whether the clustered scheduler runs the tick by itself; off, no trigger is registered (a stored one
 *                is removed) and timers fire only when something calls {@link TimerTick#run()}, as the functional
 *                tests do when they move their clock
 */
@Validated
@ConfigurationProperties("appealdesk.scheduler")
record SlaProperties(
        @DefaultValue("5s") @DurationMin(millis = 100, message = "must be at least 100ms") Duration tick,
        @DefaultValue("true") boolean enabled) {
}
