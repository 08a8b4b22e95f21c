package ru.appealdesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the service's REST API in tests. */
public final class Api {

    /** The portals' intake token ({@code APPEALDESK_API_TOKEN}) the test services run with. */
    public static final String TOKEN = "test-api-token";
    /** The administration token ({@code APPEALDESK_ADMIN_TOKEN}) the test services run with. */
    public static final String ADMIN_TOKEN = "test-admin-token";
    /** Connector {@code dobrodel}: {@code intake} for DOBRODEL. */
    public static final String DOBRODEL_INTAKE = "dobrodel-intake-token-0123456789abcdef";
    /** Connector {@code pos-reader}: {@code read} for POS. */
    public static final String POS_READ = "pos-reader-token-0123456789abcdef0123";
    /** Connector {@code pos-manager}: {@code read} and {@code manage} for POS. */
    public static final String POS_MANAGE = "pos-manager-token-0123456789abcdef012";
    /** Connector {@code dobrodel-reports}: {@code reports} for DOBRODEL. */
    public static final String DOBRODEL_REPORTS = "dobrodel-reports-token-0123456789abcd";
    /** {@code APPEALDESK_API_TOKENS} of the test services (PRODUCT.md §15). */
    public static final String CONNECTORS = "dobrodel:" + DOBRODEL_INTAKE + ":DOBRODEL:intake; pos-reader:" + POS_READ
            + ":POS:read\n pos-manager:" + POS_MANAGE + ":POS:read,manage;dobrodel-reports:" + DOBRODEL_REPORTS
            + ":DOBRODEL:reports";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, content type and body (JSON when there is one). */
    public record Response(int status, String contentType, String raw, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** A client that presents the intake token. */
    public Api(int port) {
        this("http://127.0.0.1:" + port, TOKEN);
    }

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same service, with the administration token. */
    public Api admin() {
        return new Api(base, ADMIN_TOKEN);
    }

    /** The same service, with another token (a connector's). */
    public Api as(String otherToken) {
        return new Api(base, otherToken);
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .DELETE());
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }
}
