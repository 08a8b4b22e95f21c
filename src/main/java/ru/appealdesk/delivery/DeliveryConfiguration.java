package ru.appealdesk.delivery;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox sender and its limits; present only when TELEGRAM_BOT_TOKEN is set (the one {@link Messenger} today). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${appealdesk.telegram.token:}'.isBlank()")
class DeliveryConfiguration {

    @Bean
    RateLimits rateLimits(DataSource dataSource, DeliveryProperties properties) {
        var buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).table("rate_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(30)))
                .build();
        return new RateLimits(buckets, properties.pace());
    }

    @Bean(destroyMethod = "shutdown")
    OutboxSender outboxSender(OutboundMessageRepository messages, SentMessages sentMessages, Outbox outbox,
                              Messenger messenger, TransactionTemplate tx, Clock clock, RateLimits limits,
                              DeliveryMetrics metrics, org.springframework.context.ApplicationEventPublisher events,
                              DeliveryProperties properties, OutboxSignal signal, OutboundFiles files) {
        Html.requireRoomIn(messenger.textLimit());
        return new OutboxSender(messages, sentMessages, outbox, messenger, tx, clock, limits, metrics, events,
                properties.lease(), Clock.systemUTC(), properties.parallelCalls(), signal, files);
    }

    @Bean
    OutboxWorker outboxWorker(OutboxSender sender, OutboxSignal signal, DeliveryProperties properties) {
        return new OutboxWorker(sender, signal, properties.pollInterval());
    }
}
