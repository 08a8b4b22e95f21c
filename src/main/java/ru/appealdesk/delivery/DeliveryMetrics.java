package ru.appealdesk.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Micrometer metrics of delivery: queue depth, sends, retries, dead letters, undeliverable chats. */
@Component
class DeliveryMetrics {

    final Counter sent;
    final Counter retried;
    final Counter dead;
    final Counter undeliverable;

    DeliveryMetrics(MeterRegistry registry, OutboundMessageRepository messages) {
        sent = registry.counter("appealdesk.outbox.sent");
        retried = registry.counter("appealdesk.outbox.retries");
        dead = registry.counter("appealdesk.outbox.dead");
        undeliverable = registry.counter("appealdesk.outbox.undeliverable");
        Gauge.builder("appealdesk.outbox.pending", messages,
                        m -> m.countByStatus(OutboundMessage.Status.PENDING))
                .description("messages waiting to be sent").register(registry);
        Gauge.builder("appealdesk.outbox.dead.total", messages, m -> m.countByStatus(OutboundMessage.Status.DEAD))
                .description("messages kept as dead letters").register(registry);
    }
}
