package ru.appealdesk.reports;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reports' settings ({@code appealdesk.reports.*}), validated when bound.
 *
 * @param enabled Whether the scheduled reports of bot-config/reports.yml go out (/report and the API work either
 *                way)
 * @param tick How often the clustered scheduler looks for a scheduled report that is due
 */
@Validated
@ConfigurationProperties("appealdesk.reports")
record ReportsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration tick) {
}
