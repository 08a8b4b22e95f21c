package ru.appealdesk.max;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.appealdesk.chat.UpdateSink;
import ru.appealdesk.delivery.Messenger;

/** MAX's client, file downloads and the update session; present only when MAX_BOT_TOKEN is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${appealdesk.max.bot-token:}'.isBlank()")
class MaxClientConfiguration {

    /** The JDK's HTTP client with MAX's own trust (MAX_TRUSTSTORE), for MAX's calls and downloads only. */
    @Bean
    HttpClient maxHttpClient(MaxProperties properties) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(MaxTrust.context(properties)).build();
    }

    @Bean
    MaxApi maxApi(HttpClient maxHttpClient, MaxProperties properties) {
        return new MaxApi(maxHttpClient, properties);
    }

    @Bean
    MaxFiles maxFiles(HttpClient maxHttpClient, MaxProperties properties) {
        return new MaxFiles(maxHttpClient, properties.fileDownloadTimeout());
    }

    /** The outbox sends to MAX through this. */
    @Bean
    Messenger maxMessenger(MaxApi api, MaxFiles files, MaxProperties properties) {
        return new MaxMessenger(api, files, properties.attachmentAttempts(), properties.attachmentBackoff());
    }

    @Bean
    MaxSession maxSession(MaxApi api, MaxProperties properties, UpdateSink sink) {
        return new MaxSession(api, properties, sink);
    }
}
