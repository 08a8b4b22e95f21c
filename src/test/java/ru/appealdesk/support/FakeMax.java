package ru.appealdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A fake MAX Bot API server on 127.0.0.1 (HTTP, or HTTPS with a given certificate). It checks every API call
 * against MAX's schema ({@link MaxApiSpec}) and the {@code Authorization} header against {@link #TOKEN}, enforces
 * MAX's limits (30 calls a second per bot, 2 callback answers a second per chat: 429 beyond), keeps what the bot
 * sent (messages, edits, answers, uploads) for assertions, serves uploads and files to download, holds a queue of
 * updates for {@code GET /updates} with markers, plays the example bodies, posts webhook bodies, and answers
 * {@code attachment.not.ready}, errors and blocked users on demand.
 */
public final class FakeMax implements AutoCloseable {

    public static final String TOKEN = "max-test-token-f5e8a1c2b3d4";
    public static final long BOT_ID = 229229229L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request the fake received. */
    public record Call(String method, String path, Map<String, String> query, JsonNode body, String authorization) {
    }

    /** A message the bot sent (its latest version after edits). */
    public record Sent(String mid, long userId, String text, String format, JsonNode attachments, List<String> edits) {

        /** The inline keyboard's rows of buttons (JSON objects: type, text, payload or url); empty if none. */
        public List<List<JsonNode>> keyboard() {
            List<List<JsonNode>> rows = new ArrayList<>();
            for (JsonNode a : attachments == null ? JSON.createArrayNode() : attachments) {
                if ("inline_keyboard".equals(a.path("type").asText())) {
                    a.path("payload").path("buttons").forEach(row -> {
                        List<JsonNode> r = new ArrayList<>();
                        row.forEach(r::add);
                        rows.add(r);
                    });
                }
            }
            return rows;
        }
    }

    /** A message the fake accepted ({@code POST /messages}): to whom, and when ({@link System#nanoTime()}). */
    public record Arrival(long userId, long at) {
    }

    /** A call answered 429: "METHOD /path", and when ({@link System#nanoTime()}). */
    public record Refusal(String call, long at) {
    }

