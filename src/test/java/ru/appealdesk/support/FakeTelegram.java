package ru.appealdesk.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.awaitility.Awaitility.await;

/**
 * A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests. The real TelegramBots client talks to it over
 * HTTP: it holds {@code getUpdates} until an update arrives, checks every call against the Bot API spec (fields,
 * types, callback_data ≤ 64 bytes, text length after entity parsing, HTML well-formedness, known chats), keeps
 * what the bot sent so tests can read messages and press their buttons, and serves files for {@code getFile}.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token-for-the-fake-server";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message the bot sent (its latest version after edits). */
    public record Sent(int messageId, long chatId, String method, String text, List<List<Btn>> keyboard,
                       List<String> edits) {

        public boolean hasButton(String label) {
            return keyboard.stream().flatMap(List::stream).anyMatch(b -> b.text().contains(label));
        }

        public Btn button(String label) {
            return keyboard.stream().flatMap(List::stream).filter(b -> b.text().contains(label)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button '" + label + "' in: " + text + " " + keyboard));
        }
    }

    /** An inline button of a sent message: callback data, or a URL to open, or a Mini App's URL. */
    public record Btn(String text, String data, String url, String webApp) {
    }

    /**
     * A request the fake received: its method, its parameters as read (an uploaded file as {@code uploaded:<name>})
     * and its raw body (uploads' bytes included).
     */
    public record Request(String method, Map<String, JsonNode> params, byte[] body) {

        /** The parameters as JSON text, every value as it arrived. */
        public String paramsText() {
            return JSON.valueToTree(params).toString();
        }
    }

    /** The bot's answer to a button press. */
    public record CallbackAnswer(String callbackQueryId, String text, boolean alert) {
    }

    private final HttpServer server;
    private final BotApiSpec spec = BotApiSpec.load();
    private final List<ObjectNode> pendingUpdates = new ArrayList<>();
    private final AtomicInteger updateIds = new AtomicInteger(1000);
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final AtomicInteger callbackIds = new AtomicInteger(1);
    private final Map<Long, List<Sent>> byChat = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, CallbackAnswer> callbackAnswers = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, byte[]> files = Collections.synchronizedMap(new HashMap<>());
    private final Set<Long> knownChats = Collections.synchronizedSet(new HashSet<>());
    private final Set<Long> blockedChats = Collections.synchronizedSet(new HashSet<>());
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> lastMessageAt = new HashMap<>();
    /** When the messages of the last few seconds arrived ({@link System#nanoTime()}), sorted. */
    private final List<Long> recentMessages = new ArrayList<>();
    private final List<Long> acceptedAt = new ArrayList<>();
    /** Every message that counted towards the limits: its chat and when it arrived, in the order judged. */
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    /** Chats whose messages are held (the call hangs) until {@link #releaseChats()}. */
    private final Set<Long> heldChats = new HashSet<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicInteger holding = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean strict;
    /** The service's {@code appealdesk.delivery.private-chat-spacing}: the per-chat limit scales with it. */
    private volatile Duration pace = REAL_PACE;
    /** Telegram's pace, as the service keeps it by default: about one message a second per chat, with a margin. */
    public static final Duration REAL_PACE = Duration.ofMillis(1100);
    /** How late a message may arrive after its turn on a busy test machine (scheduling, GC), at most. */
    private static final long JITTER_NANOS = 200_000_000L;

    /** A message that arrived and counted towards the limits: its chat, method and when it arrived. */
    public record Arrival(long chatId, String method, String text, long at) {
    }

    /** An injected failure for the next calls of a method: an error answer, or a request lost after a delay. */
    private record Fault(String method, AtomicInteger remaining, int code, String description, Integer retryAfter,
                         Duration lostAfter) {
    }

    /** Sending methods that count towards Telegram's per-chat and global message limits. */
    private static final Set<String> MESSAGES = Set.of("sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup");

    public FakeTelegram() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // enough handlers for every call of a slowed-down Telegram to be in flight at once
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- what a person does in Telegram ----

    /** A user writes a text message to the bot in their private chat. */
    public void userSends(long userId, String text) {
        knownChats.add(userId);
        ObjectNode message = message(userId);
        message.put("text", text);
        if (text.startsWith("/")) {
            ArrayNode entities = message.putArray("entities");
            entities.addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", text.split("\\s")[0].length());
        }
        enqueue("message", message);
    }

    /** A user sends a photo (Telegram offers it in several sizes). */
    public void userSendsPhoto(long userId, byte[] jpeg) {
        userSendsPhoto(userId, jpeg, null);
    }

    /** A user sends several photos at once: Telegram delivers one message per photo, with one media_group_id. */
    public void userSendsAlbum(long userId, byte[]... photos) {
        String group = "album-" + updateIds.incrementAndGet();
        for (byte[] photo : photos) {
            userSendsPhoto(userId, photo, group);
        }
    }

    private void userSendsPhoto(long userId, byte[] jpeg, String mediaGroupId) {
        knownChats.add(userId);
        String fileId = "photo-" + updateIds.incrementAndGet();
        files.put(fileId, jpeg);
        ObjectNode message = message(userId);
        ArrayNode sizes = message.putArray("photo");
        sizes.addObject().put("file_id", fileId + "-small").put("file_unique_id", fileId + "-s").put("width", 90)
                .put("height", 60).put("file_size", 100);
        sizes.addObject().put("file_id", fileId).put("file_unique_id", fileId + "-u").put("width", 1280)
                .put("height", 960).put("file_size", jpeg.length);
        files.put(fileId + "-small", new byte[100]);
        if (mediaGroupId != null) {
            message.put("media_group_id", mediaGroupId);
        }
        enqueue("message", message);
    }

    /** A user sends a file as a document. */
    public void userSendsDocument(long userId, String fileName, String mimeType, byte[] content) {
        userSendsDocument(userId, fileName, mimeType, content, content.length);
    }

    /** A user sends a document whose size Telegram reports as {@code declaredSize}. */
    public void userSendsDocument(long userId, String fileName, String mimeType, byte[] content, long declaredSize) {
        knownChats.add(userId);
        String fileId = "doc-" + updateIds.incrementAndGet();
        files.put(fileId, content);
        ObjectNode message = message(userId);
        message.putObject("document").put("file_id", fileId).put("file_unique_id", fileId + "-u")
                .put("file_name", fileName).put("mime_type", mimeType).put("file_size", declaredSize);
        enqueue("message", message);
    }

    /** A user sends a video (as Telegram's video message) whose size Telegram reports as {@code declaredSize}. */
    public void userSendsVideo(long userId, String mimeType, byte[] content, long declaredSize) {
        knownChats.add(userId);
        String fileId = "video-" + updateIds.incrementAndGet();
        files.put(fileId, content);
        ObjectNode message = message(userId);
        message.putObject("video").put("file_id", fileId).put("file_unique_id", fileId + "-u").put("width", 1280)
                .put("height", 720).put("duration", 12).put("mime_type", mimeType).put("file_size", declaredSize);
        enqueue("message", message);
    }

    /** A user sends a voice message (which the bot does not take) with a caption. */
    public void userSendsVoice(long userId, String caption) {
        knownChats.add(userId);
        String fileId = "voice-" + updateIds.incrementAndGet();
        ObjectNode message = message(userId);
        message.putObject("voice").put("file_id", fileId).put("file_unique_id", fileId + "-u").put("duration", 3)
                .put("mime_type", "audio/ogg").put("file_size", 2048);
        message.put("caption", caption);
        enqueue("message", message);
    }

    /** A user presses a button of a message the bot sent them; returns the callback query id. */
    public String press(long userId, Sent message, String label) {
        return pressData(userId, message, message.button(label).data());
    }

    /**
     * A press with arbitrary callback data (e.g. forged, or another person's card replayed). As in Telegram, a
     * press in a private chat comes from the presser's own chat with the bot.
     */
    public String pressData(long userId, Sent message, String data) {
        knownChats.add(userId);
        return pressInChat(userId, userId, "private", message, data);
    }

    /** A press on a copy of the bot's message in a group or channel ({@code chatType}); returns the query id. */
    public String pressInChat(long userId, long chatId, String chatType, Sent message, String data) {
        String id = "cb-" + callbackIds.incrementAndGet();
        ObjectNode query = JSON.createObjectNode();
        query.put("id", id);
        query.set("from", user(userId));
        ObjectNode msg = query.putObject("message");
        msg.put("message_id", message.messageId()).put("date", 1_700_000_000);
        ObjectNode chat = msg.putObject("chat").put("id", chatId).put("type", chatType);
        if (!chatType.equals("private")) {
            chat.put("title", "Группа");
        }
        msg.put("text", message.text());
        query.put("chat_instance", "ci-" + chatId);
        query.put("data", data);
        enqueue("callback_query", query);
        return id;
    }

    /** A press on a button of an inline message ({@code inline_message_id}, no {@code message}); returns the id. */
    public String pressInline(long userId, String inlineMessageId, String data) {
        String id = "cb-" + callbackIds.incrementAndGet();
        ObjectNode query = JSON.createObjectNode();
        query.put("id", id);
        query.set("from", user(userId));
        query.put("inline_message_id", inlineMessageId);
        query.put("chat_instance", "ci-inline");
        query.put("data", data);
        enqueue("callback_query", query);
        return id;
    }

    /** Whether the bot answered a callback query (so far). */
    public boolean answered(String callbackQueryId) {
        return callbackAnswers.containsKey(callbackQueryId);
    }

    /** Delivers a raw update again (Telegram redelivers when it did not see the acknowledgement). */
    public int enqueueRaw(ObjectNode update) {
        synchronized (pendingUpdates) {
            pendingUpdates.add(update);
            pendingUpdates.notifyAll();
        }
        return update.get("update_id").asInt();
    }

    public ObjectNode lastUpdate() {
        synchronized (pendingUpdates) {
            return pendingUpdates.isEmpty() ? null : pendingUpdates.get(pendingUpdates.size() - 1).deepCopy();
        }
    }

    /** Marks a chat as known (the user has started the bot), as when the user talked to another instance. */
    public void knowChat(long chatId) {
        knownChats.add(chatId);
    }

    /** The next {@code times} calls of {@code method} fail with this Bot API error. */
    public void failNext(String method, int times, int code, String description, Integer retryAfter) {
        faults.add(new Fault(method, new AtomicInteger(times), code, description, retryAfter, null));
    }

    /** The next {@code times} calls of {@code method} are lost: no answer until {@code after}, then a reset. */
    public void loseNext(String method, int times, Duration after) {
        faults.add(new Fault(method, new AtomicInteger(times), 0, null, null, after));
    }

    /** Enforce Telegram's limits exactly, without slack for the test machine's scheduling (benchmarks). */
    public FakeTelegram strictLimits() {
        this.strict = true;
        return this;
    }

    /**
     * The service sends one message per {@code chatSpacing} to a chat (its {@code private-chat-spacing}) instead of
     * Telegram's one per {@link #REAL_PACE}: the per-chat limit is scaled alike. The bot-wide limit stays Telegram's,
     * as the service's {@code global-per-second} does.
     */
    public FakeTelegram pace(Duration chatSpacing) {
        this.pace = chatSpacing;
        return this;
    }

    /**
     * Forgets everything a test class did: messages, updates, chats, answers, files, faults and limits (a new
     * service context starts against it). Ids keep counting, so nothing of an earlier class can be mistaken for new.
     */
    public void reset() {
        synchronized (pendingUpdates) {
            pendingUpdates.clear();
        }
        synchronized (byChat) {
            byChat.clear();
        }
        synchronized (recentMessages) {
            lastMessageAt.clear();
            recentMessages.clear();
            acceptedAt.clear();
        }
        arrivals.clear();
        releaseChats();
        violations.clear();
        calls.clear();
        requests.clear();
        callbackAnswers.clear();
        files.clear();
        knownChats.clear();
        blockedChats.clear();
        faults.clear();
        menuButtons.clear();
        rateLimited.set(0);
        delay = Duration.ZERO;
        strict = false;
        pace = REAL_PACE;
    }

    /** Every sending call waits this long before it is answered (to keep messages in flight). */
    /** The most messages the fake held at once while slowed down (the service's calls in flight). */
    public int mostHeldAtOnce() {
        return held.get();
    }

    /** How many messages the fake is holding right now (slowed down, or to a held chat). */
    public int heldNow() {
        return holding.get();
    }

    /** How many getUpdates calls the service has made so far. */
    public long polls() {
        return calls.stream().filter("getUpdates"::equals).count();
    }

    public void slowDown(Duration delay) {
        this.delay = delay;
        this.held.set(0);
    }

    /** The user blocked the bot: every message to the chat is refused with 403. */
    public void block(long chatId) {
        blockedChats.add(chatId);
    }

    public void unblock(long chatId) {
        blockedChats.remove(chatId);
    }

    /** How many calls were answered 429 because the bot broke a rate limit. */
    public int rateLimitedCalls() {
        return rateLimited.get();
    }

    public void clearFaults() {
        faults.clear();
        blockedChats.clear();
    }

    // ---- what tests read ----

    public List<Sent> messagesTo(long chatId) {
        synchronized (byChat) {
            return List.copyOf(byChat.getOrDefault(chatId, List.of()));
        }
    }

    /** Waits until the bot has sent (or edited to) a message to {@code chatId} that matches. */
    public Sent awaitMessage(long chatId, Predicate<Sent> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> messagesTo(chatId).stream().filter(condition).reduce((a, b) -> b).orElse(null),
                java.util.Objects::nonNull);
    }

    /** The lines of every message to a chat that mention {@code fragment}. */
    public List<String> linesMentioning(long chatId, String fragment) {
        return messagesTo(chatId).stream().flatMap(m -> java.util.Arrays.stream(m.text().split("\n")))
                .filter(block -> block.contains(fragment)).toList();
    }

    public Sent awaitText(long chatId, String fragment) {
        return awaitMessage(chatId, m -> m.text() != null && m.text().contains(fragment));
    }

    public CallbackAnswer awaitAnswer(String callbackQueryId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> callbackAnswers.get(callbackQueryId),
                java.util.Objects::nonNull);
    }

    /** The spec violations seen since the last call, which clears them. */
    public List<String> takeViolations() {
        synchronized (violations) {
            List<String> seen = List.copyOf(violations);
            violations.clear();
            return seen;
        }
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Every Bot API request received since the last reset (file downloads aside), in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public boolean idle() {
        synchronized (pendingUpdates) {
            return pendingUpdates.isEmpty();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- the server ----

    private void serve(HttpExchange exchange) throws IOException {
        // Telegram judges its limits as a request arrives, whatever it then takes to read, check and answer it
        long arrived = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/file/bot" + TOKEN + "/")) {
                serveFile(exchange, path.substring(("/file/bot" + TOKEN + "/").length()));
                return;
            }
            if (!path.startsWith("/bot" + TOKEN + "/")) {
                violations.add("request with a wrong token or path: " + path);
                respond(exchange, 404, error(404, "Not Found"));
                return;
            }
            String method = spec.canonical(path.substring(("/bot" + TOKEN + "/").length()));
            if (method == null) {
                violations.add("unknown method " + path);
                respond(exchange, 404, error(404, "Not Found: method not found"));
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, JsonNode> params = Requests.parse(exchange, raw);
            params.remove("method");
            calls.add(method);
            requests.add(new Request(method, Map.copyOf(params), raw));
            List<String> problems = new ArrayList<>(spec.check(method, params));
            problems.addAll(Content.check(method, params));
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                respond(exchange, 400, error(400, "Bad Request: " + String.join("; ", problems)));
                return;
            }
            JsonNode chatId = params.get("chat_id");
            if (chatId != null && !knownChats.contains(chatId.asLong())) {
                violations.add(method + " to unknown chat " + chatId);
                respond(exchange, 400, error(400, "Bad Request: chat not found"));
                return;
            }
            awaitChatReleased(method, chatId);
            if (MESSAGES.contains(method) && !delay.isZero()) {
                held.accumulateAndGet(holding.incrementAndGet(), Math::max);
                try {
                    sleep(delay);
                } finally {
                    holding.decrementAndGet();
                }
            }
            Fault fault = takeFault(method);
            if (fault != null && fault.lostAfter() != null) {
                sleep(fault.lostAfter());
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            if (fault != null) {
                ObjectNode body = error(fault.code(), fault.description());
                if (fault.retryAfter() != null) {
                    body.putObject("parameters").put("retry_after", fault.retryAfter());
                }
                respond(exchange, fault.code(), body);
                return;
            }
            if (chatId != null && blockedChats.contains(chatId.asLong())) {
                respond(exchange, 403, error(403, "Forbidden: bot was blocked by the user"));
                return;
            }
            String broken = MESSAGES.contains(method) ? brokenLimit(chatId.asLong(), arrived, method, params) : null;
            if (broken != null) {
                rateLimited.incrementAndGet();
                violations.add(method + " to chat " + chatId + " broke Telegram's rate limits: " + broken);
                ObjectNode body = error(429, "Too Many Requests: retry after 1");
                body.putObject("parameters").put("retry_after", 1);
                respond(exchange, 429, body);
                return;
            }
            respond(exchange, 200, answer(method, params));
        } catch (RuntimeException e) {
            violations.add("fake server failure: " + e);
            throw e;
        }
    }

    /**
     * Telegram's limits. Strict (benchmarks, as the issue measured them): a 31st message in any sliding second, or a
     * second one to a chat within a second, is refused. Otherwise (the functional tests, run side by side on a busy
     * machine) with a little slack for the test machine's own scheduling: 32 a second, 0.9 s per chat. The per-chat
     * limit scales with the service's {@link #pace}: strict 1/1.1 of it, otherwise it less the jitter (at most 4/5
     * of it). Returns which limit was broken, or null.
     */
    private String brokenLimit(long chatId, long arrived, String method, Map<String, JsonNode> params) {
        long spacing = pace.toNanos();
        long perChat = strict ? spacing * 10 / 11 : spacing - Math.min(JITTER_NANOS, spacing * 4 / 5);
        int perSecond = strict ? 30 : 32;
        synchronized (recentMessages) {
            // requests are judged by when they arrived, though a later one may be judged first (threads)
            Long last = lastMessageAt.get(chatId);
            if (last != null && Math.abs(arrived - last) < perChat) {
                return "a second message to the chat within " + Math.abs(arrived - last) / 1_000_000
                        + " ms (the limit: " + perChat / 1_000_000 + " ms)";
            }
            int busiest = busiestSecondWith(arrived);
            if (busiest > perSecond) {
                return "message " + busiest + " in a sliding second";
            }
            int at = java.util.Collections.binarySearch(recentMessages, arrived);
            recentMessages.add(at < 0 ? -at - 1 : at, arrived);
            long newest = recentMessages.get(recentMessages.size() - 1);
            recentMessages.removeIf(t -> newest - t > 3_000_000_000L);
            if (last == null || arrived > last) {
                lastMessageAt.put(chatId, arrived);
            }
            acceptedAt.add(arrived);
            JsonNode text = params.get("text");
            arrivals.add(new Arrival(chatId, method, text == null ? null : text.asText(), arrived));
            return null;
        }
    }

    /** The most messages in any sliding second that holds {@code at}, counting the one arriving then. */
    private int busiestSecondWith(long at) {
        int most = 1;
        for (int first = 0; first < recentMessages.size(); first++) {
            long start = recentMessages.get(first);
            if (start > at) {
                break;
            }
            if (at - start >= 1_000_000_000L) {
                continue;
            }
            int count = 1;
            for (int i = first; i < recentMessages.size() && recentMessages.get(i) - start < 1_000_000_000L; i++) {
                count++;
            }
            most = Math.max(most, count);
        }
        // the window that starts at this message
        int count = 1;
        for (long t : recentMessages) {
            if (t >= at && t - at < 1_000_000_000L) {
                count++;
            }
        }
        return Math.max(most, count);
    }

    /** Messages that counted towards the limits, as they arrived: which chat, when. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Messages to these chats are held, their calls hanging, until {@link #releaseChats()}. */
    public void holdChats(java.util.Collection<Long> chats) {
        synchronized (heldChats) {
            heldChats.addAll(chats);
        }
    }

    /** Lets every held message go. */
    public void releaseChats() {
        synchronized (heldChats) {
            heldChats.clear();
            heldChats.notifyAll();
        }
    }

    private void awaitChatReleased(String method, JsonNode chatId) {
        if (chatId == null || !MESSAGES.contains(method)) {
            return;
        }
        synchronized (heldChats) {
            if (!heldChats.contains(chatId.asLong())) {
                return;
            }
            held.accumulateAndGet(holding.incrementAndGet(), Math::max);
            try {
                while (heldChats.contains(chatId.asLong())) {
                    heldChats.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                holding.decrementAndGet();
            }
        }
    }

    /** When each message that counted towards the limits was accepted ({@link System#nanoTime()}), in order. */
    public List<Long> acceptedAt() {
        synchronized (recentMessages) {
            return acceptedAt.stream().sorted().toList();
        }
    }

    private final Map<Long, JsonNode> menuButtons = new java.util.concurrent.ConcurrentHashMap<>();

    private Fault takeFault(String method) {
        for (Fault fault : faults) {
            if (fault.method().equals(method) && fault.remaining().getAndDecrement() > 0) {
                return fault;
            }
        }
        return null;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode answer(String method, Map<String, JsonNode> p) {
        return switch (method) {
            case "getUpdates" -> ok(updates(p.containsKey("offset") ? p.get("offset").asInt() : 0,
                    p.containsKey("timeout") ? p.get("timeout").asInt() : 0));
            case "getMe" -> ok(user(999).put("is_bot", true).put("username", "appealdesk_test_bot"));
            case "sendMessage" -> ok(record(p, "sendMessage", p.get("text").asText()));
            case "sendPhoto" -> ok(record(p, "sendPhoto", "[photo] " + p.get("photo").asText()));
            case "sendDocument" -> ok(record(p, "sendDocument", "[document] " + p.get("document").asText()));
            case "sendVideo" -> ok(record(p, "sendVideo", "[video] " + p.get("video").asText()));
            case "sendMediaGroup" -> {
                ArrayNode result = JSON.createArrayNode();
                for (JsonNode media : p.get("media")) {
                    result.add(record(p, "sendMediaGroup", "[" + media.get("type").asText() + "] "
                            + media.get("media").asText()));
                }
                yield ok(result);
            }
            case "editMessageText" -> edit(p);
            case "answerCallbackQuery" -> {
                String id = p.get("callback_query_id").asText();
                callbackAnswers.put(id, new CallbackAnswer(id, p.containsKey("text") ? p.get("text").asText() : null,
                        p.containsKey("show_alert") && p.get("show_alert").asBoolean()));
                yield ok(JSON.getNodeFactory().booleanNode(true));
            }
            case "getFile" -> {
                String fileId = p.get("file_id").asText();
                if (!files.containsKey(fileId)) {
                    yield error(400, "Bad Request: invalid file_id");
                }
                yield ok(JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", fileId + "-u")
                        .put("file_size", files.get(fileId).length).put("file_path", "files/" + fileId));
            }
            case "setChatMenuButton" -> {
                menuButtons.put(p.get("chat_id").asLong(), p.get("menu_button"));
                yield ok(JSON.getNodeFactory().booleanNode(true));
            }
            default -> ok(JSON.getNodeFactory().booleanNode(true));
        };
    }

    /** The menu button the bot set for a private chat (setChatMenuButton), if any. */
    public JsonNode menuButton(long chatId) {
        return menuButtons.get(chatId);
    }

    private ObjectNode record(Map<String, JsonNode> p, String method, String text) {
        long chatId = p.get("chat_id").asLong();
        int id = messageIds.incrementAndGet();
        Sent sent = new Sent(id, chatId, method, text, keyboard(p.get("reply_markup")), List.of());
        synchronized (byChat) {
            byChat.computeIfAbsent(chatId, c -> new ArrayList<>()).add(sent);
        }
        ObjectNode message = JSON.createObjectNode().put("message_id", id).put("date", 1_700_000_000);
        message.putObject("chat").put("id", chatId).put("type", "private");
        message.set("from", user(999).put("is_bot", true));
        if (method.equals("sendMessage")) {
            message.put("text", text);
        }
        return message;
    }

    private ObjectNode edit(Map<String, JsonNode> p) {
        long chatId = p.get("chat_id").asLong();
        int messageId = p.get("message_id").asInt();
        synchronized (byChat) {
            List<Sent> list = byChat.getOrDefault(chatId, new ArrayList<>());
            for (int i = 0; i < list.size(); i++) {
                Sent old = list.get(i);
                if (old.messageId() == messageId) {
                    String text = p.get("text").asText();
                    List<List<Btn>> keyboard = keyboard(p.get("reply_markup"));
                    if (text.equals(old.text()) && keyboard.equals(old.keyboard())) {
                        return error(400, "Bad Request: message is not modified");
                    }
                    List<String> edits = new ArrayList<>(old.edits());
                    edits.add(old.text());
                    list.set(i, new Sent(messageId, chatId, old.method(), text, keyboard, edits));
                    ObjectNode message = JSON.createObjectNode().put("message_id", messageId).put("date", 1);
                    message.putObject("chat").put("id", chatId).put("type", "private");
                    message.put("text", text);
                    return ok(message);
                }
            }
        }
        violations.add("editMessageText of unknown message " + messageId + " in chat " + chatId);
        return error(400, "Bad Request: message to edit not found");
    }

    private static List<List<Btn>> keyboard(JsonNode markup) {
        List<List<Btn>> rows = new ArrayList<>();
        if (markup != null && markup.has("inline_keyboard")) {
            for (JsonNode row : markup.get("inline_keyboard")) {
                List<Btn> buttons = new ArrayList<>();
                row.forEach(b -> buttons.add(new Btn(b.get("text").asText(), b.path("callback_data").asText(null),
                        b.path("url").asText(null), b.path("web_app").path("url").asText(null))));
                rows.add(buttons);
            }
        }
        return rows;
    }

    private ArrayNode updates(int offset, int timeoutSeconds) {
        long deadline = System.currentTimeMillis() + Math.min(timeoutSeconds, 2) * 1000L;
        synchronized (pendingUpdates) {
            pendingUpdates.removeIf(u -> u.get("update_id").asInt() < offset);
            while (pendingUpdates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    pendingUpdates.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ArrayNode result = JSON.createArrayNode();
            pendingUpdates.stream().filter(u -> u.get("update_id").asInt() >= offset).forEach(result::add);
            return result;
        }
    }

    private void serveFile(HttpExchange exchange, String filePath) throws IOException {
        byte[] content = files.get(filePath.replace("files/", ""));
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private void enqueue(String kind, ObjectNode payload) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateIds.incrementAndGet());
        update.set(kind, payload);
        enqueueRaw(update);
    }

    private ObjectNode message(long userId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageIds.incrementAndGet());
        message.put("date", 1_700_000_000);
        message.set("from", user(userId));
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "User" + userId);
        return message;
    }

    private static ObjectNode user(long id) {
        return JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "User" + id);
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode node = JSON.createObjectNode().put("ok", true);
        node.set("result", result);
        return node;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reading a Bot API request: JSON, multipart/form-data or URL-encoded. */
    static final class Requests {

        private Requests() {
        }

        static Map<String, JsonNode> parse(HttpExchange exchange, byte[] body) throws IOException {
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            Map<String, JsonNode> params = new LinkedHashMap<>();
            if (type.startsWith("application/json")) {
                JsonNode node = JSON.readTree(body);
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), e.getValue());
                }
            } else if (type.startsWith("multipart/form-data")) {
                String boundary = type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
                Multipart.parse(body, boundary).forEach((name, value) -> params.put(name, value));
            } else if (body.length > 0 || exchange.getRequestURI().getRawQuery() != null) {
                String form = body.length > 0 ? BotApiSpec.utf8(body) : exchange.getRequestURI().getRawQuery();
                for (String pair : form.split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            value(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
                }
            }
            return params;
        }

        static JsonNode value(String text) {
            String t = text.trim();
            if (t.startsWith("{") || t.startsWith("[")) {
                try {
                    return JSON.readTree(t);
                } catch (IOException e) {
                    return TextNode.valueOf(text);
                }
            }
            return TextNode.valueOf(text);
        }
    }
}
