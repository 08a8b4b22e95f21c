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


import ru.appealdesk.telegram.BotApi;

/** The outbox sender and its limits; present only when TELEGRAM_BOT_TOKEN is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${appealdesk.telegram.token:}'.isBlank()")
class DeliveryConfiguration {

    @Bean
    RateLimits rateLimits(DataSource dataSource, DeliveryProperties properties) {
        var buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).table("rate_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(30)))
                .build();
        return new RateLimits(buckets, properties.globalPerSecond(), properties.groupPerMinute(),
                properties.privateChatSpacing());
    }

    @Bean(destroyMethod = "shutdown")
    OutboxSender outboxSender(OutboundMessageRepository messages, SentMessages sentMessages, Outbox outbox,
                              BotApi telegram, TransactionTemplate tx, Clock clock, RateLimits limits,
                              DeliveryMetrics metrics, org.springframework.context.ApplicationEventPublisher events,
                              DeliveryProperties properties, OutboxSignal signal, OutboundFiles files) {
        return new OutboxSender(messages, sentMessages, outbox, telegram, tx, clock, limits, metrics, events,
                properties.lease(), Clock.systemUTC(), properties.parallelCalls(), signal, files);
    }

    @Bean
    OutboxWorker outboxWorker(OutboxSender sender, OutboxSignal signal, DeliveryProperties properties) {
        return new OutboxWorker(sender, signal, properties.pollInterval());
    }
}