    /** A file uploaded through {@code POST /uploads}: its type, name, bytes and the token it is attached by. */
    public record Upload(String type, String name, byte[] content, String token) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(16);
    private final boolean https;
    private final MaxApiSpec spec = MaxApiSpec.load();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Sent> messages = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<JsonNode> answers = new CopyOnWriteArrayList<>();
    private final Map<String, Upload> uploads = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, byte[]> files = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, Long> callbackUsers = Collections.synchronizedMap(new HashMap<>());
    private final Set<Long> blocked = Collections.synchronizedSet(new HashSet<>());
    private final Set<String> expiredCallbacks = Collections.synchronizedSet(new HashSet<>());
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> subscriptions = new CopyOnWriteArrayList<>();
    private final List<JsonNode> updates = new ArrayList<>();
    private final List<Long> markersAsked = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Long> recentCalls = new ArrayDeque<>();
    private final Map<String, ArrayDeque<Long>> recentAnswers = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1);
    private final AtomicInteger notReady = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final List<Refusal> limitedCalls = new CopyOnWriteArrayList<>();
    /** When each call that counts towards the bot-wide limit was let through ({@link System#nanoTime()}). */
    private final List<Long> countedAt = Collections.synchronizedList(new ArrayList<>());
    private volatile int perSecond = 30;
    private long firstMarker = 1;

    /** An injected failure of the next calls of a method and path. */
    private record Fault(String method, String path, AtomicInteger remaining, int status, String code,
                         String message, Integer retryAfter) {
    }

    public FakeMax() {
        this(null);
    }

    /** A fake serving HTTPS with the key of {@code tls}, or HTTP when null. */
    public FakeMax(SSLContext tls) {
        try {
            if (tls == null) {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } else {
                HttpsServer secure = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
                secure.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = secure;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.https = tls != null;
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        return (https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- set-up ----

    /** Points a test's service at this fake: MAX on, long polling with a short timeout, the functional tests' pace. */
    public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("appealdesk.max.bot-token", () -> TOKEN);
        registry.add("appealdesk.max.api-url", this::url);
        registry.add("appealdesk.max.poll-timeout", () -> "1s");
        registry.add("appealdesk.max.bot-username", () -> "appealdesk_test_bot");
        registry.add("appealdesk.delivery.max.private-chat-spacing", () -> EndToEndTest.PACE_SETTING);
    }


    /** The bot-wide limit of calls a second (MAX: about 30). */
    public void perSecond(int limit) {
        this.perSecond = limit;
    }

    /** The next {@code times} sends of a message with an uploaded file answer {@code attachment.not.ready}. */
    public void attachmentNotReady(int times) {
        notReady.set(times);
    }

    /** The next {@code times} calls of {@code method path} answer this error. */
    public void fail(String method, String path, int times, int status, String code, String message,
                     Integer retryAfter) {
        faults.add(new Fault(method, path, new AtomicInteger(times), status, code, message, retryAfter));
    }

    /** The person stopped the bot: sends to them answer 403 chat.denied (error.dialog.suspended). */
    public void block(long userId) {
        blocked.add(userId);
    }

    /** The person opened the bot again. */
    public void unblock(long userId) {
        blocked.remove(userId);
    }

    /** MAX forgot this callback: answering it fails. */
    public void expire(String callbackId) {
        expiredCallbacks.add(callbackId);
    }

    /** A file MAX serves for download (an attachment's URL); returns its URL. */
    public String file(String name, byte[] content) {
        String id = "f" + ids.incrementAndGet();
        files.put(id, content);
        return url() + "/files/" + id + "/" + name;
    }

    // ---- updates ----

    /** An update for long polling (an Update object). */
    public synchronized void enqueue(JsonNode update) {
        updates.add(update);
        notifyAll();
    }

    /** Every update of an example body ({@code update.*.json}: an UpdateList; {@code webhook.*.json}: one). */
    public void play(String example) {
        JsonNode body = example(example);
        if (body.has("updates")) {
            body.get("updates").forEach(this::enqueue);
        } else {
            enqueue(body);
        }
    }

    /** An example body from the copied Go client's stabs. */
    public static JsonNode example(String name) {
        try (InputStream in = FakeMax.class.getResourceAsStream("/max/examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person writes to the bot in their dialog: a message_created update. */
    public ObjectNode textFrom(long userId, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_type", "message_created")
                .put("timestamp", System.currentTimeMillis());
        ObjectNode message = update.putObject("message");
        message.putObject("sender").put("user_id", userId).put("first_name", "User").put("is_bot", false);
        message.putObject("recipient").put("chat_id", 1_000_000 + userId).put("chat_type", "dialog")
                .put("user_id", BOT_ID);
        message.put("timestamp", System.currentTimeMillis());
        message.putObject("body").put("mid", "mid." + ids.incrementAndGet()).put("seq", ids.get()).put("text", text);
        return update;
    }

    /** A person presses a button of a message the bot sent them: a message_callback update. */
    public ObjectNode pressFrom(long userId, Sent message, String payload) {
        String callbackId = "cb-" + ids.incrementAndGet();
        callbackUsers.put(callbackId, userId);
        ObjectNode update = JSON.createObjectNode().put("update_type", "message_callback")
                .put("timestamp", System.currentTimeMillis());
        ObjectNode callback = update.putObject("callback");
        callback.put("timestamp", System.currentTimeMillis()).put("callback_id", callbackId).put("payload", payload);
        callback.putObject("user").put("user_id", userId).put("first_name", "User").put("is_bot", false);
        ObjectNode m = update.putObject("message");
        m.putObject("recipient").put("chat_id", 1_000_000 + userId).put("chat_type", "dialog").put("user_id", userId);
        m.putObject("body").put("mid", message.mid()).put("seq", 1).put("text", message.text());
        return update;
    }

    /** Posts a webhook body to the service as MAX would; the HTTP status it answered. */
    public static int postWebhook(String url, String secret, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (secret != null) {
                request.header("X-Max-Bot-Api-Secret", secret);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- what the bot did ----

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    /** Requests that did not follow MAX's schema (or sent the token in the URL); a test expects none. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<Sent> sent(long userId) {
        synchronized (messages) {
            return messages.values().stream().filter(m -> m.userId() == userId).toList();
        }
    }

    public Sent message(String mid) {
        return messages.get(mid);
    }

    /** The bodies of the bot's callback answers, with {@code callback_id} added. */
    public List<JsonNode> answers() {
        return List.copyOf(answers);
    }

    public List<Upload> uploads() {
        synchronized (uploads) {
            return List.copyOf(uploads.values());
        }
    }

    public List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** The markers the bot passed to GET /updates, in order (null: none). */
    public List<Long> markersAsked() {
        return Collections.unmodifiableList(new ArrayList<>(markersAsked));
    }

    /** Whether every update given to the fake has been fetched by the bot and confirmed by its next marker. */
    public synchronized boolean idle() {
        return updates.isEmpty();
    }

    /** How many calls were answered 429. */
    public int rateLimited() {
        return rateLimited.get();
    }

    /** The calls answered 429, in order (which calls hit the limits, and when). */
    public List<Refusal> rateLimitedCalls() {
        return List.copyOf(limitedCalls);
    }

    /** Every message the fake accepted, in the order it accepted them. */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** When each call counted towards the bot-wide limit (all but GET /updates) was let through, in order. */
    public List<Long> countedCallsAt() {
        synchronized (countedAt) {
            return List.copyOf(countedAt);
        }
    }

    // ---- serving ----

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/files/")) {
                byte[] content = files.get(path.split("/")[2]);
                reply(exchange, content == null ? 404 : 200, content == null ? new byte[0] : content, null);
                return;
            }
            if (path.startsWith("/upload/")) {
                serveUpload(exchange, path.substring("/upload/".length()), query, raw);
                return;
            }
            JsonNode body = raw.length == 0 ? null : parse(raw);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(method, path, query, body, authorization));
            if (query.containsKey("access_token")) {
                violations.add(method + " " + path + ": the token is in the URL");
            }
            if (!TOKEN.equals(authorization)) {
                error(exchange, 401, "verify.token", "Invalid access_token", null);
                return;
            }
            List<String> problems = spec.check(method, path, query, body);
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                error(exchange, 400, "proto.payload", String.join("; ", problems), null);
                return;
            }
            if (overLimit(method, path, query)) {
                rateLimited.incrementAndGet();
                limitedCalls.add(new Refusal(method + " " + path, System.nanoTime()));
                error(exchange, 429, "too.many.requests", "Too many requests", 1);
                return;
            }
            for (Fault f : faults) {
                if (f.method().equals(method) && f.path().equals(path) && f.remaining().getAndDecrement() > 0) {
                    error(exchange, f.status(), f.code(), f.message(), f.retryAfter());
                    return;
                }
            }
            api(exchange, method, path, query, body);
        } catch (RuntimeException e) {
            violations.add("the fake failed: " + e);
            throw e;
        }
    }

    private void api(HttpExchange exchange, String method, String path, Map<String, String> query, JsonNode body)
            throws IOException {
        switch (method + " " + path) {
            case "GET /me" -> json(exchange, example("botInfo.ok.json"));
            case "POST /messages" -> send(exchange, Long.parseLong(query.get("user_id")), body);
            case "PUT /messages" -> edit(exchange, query.get("message_id"), body);
            case "POST /answers" -> answer(exchange, query.get("callback_id"), body);
            case "POST /uploads" -> {
                String id = "u" + ids.incrementAndGet();
                String type = query.get("type");
                String token = type + "-token-" + id;
                uploads.put(id, new Upload(type, null, null, token));
                ObjectNode endpoint = JSON.createObjectNode().put("url", url() + "/upload/" + id + "?sig=x");
                if ("video".equals(type) || "audio".equals(type)) {
                    endpoint.put("token", token);
                }
                json(exchange, endpoint);
            }
            case "GET /updates" -> updates(exchange, query);
            case "GET /subscriptions" -> {
                ObjectNode result = JSON.createObjectNode();
                ArrayNode list = result.putArray("subscriptions");
                subscriptions.forEach(u -> list.addObject().put("url", u).put("time", 1L).putNull("update_types"));
                json(exchange, result);
            }
            case "POST /subscriptions" -> {
                subscriptions.remove(body.get("url").asText());
                subscriptions.add(body.get("url").asText());
                success(exchange);
            }
            case "DELETE /subscriptions" -> {
                subscriptions.remove(query.get("url"));
                success(exchange);
            }
            default -> error(exchange, 404, "not.found", "The fake does not serve " + method + " " + path, null);
        }
    }

    private void send(HttpExchange exchange, long userId, JsonNode body) throws IOException {
        if (blocked.contains(userId)) {
            error(exchange, 403, "chat.denied", "Key: error.dialog.suspended, args: [" + userId + ",].", null);
            return;
        }
        JsonNode attachments = body.get("attachments");
        boolean uploaded = false;
        for (JsonNode a : attachments == null ? JSON.createArrayNode() : attachments) {
            JsonNode payload = a.path("payload");
            String token = payload.path("token").asText(null);
            if (payload.has("photos")) {
                token = payload.get("photos").elements().next().path("token").asText(null);
            }
            if (token != null) {
                String t = token;
                if (uploads().stream().noneMatch(u -> t.equals(u.token()) && u.content() != null)) {
                    error(exchange, 400, "attachment.invalid", "No uploaded attachment " + token, null);
                    return;
                }
                uploaded = true;
            }
        }
        if (uploaded && notReady.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 400, JSON.writeValueAsBytes(example("error.attachment.not.ready.json")), null);
            return;
        }
        String mid = "mid." + String.format("%032x", ids.incrementAndGet());
        String text = body.path("text").isNull() ? null : body.path("text").asText(null);
        messages.put(mid, new Sent(mid, userId, text, body.path("format").asText(null), attachments,
                new CopyOnWriteArrayList<>()));
        arrivals.add(new Arrival(userId, System.nanoTime()));
        ObjectNode result = JSON.createObjectNode();
        ObjectNode message = result.putObject("message");
        message.putObject("sender").put("user_id", BOT_ID).put("first_name", "UniBot").put("username", "unit_bot")
                .put("is_bot", true).put("last_activity_time", System.currentTimeMillis()).put("name", "UniBot");
        message.putObject("recipient").put("chat_id", 1_000_000 + userId).put("chat_type", "dialog")
                .put("user_id", userId);
        message.put("timestamp", System.currentTimeMillis());
        ObjectNode b = message.putObject("body").put("mid", mid).put("seq", ids.get());
        b.put("text", text);
        b.set("attachments", attachments);
        json(exchange, result);
    }

    private void edit(HttpExchange exchange, String mid, JsonNode body) throws IOException {
        Sent old = messages.get(mid);
        if (old == null) {
            error(exchange, 404, "not.found", "Message " + mid + " not found", null);
            return;
        }
        old.edits().add(old.text());
        JsonNode attachments = body.get("attachments");
        messages.put(mid, new Sent(mid, old.userId(), body.path("text").asText(null), body.path("format")
                .asText(null), attachments == null || attachments.isNull() ? old.attachments() : attachments,
                old.edits()));
        success(exchange);
    }

    private void answer(HttpExchange exchange, String callbackId, JsonNode body) throws IOException {
        if (expiredCallbacks.contains(callbackId)) {
            error(exchange, 404, "not.found", "Callback " + callbackId + " not found", null);
            return;
        }
        ObjectNode recorded = body.deepCopy();
        recorded.put("callback_id", callbackId);
        answers.add(recorded);
        success(exchange);
    }

    private void updates(HttpExchange exchange, Map<String, String> query) throws IOException {
        Long marker = query.containsKey("marker") ? Long.valueOf(query.get("marker")) : null;
        markersAsked.add(marker);
        long timeoutMillis = Long.parseLong(query.getOrDefault("timeout", "30")) * 1000;
        ObjectNode result = JSON.createObjectNode();
        ArrayNode list = result.putArray("updates");
        synchronized (this) {
            if (marker != null && marker > firstMarker) {
                // MAX forgets what a marker confirmed
                updates.subList(0, (int) Math.min(updates.size(), marker - firstMarker)).clear();
                firstMarker = marker;
            }
            long until = System.currentTimeMillis() + timeoutMillis;
            while (updates.isEmpty() && System.currentTimeMillis() < until) {
                try {
                    wait(Math.max(1, until - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            updates.forEach(list::add);
            result.put("marker", firstMarker + updates.size());
        }
        json(exchange, result);
    }

    private void serveUpload(HttpExchange exchange, String id, Map<String, String> query, byte[] raw)
            throws IOException {
        Upload upload = uploads.get(id);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (upload == null || upload.content() != null || contentType == null
                || !contentType.startsWith("multipart/form-data") || !"x".equals(query.get("sig"))) {
            violations.add("upload " + id + ": unknown or used URL, or not multipart/form-data");
            error(exchange, 400, "upload.invalid", "bad upload", null);
            return;
        }
        String boundary = contentType.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int part = text.indexOf("name=\"data\"");
        int start = text.indexOf("\r\n\r\n", part) + 4;
        int end = text.indexOf("\r\n--" + boundary, start);
        if (part < 0 || end < 0) {
            violations.add("upload " + id + ": no part named data");
            error(exchange, 400, "upload.invalid", "no data part", null);
            return;
        }
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"")
                .matcher(text.substring(part, start));
        byte[] content = text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
        uploads.put(id, new Upload(upload.type(), name.find() ? name.group(1) : null, content, upload.token()));
        switch (upload.type()) {
            case "image" -> {
                ObjectNode result = JSON.createObjectNode();
                result.putObject("photos").putObject("p" + id).put("token", upload.token());
                json(exchange, result);
            }
            case "file" -> json(exchange, JSON.createObjectNode().put("token", upload.token()));
            default -> reply(exchange, 200, "<retval>1</retval>".getBytes(StandardCharsets.UTF_8), "text/xml");
        }
    }

    /** 30 calls a second per bot, 2 callback answers a second per chat (sliding windows). */
    private synchronized boolean overLimit(String method, String path, Map<String, String> query) {
        long now = System.nanoTime();
        if (!"GET /updates".equals(method + " " + path)) {
            while (!recentCalls.isEmpty() && now - recentCalls.peekFirst() >= 1_000_000_000L) {
                recentCalls.pollFirst();
            }
            if (recentCalls.size() >= perSecond) {
                return true;
            }
        }
        if ("POST /answers".equals(method + " " + path)) {
            // the chat of a press the fake made; a callback id it does not know counts on its own
            Long user = callbackUsers.get(query.get("callback_id"));
            String chat = user != null ? "user:" + user : "callback:" + query.get("callback_id");
            ArrayDeque<Long> recent = recentAnswers.computeIfAbsent(chat, c -> new ArrayDeque<>());
            while (!recent.isEmpty() && now - recent.peekFirst() >= 1_000_000_000L) {
                recent.pollFirst();
            }
            if (recent.size() >= 2) {
                return true;
            }
            recent.addLast(now);
        }
        if (!"GET /updates".equals(method + " " + path)) {
            recentCalls.addLast(now);
            countedAt.add(now);
        }
        return false;
    }

    private void success(HttpExchange exchange) throws IOException {
        json(exchange, JSON.createObjectNode().put("success", true));
    }

    private void json(HttpExchange exchange, JsonNode body) throws IOException {
        reply(exchange, 200, JSON.writeValueAsBytes(body), "application/json");
    }

    private void error(HttpExchange exchange, int status, String code, String message, Integer retryAfter)
            throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
        }
        reply(exchange, status, JSON.writeValueAsBytes(JSON.createObjectNode().put("code", code)
                .put("message", message)), "application/json");
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.createObjectNode().put("not-json", new String(raw, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        synchronized (this) {
            notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
