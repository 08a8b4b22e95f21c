package ru.appealdesk.telegram;

import java.time.Duration;

import okhttp3.OkHttpClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.appealdesk.chat.UpdateSink;
import ru.appealdesk.delivery.Messenger;

/** The Bot API client, file downloads and the update session; present only when TELEGRAM_BOT_TOKEN is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${appealdesk.telegram.token:}'.isBlank()")
class TelegramClientConfiguration {

    /** For Bot API calls: a bounded read timeout, so a hung request is retried. */
    @Bean(destroyMethod = "")
    OkHttpClient telegramHttpClient(TelegramProperties properties) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(properties.requestTimeout())
                .writeTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** The client's dispatcher threads and pooled connections end with the context. */
    @Bean
    DisposableBean telegramHttpClientShutdown(OkHttpClient http) {
        return () -> {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        };
    }

    /** For long polling: a read timeout longer than the getUpdates timeout. */
    private static OkHttpClient pollingClient(OkHttpClient base, Duration pollTimeout) {
        return base.newBuilder().readTimeout(pollTimeout.plusSeconds(20)).build();
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

    /** The outbox sends through this. */
    @Bean
    Messenger telegramMessenger(TelegramClient telegram) {
        return new TelegramMessenger(telegram);
    }

    @Bean
    FileFetcher fileFetcher(TelegramClient telegram, OkHttpClient http, TelegramProperties properties) {
        return new FileFetcher(telegram, http, properties, properties.fileDownloadTimeout());
    }

    @Bean
    BotSessionRunner botSessionRunner(TelegramProperties properties, TelegramUrl url, TelegramClient telegram,
                                      OkHttpClient http, UpdateSink handler) {
        return new BotSessionRunner(properties, url, telegram, pollingClient(http, properties.pollTimeout()), handler,
                properties.pollTimeout());
    }
}
