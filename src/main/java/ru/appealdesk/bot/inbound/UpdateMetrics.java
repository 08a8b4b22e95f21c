package ru.appealdesk.bot.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Micrometer counters of the updates received from Telegram: handled, duplicate, failed. */
@Component
class UpdateMetrics {

    final Counter handled;
    final Counter duplicate;
    final Counter failed;

    UpdateMetrics(MeterRegistry registry) {
        handled = registry.counter("appealdesk.telegram.updates", "outcome", "handled");
        duplicate = registry.counter("appealdesk.telegram.updates", "outcome", "duplicate");
        failed = registry.counter("appealdesk.telegram.updates", "outcome", "failed");
    }
}
