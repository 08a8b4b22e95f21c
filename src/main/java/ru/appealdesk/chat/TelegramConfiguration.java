package ru.appealdesk.chat;

import java.time.Clock;
import java.time.Duration;

import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;


/** The Telegram client, outbox sender and bot session; present only when TELEGRAM_BOT_TOKEN is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${appealdesk.telegram.token:}'.isBlank()")
class TelegramConfiguration {

    @Bean(destroyMethod = "")
    OkHttpClient telegramHttpClient(@Value("${appealdesk.telegram.poll-timeout:50s}") Duration pollTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(pollTimeout.plusSeconds(20))
                .writeTimeout(Duration.ofSeconds(60))
                .build();
    }

    @Bean
    TelegramUrl telegramUrl(TelegramProperties properties) {
        var uri = properties.apiUrl();
        boolean https = !"http".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return TelegramUrl.builder().schema(https ? "https" : "http").host(uri.getHost()).port(port).build();
    }

    @Bean
    TelegramClient telegramClient(OkHttpClient http, TelegramProperties properties, TelegramUrl url) {
        return new OkHttpTelegramClient(http, properties.token(), url);
    }

    @Bean
    FileFetcher fileFetcher(TelegramClient telegram, OkHttpClient http, TelegramProperties properties) {
        return new FileFetcher(telegram, http, properties);
    }

    @Bean
    OutboxSender outboxSender(OutboundMessageRepository messages, CardRepository cards, Outbox outbox,
                              TelegramClient telegram, TransactionTemplate tx, Clock clock) {
        return new OutboxSender(messages, cards, outbox, telegram, tx, clock);
    }

    @Bean
    OutboxWorker outboxWorker(OutboxSender sender, OutboxSignal signal, TelegramProperties properties) {
        return new OutboxWorker(sender, signal, properties.outboxPollInterval());
    }

    @Bean
    BotSessionRunner botSessionRunner(TelegramProperties properties, TelegramUrl url, TelegramClient telegram,
                                      OkHttpClient http, UpdateHandler handler,
                                      @Value("${appealdesk.telegram.poll-timeout:50s}") Duration pollTimeout) {
        return new BotSessionRunner(properties, url, telegram, http, handler, pollTimeout);
    }
}
