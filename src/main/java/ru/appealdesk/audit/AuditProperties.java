package ru.appealdesk.audit;

import java.time.Period;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit log's settings ({@code appealdesk.audit.*}), validated when bound.
 *
 * @param retention How long an audit event is kept, a period such as 3y or 400d (at least 1d); then the retention
 *                  job deletes it
 */
@Validated
@ConfigurationProperties("appealdesk.audit")
record AuditProperties(@DefaultValue("3y") Period retention) {

    AuditProperties {
        retention = retention.normalized();
    }

    @AssertTrue(message = "appealdesk.audit.retention must be at least 1d, e.g. 3y")
    boolean isRetentionAtLeastADay() {
        return !retention.isNegative() && !retention.isZero();
    }
}
