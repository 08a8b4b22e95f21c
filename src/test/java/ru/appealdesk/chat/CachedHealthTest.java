package ru.appealdesk.chat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** A messenger's health: UNKNOWN while off, UP or DOWN from its API, which is asked at most every 30 seconds. */
class CachedHealthTest {

    static class Probe extends CachedHealth {
        final AtomicInteger asked = new AtomicInteger();
        volatile String off;
        volatile String error;

        Probe() {
            super("probe failed");
        }

        @Override
        protected Optional<String> off() {
            return Optional.ofNullable(off);
        }

        @Override
        protected Optional<String> ask() {
            asked.incrementAndGet();
            return Optional.ofNullable(error);
        }
    }

    @Test
    void anOffMessengerIsUnknownAndNotAsked() {
        Probe probe = new Probe();
        probe.off = "TOKEN is not set";

        assertThat(probe.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(probe.health().getDetails()).containsEntry("messenger", "off: TOKEN is not set");
        assertThat(probe.asked).hasValue(0);
    }

    @Test
    void theApiIsAskedOnceForManyCallsAndItsErrorIsShown() {
        // given an API that fails
        Probe probe = new Probe();
        probe.error = "502 bad gateway";

        // when the endpoint is called four times in a row
        probe.health();
        probe.health();

        // then the API was asked once and the status says why it is down
        assertThat(probe.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(probe.health().getDetails()).containsEntry("error", "502 bad gateway");
        assertThat(probe.asked).hasValue(1);
    }
}
