package ru.appealdesk.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.StandaloneService;
import ru.appealdesk.support.Staff;
import ru.appealdesk.support.TestDatabase;

/**
 * Benchmark (issue 26): the morning after a long weekend. A backlog queued while the service was off
 * ({@code -Dbench.backlog}, 2,000 messages to 300 chats) is drained after it starts (the JVM's first start: cold, as
 * after a restart), while the staff bind their chats, 4 clients post
 * {@code -Dbench.arriving} appeals (600) and staff type {@code /help} once a second; then the service is restarted
 * in the middle of a second backlog. Everything is measured at the fake Bot API, which stamps each message on arrival
 * and refuses the 31st in any sliding second: the backlog's rate, the 429s, and each {@code /help}'s wait from the
 * moment the person sent it to the reply's arrival.
 */
@Tag("benchmark")
class BusyMorningBenchmarkTest {

    static final int BACKLOG = Integer.getInteger("bench.backlog", 2_000);
    static final int ARRIVING = Integer.getInteger("bench.arriving", 600);
    static final int CHATS = 300;
    static final long FIRST_CHAT = 3_000_000L;
    static final FakeTelegram TELEGRAM = new FakeTelegram().strictLimits();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Long> STAFF = new LinkedHashMap<>();

    static {
        String[] logins = {"petrova", "sidorov", "morozov", "volkova", "zaitsev", "nikitina", "fedorova", "gromov",
                "egorova", "kuznetsova"};
        for (int i = 0; i < logins.length; i++) {
            STAFF.put(logins[i], 600_001L + i);
        }
    }

    private final List<ConfigurableApplicationContext> running = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void aBacklogAfterARestartWhileAppealsArriveAndPeopleAskForHelp() throws Exception {
        String database = TestDatabase.migratedDatabase();
        LongStream.range(0, CHATS).forEach(c -> TELEGRAM.knowChat(FIRST_CHAT + c));
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(database,
                "postgres", "postgres"));
        // given a backlog queued while the service was off
        queue(jdbc, BACKLOG, "A");

        // when it starts (the first start in this JVM: cold, as after a restart), the staff bind their chats, and
        // appeals arrive and people ask for help while the backlog drains
        int rateLimitedBefore = TELEGRAM.rateLimitedCalls();
        long restart = System.nanoTime();
        ConfigurableApplicationContext second = start(database, "first");
        long up = System.nanoTime();
        Api api = new Api(StandaloneService.port(second));
        Staff.bind(api, TELEGRAM, STAFF);
        List<long[]> asked = new CopyOnWriteArrayList<>();
        AtomicBoolean asking = new AtomicBoolean(true);
        Thread people = askForHelpEverySecond(asked, asking);
        long intakeStart = System.nanoTime();
        int created = post(api, ARRIVING);
        double intakeSeconds = (System.nanoTime() - intakeStart) / 1e9;
        awaitBacklog(BACKLOG, "A");
        long drained = System.nanoTime();
        asking.set(false);
        people.join();
        awaitDrained(jdbc);

        // then: the backlog's rate and the 429s at the receiver, and the waits for /help
        System.out.printf(Locale.ROOT, "BENCHMARK restart: up in %.1f s; the %d-message backlog at the receiver: %s;"
                        + " 429 answers: %d%n", (up - restart) / 1e9, BACKLOG,
                ReceiverRate.of(TELEGRAM.acceptedAt(), firstArrival("A", restart), drained),
                TELEGRAM.rateLimitedCalls() - rateLimitedBefore);
        System.out.printf(Locale.ROOT, "BENCHMARK intake while draining: %d appeals by 4 clients at %.1f/s%n", created,
                created / intakeSeconds);
        java.util.Set<Long> gotCards = TELEGRAM.arrivals().stream().filter(a -> a.text() != null
                && a.text().contains("MORNING-"))
                .map(FakeTelegram.Arrival::chatId).collect(java.util.stream.Collectors.toSet());
        System.out.printf(Locale.ROOT, "BENCHMARK /help while draining, update to reply at the receiver: all: %s; "
                        + "people who also got the new appeals' cards meanwhile: %s; people who did not: %s%n",
                waits(asked), waits(asked.stream().filter(q -> gotCards.contains(q[0])).toList()),
                waits(asked.stream().filter(q -> !gotCards.contains(q[0])).toList()));

