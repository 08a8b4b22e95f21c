package ru.appealdesk.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * A messenger's component of {@code /actuator/health}: UNKNOWN while the messenger is off, else UP when its API
 * answers and DOWN with the error when it does not — asked at most every 30 seconds however often the (public)
 * endpoint is called.
 */
public abstract class CachedHealth extends AbstractHealthIndicator {

    private static final Duration CACHE = Duration.ofSeconds(30);

    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile Health last = Health.unknown().build();

    protected CachedHealth(String failureMessage) {
        super(failureMessage);
    }

    /** Why the messenger is off (its token is not set), or empty when it is on. */
    protected abstract Optional<String> off();

    /** Asks the messenger's API once; empty when it answered, else what went wrong (no secrets). */
    protected abstract Optional<String> ask();

    @Override
    protected final void doHealthCheck(Health.Builder builder) {
        Optional<String> off = off();
        if (off.isPresent()) {
            builder.unknown().withDetail("messenger", "off: " + off.get());
            return;
        }
        if (Instant.now().isAfter(checkedAt.plus(CACHE))) {
            Optional<String> error = ask();
            last = error.map(e -> Health.down().withDetail("error", e).build()).orElseGet(() -> Health.up().build());
            checkedAt = Instant.now();
        }
        builder.status(last.getStatus()).withDetails(last.getDetails());
    }
}
