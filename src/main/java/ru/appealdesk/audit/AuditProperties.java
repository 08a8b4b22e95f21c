package ru.appealdesk.audit;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit log's settings ({@code appealdesk.audit.*}), checked when bound.
 *
 * @param retention how long an audit event is kept ({@code 3y} by default; at least {@code 1d})
 */
@ConfigurationProperties("appealdesk.audit")
record AuditProperties(Period retention) {

    AuditProperties {
        retention = retention == null ? Period.ofYears(3) : retention.normalized();
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("appealdesk.audit.retention must be at least 1d, e.g. 3y");
        }
    }
}