        // and: a restart in the middle of a second backlog
        queue(jdbc, BACKLOG, "B");
        awaitBacklog(BACKLOG / 3, "B");
        int before = TELEGRAM.rateLimitedCalls();
        long stopAt = System.nanoTime();
        second.close();
        ConfigurableApplicationContext third = start(database, "third");
        awaitBacklog(BACKLOG, "B");
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "BENCHMARK restart mid-drain: stop to last message at the receiver: %s; the "
                        + "whole second backlog: %s; 429 answers: %d; spec violations: %s%n",
                ReceiverRate.of(TELEGRAM.acceptedAt(), stopAt, end),
                ReceiverRate.of(TELEGRAM.acceptedAt(), firstArrival("B", restart), end),
                TELEGRAM.rateLimitedCalls() - before, TELEGRAM.takeViolations());
        third.close();
    }

    private ConfigurableApplicationContext start(String database, String name) {
        ConfigurableApplicationContext app = StandaloneService.startOn(database, TELEGRAM, "appealdesk-morning-" + name,
                "--appealdesk.scheduler.tick=1h", "--logging.level.ru.appealdesk=WARN",
                "--appealdesk.telegram.poll-timeout=1s");
        running.add(app);
        return app;
    }

    /** {@code count} bulk messages to the 300 chats, each text starting with {@code tag}. */
    private static void queue(JdbcTemplate jdbc, int count, String tag) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {FIRST_CHAT + i % CHATS, "{\"text\":\"" + tag + " " + i + "\"}", now, now});
        }
        jdbc.batchUpdate("insert into outbound_message (chat_id, method, payload, priority, status, attempts, "
                + "next_attempt_at, created_at) values (?, 'SEND_MESSAGE', ?, 2, 'PENDING', 0, ?, ?)", rows);
    }

    private static long backlogArrived(String tag) {
        return TELEGRAM.arrivals().stream().filter(a -> a.text() != null && a.text().startsWith(tag + " ")).count();
    }

    private static void awaitBacklog(int count, String tag) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (backlogArrived(tag) < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static long firstArrival(String tag, long notBefore) {
        return TELEGRAM.arrivals().stream().filter(a -> a.text() != null && a.text().startsWith(tag + " "))
                .mapToLong(FakeTelegram.Arrival::at).filter(t -> t >= notBefore).min().orElse(notBefore);
    }

    private static void awaitDrained(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (jdbc.queryForObject("select count(*) from outbound_message where status in ('PENDING', "
                + "'IN_FLIGHT')", Long.class) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** One of the first five staff types /help every second, in turn; records {chat, when}. */
    private static Thread askForHelpEverySecond(List<long[]> asked, AtomicBoolean asking) {
        List<Long> people = STAFF.values().stream().limit(5).toList();
        Thread thread = new Thread(() -> {
            for (int i = 0; asking.get(); i++) {
                long chat = people.get(i % people.size());
                asked.add(new long[] {chat, System.nanoTime()});
                TELEGRAM.userSends(chat, "/help");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "people");
        thread.start();
        return thread;
    }

    /** Each /help's wait: from when it was sent to the first help reply to its chat that arrived after it. */
    private static String waits(List<long[]> asked) {
        List<FakeTelegram.Arrival> replies = TELEGRAM.arrivals().stream()
                .filter(a -> a.text() != null && a.text().contains("/my")).toList();
        List<Double> waits = new ArrayList<>();
        int unanswered = 0;
        for (long[] question : asked) {
            var reply = replies.stream().filter(r -> r.chatId() == question[0] && r.at() >= question[1])
                    .mapToLong(FakeTelegram.Arrival::at).min();
            if (reply.isPresent()) {
                waits.add((reply.getAsLong() - question[1]) / 1e9);
            } else {
                unanswered++;
            }
        }
        waits.sort(Double::compare);
        if (waits.isEmpty()) {
            return "no replies (" + unanswered + " unanswered)";
        }
        return String.format(Locale.ROOT, "%d asked, median %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s, %d unanswered",
                asked.size(), at(waits, 0.5), at(waits, 0.95), at(waits, 0.99), waits.get(waits.size() - 1),
                unanswered);
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** Posts {@code count} appeals from 4 concurrent clients; returns how many were created. */
    private static int post(Api api, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        String[] categories = {"roads", "waste", "heating", "roads", "waste"};
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = JSON.createObjectNode().put("source", "DOBRODEL").put("externalId", "MORNING-" + i)
                    .put("category", categories[i % categories.length]).put("text", "Обращение " + i)
                    .put("address", "г. Руза, ул. Солнцева, " + i).toString();
            results.add(clients.submit(() -> api.post("/api/appeals", body).status()));
        }
        int created = 0;
        for (Future<Integer> r : results) {
            created += r.get() == 201 ? 1 : 0;
        }
        clients.shutdown();
        return created;
    }
}
