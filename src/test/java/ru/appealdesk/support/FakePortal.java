package ru.appealdesk.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A portal's file server on 127.0.0.1 for applicants' photos: serves what a test put at a path (bytes, or a redirect),
 * 404 otherwise, and counts the requests for every path.
 */
public final class FakePortal implements AutoCloseable {

    /** The first bytes of a JPEG: enough for the service to take it as one. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    private record Answer(int status, String location, byte[] body, boolean chunked) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public FakePortal() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::serve);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: the entry for {@code appealdesk.intake.photo-hosts}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The link of a path on this portal. */
    public String url(String path) {
        return origin() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves these bytes at the path (with a Content-Length, or chunked without one). */
    public String serve(String path, byte[] body, boolean chunked) {
        answers.put(path, new Answer(200, null, body, chunked));
        return url(path);
    }

    public String serve(String path, byte[] body) {
        return serve(path, body, false);
    }

    /** Answers the path with 302 to {@code location}. */
    public String redirect(String path, String location) {
        answers.put(path, new Answer(302, location, new byte[0], false));
        return url(path);
    }

    /** Answers the path with this status and no body. */
    public String fail(String path, int status) {
        answers.put(path, new Answer(status, null, new byte[0], false));
        return url(path);
    }

    /** How many requests reached the path. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.getOrDefault(path, new Answer(404, null, new byte[0], false));
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("Location", answer.location());
        }
        exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1
                : answer.chunked() ? 0 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
