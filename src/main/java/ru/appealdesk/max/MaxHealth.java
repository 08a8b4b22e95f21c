package ru.appealdesk.max;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code max} component of {@code /actuator/health}: UP when MAX's API answers {@code GET /me}, DOWN when it
 * does not, UNKNOWN when MAX is off. Checked at most every 30 seconds however often the endpoint is called.
 */
@Component("max")
class MaxHealth extends AbstractHealthIndicator {

    private static final Duration CACHE = Duration.ofSeconds(30);

    private final ObjectProvider<MaxApi> api;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile Health last = Health.unknown().build();

    MaxHealth(ObjectProvider<MaxApi> api) {
        super("MAX health check failed");
        this.api = api;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MaxApi client = api.getIfAvailable();
        if (client == null) {
            builder.unknown().withDetail("messenger", "off: MAX_BOT_TOKEN is not set");
            return;
        }
        if (Instant.now().isAfter(checkedAt.plus(CACHE))) {
            Health.Builder fresh = new Health.Builder();
            try {
                client.me();
                fresh.up();
            } catch (MaxApiException e) {
                fresh.down().withDetail("error", e.status() == 0 ? "no answer" : e.status() + " " + e.code());
            }
            last = fresh.build();
            checkedAt = Instant.now();
        }
        builder.status(last.getStatus()).withDetails(last.getDetails());
    }
}
