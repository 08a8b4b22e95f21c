package ru.appealdesk.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.chat.MessengerKind;

/**
 * An outbox sender per configured {@link Messenger} (Telegram when TELEGRAM_BOT_TOKEN is set, MAX when
 * MAX_BOT_TOKEN is): each reads its own messenger's queue, under that messenger's limits in buckets of its own.
 * With no messenger configured nothing is sent, and messages wait in the outbox.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    OutboxSenders outboxSenders(List<Messenger> messengers, DataSource dataSource, OutboundMessageRepository messages,
                                SentMessages sentMessages, Outbox outbox, TransactionTemplate tx, Clock clock,
                                DeliveryMetrics metrics, ApplicationEventPublisher events,
                                DeliveryProperties properties, OutboxSignal signal, OutboundFiles files) {
        List<OutboxSenders.Lane> lanes = new ArrayList<>();
        for (Messenger messenger : messengers) {
            Html.requireRoomIn(messenger.textLimit());
            RateLimits limits = rateLimits(dataSource, properties, messenger.kind());
            OutboxSender sender = new OutboxSender(messages, sentMessages, outbox, messenger, tx, clock, limits,
                    metrics, events, properties.lease(), Clock.systemUTC(), properties.parallelCalls(), signal, files);
            OutboxWorker worker = new OutboxWorker(messenger.kind().name().toLowerCase(java.util.Locale.ROOT), sender,
                    signal, properties.pollInterval());
            lanes.add(new OutboxSenders.Lane(messenger.kind(), sender, worker, limits));
        }
        return new OutboxSenders(lanes);
    }

    static RateLimits rateLimits(DataSource dataSource, DeliveryProperties properties, MessengerKind messenger) {
        var buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).table(bucketTable(messenger))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(30)))
                .build();
        return new RateLimits(buckets, properties.pace(messenger));
    }

    /** Each messenger's buckets in a table of its own: the same chat id in two messengers is two chats. */
    static String bucketTable(MessengerKind messenger) {
        return messenger == MessengerKind.TELEGRAM ? "rate_bucket" : "max_rate_bucket";
    }
}
