package ru.appealdesk.max;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import ru.appealdesk.max.MaxSchema.CallbackAnswer;
import ru.appealdesk.max.MaxSchema.NewMessageBody;
import ru.appealdesk.max.MaxSchema.SendMessageResult;
import ru.appealdesk.max.MaxSchema.SimpleQueryResult;
import ru.appealdesk.max.MaxSchema.SubscriptionRequest;
import ru.appealdesk.max.MaxSchema.Subscriptions;
import ru.appealdesk.max.MaxSchema.UpdateList;
import ru.appealdesk.max.MaxSchema.UploadEndpoint;

/**
 * The MAX Bot API methods AppealDesk calls, over Spring's {@link RestClient} on the JDK's HTTP client (with MAX's
 * own trust store, if one is set). The token travels in the {@code Authorization} header only, never in a URL;
 * uploads go to the host MAX names, without the token. Every failure is a {@link MaxApiException}.
 */
class MaxApi {

    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final RestClient api;
    private final RestClient polling;
    private final RestClient uploads;

    MaxApi(HttpClient http, MaxProperties properties) {
        this.api = client(http, properties, properties.requestTimeout(), true);
        this.polling = client(http, properties, properties.pollTimeout().plusSeconds(20), true);
        this.uploads = client(http, properties, properties.requestTimeout().multipliedBy(4), false);
    }

    private static RestClient client(HttpClient http, MaxProperties properties, Duration readTimeout,
                                     boolean authorized) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(factory)
                .baseUrl(properties.apiUrl().toString().replaceAll("/+$", ""));
        if (authorized) {
            builder.defaultHeader("Authorization", properties.botToken());
        }
        return builder.build();
    }

    /** GET /me: the bot's own user. */
    JsonNode me() {
        return call(api.get().uri("/me"), JsonNode.class);
    }

    /** POST /messages?user_id=: a message in the person's dialog with the bot. */
    SendMessageResult send(long userId, NewMessageBody body) {
        return call(api.post().uri(b -> b.path("/messages").queryParam("user_id", userId).build())
                .contentType(MediaType.APPLICATION_JSON).body(json(body)), SendMessageResult.class);
    }

    /** PUT /messages?message_id=: replaces a sent message's text and attachments. */
    void edit(String messageId, NewMessageBody body) {
        succeeded(call(api.put().uri(b -> b.path("/messages").queryParam("message_id", "{mid}").build(messageId))
                .contentType(MediaType.APPLICATION_JSON).body(json(body)), SimpleQueryResult.class));
    }

    /** POST /answers?callback_id=: answers a button press. */
    void answer(String callbackId, CallbackAnswer answer) {
        succeeded(call(api.post().uri(b -> b.path("/answers").queryParam("callback_id", "{id}").build(callbackId))
                .contentType(MediaType.APPLICATION_JSON).body(json(answer)), SimpleQueryResult.class));
    }

    /** POST /uploads?type=: where to upload one file of this type ({@code image}, {@code video}, {@code file}). */
    UploadEndpoint uploadUrl(String type) {
        return call(api.post().uri(b -> b.path("/uploads").queryParam("type", type).build()), UploadEndpoint.class);
    }

    /** Uploads the bytes as multipart form data (field {@code data}) to the URL MAX gave; its JSON answer or null. */
    JsonNode upload(String url, String name, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("data", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        byte[] answer = call(uploads.post().uri(URI.create(url)).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form), byte[].class);
        try {
            // images and files answer JSON (photos, token); video and audio answer a retval of their own
            return answer == null ? null : MaxSchema.JSON.readTree(answer);
        } catch (IOException e) {
            return null;
        }
    }

    /** GET /updates: the updates after {@code marker} (null: MAX's choice), waiting up to {@code timeout}. */
    UpdateList updates(Long marker, Duration timeout, List<String> types) {
        return call(polling.get().uri(b -> {
            b.path("/updates").queryParam("timeout", timeout.toSeconds()).queryParam("types", String.join(",", types));
            if (marker != null) {
                b.queryParam("marker", marker);
            }
            return b.build();
        }), UpdateList.class);
    }

    /** GET /subscriptions. */
    Subscriptions subscriptions() {
        return call(api.get().uri("/subscriptions"), Subscriptions.class);
    }

    /** POST /subscriptions: MAX posts the updates to the URL, with the secret in X-Max-Bot-Api-Secret. */
    void subscribe(SubscriptionRequest request) {
        succeeded(call(api.post().uri("/subscriptions").contentType(MediaType.APPLICATION_JSON).body(json(request)),
                SimpleQueryResult.class));
    }

    /** DELETE /subscriptions?url=. */
    void unsubscribe(String url) {
        succeeded(call(api.delete().uri(b -> b.path("/subscriptions").queryParam("url", "{url}").build(url)),
                SimpleQueryResult.class));
    }

    private static byte[] json(Object body) {
        try {
            return MaxSchema.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void succeeded(SimpleQueryResult result) {
        if (result != null && !result.success()) {
            throw new MaxApiException(200, "success.false", result.message(), null, null);
        }
    }

    private static <T> T call(RestClient.RequestHeadersSpec<?> spec, Class<T> type) {
        try {
            return spec.exchange((request, response) -> {
                int status = response.getStatusCode().value();
                byte[] body = response.getBody().readNBytes(MAX_ANSWER_BYTES);
                if (status / 100 == 2) {
                    if (type == byte[].class) {
                        return type.cast(body);
                    }
                    return body.length == 0 ? null : MaxSchema.JSON.readValue(body, type);
                }
                MaxSchema.Error error = error(body);
                throw new MaxApiException(status, error.code(), error.message(),
                        MaxErrors.retryAfter(response.getHeaders().getFirst("Retry-After")), null);
            });
        } catch (MaxApiException e) {
            throw e;
        } catch (RestClientException e) {
            Throwable cause = e.getMostSpecificCause();
            throw new MaxApiException(0, "network", cause.getClass().getSimpleName() + " " + cause.getMessage(),
                    null, e);
        }
    }

    private static MaxSchema.Error error(byte[] body) {
        try {
            MaxSchema.Error error = MaxSchema.JSON.readValue(body, MaxSchema.Error.class);
            return error == null || error.code() == null ? new MaxSchema.Error("unknown", null) : error;
        } catch (IOException e) {
            return new MaxSchema.Error("unknown", null);
        }
    }
}
