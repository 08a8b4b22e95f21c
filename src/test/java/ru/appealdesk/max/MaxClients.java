package ru.appealdesk.max;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import ru.appealdesk.support.FakeMax;

/** MAX's client objects wired as the configuration wires them, against a fake, with short test timings. */
final class MaxClients {

    static final int ATTEMPTS = 4;

    final MaxProperties properties;
    final HttpClient http;
    final MaxApi api;
    final MaxFiles files;
    final MaxMessenger messenger;

    MaxClients(String url, String token, String truststore, String password) {
        properties = new MaxProperties(token, URI.create(url), MaxProperties.Mode.LONGPOLLING, null, null, null,
                truststore, password, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5),
                ATTEMPTS, Duration.ofMillis(10), true);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(MaxTrust.context(properties))
                .build();
        api = new MaxApi(http, properties);
        files = new MaxFiles(http, Duration.ofSeconds(5));
        messenger = new MaxMessenger(api, files, ATTEMPTS, Duration.ofMillis(10));
    }

    MaxClients(FakeMax max) {
        this(max.url(), FakeMax.TOKEN, null, null);
    }
}
