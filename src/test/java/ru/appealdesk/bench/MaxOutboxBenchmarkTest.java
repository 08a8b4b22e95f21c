package ru.appealdesk.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.support.FakeMax;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.TestDatabase;

/**
 * Benchmark (issue 24): the outbox delivering to MAX at MAX's limits. A backlog (3,000 messages to 300 MAX users by
 * default) is queued at once and drained into {@link FakeMax}, which answers 429 to the 31st call in a sliding second;
 * measured at the fake: the rate against MAX's 30/s and the configured 28/s, the busiest sliding second, the 429s and
 * which calls got them, each user's spacing between arrivals, and the time. Then the same backlog split between
 * Telegram ({@link FakeTelegram} with strict limits) and MAX at once: each lane drains at its own limit. Run with
 * {@code mvn -B -Pbenchmark test -Dtest=MaxOutboxBenchmarkTest}; sizes by {@code -Dbench.max.users} and
 * {@code -Dbench.max.perUser}. The sends are also stamped as they leave the service ({@link Departures}): a second
 * busier at the receiver than at departure is jitter between the two, not the sender's pacing. A third test sends
 * messages of uploaded files ({@code -Dbench.max.mediaMessages}, default 100), each file several MAX calls.
 */
@Tag("benchmark")
@SpringBootTest(classes = AppealDeskApplication.class)
@Import(Departures.class)
class MaxOutboxBenchmarkTest {

    static final int USERS = Integer.getInteger("bench.max.users", 300);
    static final int PER_USER = Integer.getInteger("bench.max.perUser", 10);
    static final FakeMax MAX = new FakeMax();
    static final FakeTelegram TELEGRAM = new FakeTelegram().strictLimits();
    private static final long MAX_USERS_FROM = 2_000_000L;
    private static final long TELEGRAM_CHATS_FROM = 1_000_000L;
    private static final long MEDIA_USERS_FROM = 3_000_000L;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${appealdesk.delivery.max.global-per-second:28}")
    int configured;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("appealdesk.max.bot-token", () -> FakeMax.TOKEN);
        registry.add("appealdesk.max.api-url", MAX::url);
        registry.add("appealdesk.max.poll-timeout", () -> "1s");
        registry.add("appealdesk.max.bot-username", () -> "appealdesk_bench_bot");
        registry.add("appealdesk.telegram.token", () -> FakeTelegram.TOKEN);
        registry.add("appealdesk.telegram.api-url", TELEGRAM::url);
        registry.add("appealdesk.telegram.poll-timeout", () -> "1s");
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.bot-config-dir", () -> "bot-config");
        registry.add("appealdesk.scheduler.tick", () -> "1h");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "appealdesk-max-bench");
    }

    @AfterAll
    static void stop() {
        MAX.close();
        TELEGRAM.close();
    }

    @Test
    void maxAlone() throws InterruptedException {
        // given the whole backlog queued for MAX at once
        long start = System.nanoTime();
        queue("MAX", MAX_USERS_FROM, USERS, PER_USER);

        // when the MAX lane drains it
        awaitDelivered(start, USERS * PER_USER, 0);

        // then report what the receiver saw
        System.out.println("BENCHMARK max alone: " + maxReport(start));
    }

    @Test
    void telegramAndMaxAtOnce() throws InterruptedException {
        // given the same backlog split between the two messengers, queued at once
        int maxUsers = USERS / 2;
        int telegramChats = USERS - maxUsers;
        for (int c = 0; c < telegramChats; c++) {
            TELEGRAM.knowChat(TELEGRAM_CHATS_FROM + c);
        }
        int telegramLimited = TELEGRAM.rateLimitedCalls();
        long start = System.nanoTime();
        queue("MAX", MAX_USERS_FROM + USERS, maxUsers, PER_USER);
        queue("TELEGRAM", TELEGRAM_CHATS_FROM, telegramChats, PER_USER);

        // when both lanes drain
        awaitDelivered(start, maxUsers * PER_USER, telegramChats * PER_USER);

        // then each lane at its own limit
        List<Long> telegram = TELEGRAM.acceptedAt().stream().filter(t -> t >= start).toList();
        List<String> violations = TELEGRAM.takeViolations();
        System.out.println("BENCHMARK mixed, MAX lane: " + maxReport(start));
        List<Long> departed = Departures.of(MessengerKind.TELEGRAM, start).stream().map(Departures.Departure::at)
                .toList();
        System.out.printf(Locale.ROOT, "BENCHMARK mixed, Telegram lane: %d messages to %d chats, last arrived %.1f s "
                        + "after queueing; at the receiver: %s; at departure: busiest sliding second %d of %d sends; "
                        + "429 answers: %d; spec violations: %d, the first: %s%n",
                telegram.size(), telegramChats, (telegram.get(telegram.size() - 1) - start) / 1e9,
                ReceiverRate.firstToLast(telegram), ReceiverRate.firstToLast(departed).busiestSecond(),
                departed.size(), TELEGRAM.rateLimitedCalls() - telegramLimited,
                violations.size(), violations.stream().limit(3).toList());
    }

    /**
     * Messages with files the service made (a report's workbook and chart): each file is {@code POST /uploads}, the
     * upload, and a {@code POST /messages}, while the outbox takes one bot-wide slot per message. Reports the 429s by
     * call and the files the fake received more than once.
     */
    @Test
    void messagesWithUploadedFiles() throws InterruptedException {
        // given messages of two uploaded documents each, queued at once
        int messages = Integer.getInteger("bench.max.mediaMessages", 100);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> files = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            java.util.UUID first = java.util.UUID.randomUUID();
            java.util.UUID second = java.util.UUID.randomUUID();
            files.add(new Object[] {first, "report-" + m + ".xlsx", new byte[] {1, 2, 3}, now});
            files.add(new Object[] {second, "chart-" + m + ".pdf", new byte[] {4, 5, 6}, now});
            rows.add(new Object[] {MEDIA_USERS_FROM + m, "{\"media\":[{\"kind\":\"DOCUMENT\",\"ref\":\"upload:"
                    + first + "\"},{\"kind\":\"DOCUMENT\",\"ref\":\"upload:" + second + "\"}]}", now, now});
        }
        jdbc.batchUpdate("insert into outbound_file (id, file_name, content, created_at) values (?, ?, ?, ?)", files);
        long start = System.nanoTime();
        jdbc.batchUpdate("insert into outbound_message (messenger, chat_id, method, payload, priority, status, "
                + "attempts, next_attempt_at, created_at) values ('MAX', ?, 'SEND_MEDIA', ?, 2, 'PENDING', 0, ?, ?)",
                rows);

        // when the MAX lane has sent or given up on every one
        while (System.nanoTime() - start < 900_000_000_000L && jdbc.queryForObject("select count(*) from "
                + "outbound_message where method = 'SEND_MEDIA' and status in ('PENDING', 'IN_FLIGHT')",
                Integer.class) > 0) {
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // then the calls at the receiver, the 429s by call, and the files sent twice
        List<FakeMax.Arrival> arrivals = MAX.arrivals().stream().filter(a -> a.at() >= start).toList();
        List<Long> counted = MAX.countedCallsAt().stream().filter(t -> t >= start).toList();
        Map<String, Long> limited = MAX.rateLimitedCalls().stream().filter(r -> r.at() >= start)
                .collect(Collectors.groupingBy(FakeMax.Refusal::call, Collectors.counting()));
        long uploadsAsked = MAX.calls("POST", "/uploads").size();
        System.out.printf(Locale.ROOT, "BENCHMARK max files: %d messages of 2 uploaded files to %d users done in %.1f "
                        + "s; outbox: %s; calls counted by the limit: %s; 429 answers by call: %s; POST /uploads "
                        + "(all so far): %d; file messages received: %d for %d files; at departure: %d outbox "
                        + "messages, busiest sliding second %d%n",
                messages, messages, seconds, jdbc.queryForList("select status, count(*) as n from outbound_message "
                        + "where method = 'SEND_MEDIA' group by status").toString(),
                ReceiverRate.firstToLast(counted), limited, uploadsAsked, arrivals.size(), 2 * messages,
                Departures.ofFiles(start).size(), ReceiverRate.firstToLast(Departures.ofFiles(start)).busiestSecond());
    }

    private void queue(String messenger, long firstChat, int chats, int perChat) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int round = 0; round < perChat; round++) {
            for (int chat = 0; chat < chats; chat++) {
                rows.add(new Object[] {messenger, firstChat + chat, "{\"text\":\"Сообщение " + round + "\"}", now,
                        now});
            }
        }
        jdbc.batchUpdate("insert into outbound_message (messenger, chat_id, method, payload, priority, status, "
                + "attempts, next_attempt_at, created_at) values (?, ?, 'SEND_MESSAGE', ?, 2, 'PENDING', 0, ?, ?)",
                rows);
    }

    /** Waits (at most 15 minutes) until each fake has received its part of the backlog queued at {@code start}. */
    private static void awaitDelivered(long start, int toMax, int toTelegram) throws InterruptedException {
        while (System.nanoTime() - start < 900_000_000_000L) {
            long max = MAX.arrivals().stream().filter(a -> a.at() >= start).count();
            long telegram = TELEGRAM.acceptedAt().stream().filter(t -> t >= start).count();
            if (max >= toMax && telegram >= toTelegram) {
                return;
            }
            Thread.sleep(250);
        }
    }

    /** The MAX messages and calls since {@code start}: rate, busiest second, 429s by call, per-user spacing. */
    private String maxReport(long start) {
        List<FakeMax.Arrival> arrivals = MAX.arrivals().stream().filter(a -> a.at() >= start).toList();
        List<Long> at = arrivals.stream().map(FakeMax.Arrival::at).toList();
        ReceiverRate messages = ReceiverRate.firstToLast(at);
        List<Long> counted = MAX.countedCallsAt().stream().filter(t -> t >= start).toList();
        ReceiverRate calls = ReceiverRate.firstToLast(counted);
        List<Long> between = new ArrayList<>();
        for (int i = 1; i < counted.size(); i++) {
            between.add(counted.get(i) - counted.get(i - 1));
        }
        Collections.sort(between);
        List<FakeMax.Refusal> limited = MAX.rateLimitedCalls().stream().filter(r -> r.at() >= start).toList();
        Map<String, Long> limitedByCall = limited.stream().collect(Collectors.groupingBy(FakeMax.Refusal::call,
                Collectors.counting()));
        String limitedWhen = limited.stream().map(r -> String.format(Locale.ROOT, "%.1f", (r.at() - start) / 1e9))
                .collect(Collectors.joining(" ", "at s [", "]"));
        Map<Long, List<Long>> byUser = new HashMap<>();
        arrivals.forEach(a -> byUser.computeIfAbsent(a.userId(), u -> new ArrayList<>()).add(a.at()));
        List<Long> gaps = new ArrayList<>();
        byUser.values().forEach(times -> {
            Collections.sort(times);
            for (int i = 1; i < times.size(); i++) {
                gaps.add(times.get(i) - times.get(i - 1));
            }
        });
        Collections.sort(gaps);
        List<Departures.Departure> departures = Departures.of(MessengerKind.MAX, start);
        ReceiverRate departed = ReceiverRate.firstToLast(departures.stream().map(Departures.Departure::at).toList());
        Map<Long, List<Long>> departedByUser = new HashMap<>();
        departures.stream().filter(Departures.Departure::accepted).forEach(d -> departedByUser
                .computeIfAbsent(d.chatId(), u -> new ArrayList<>()).add(d.at()));
        List<Long> transit = new ArrayList<>();
        byUser.forEach((user, times) -> {
            List<Long> sent = departedByUser.getOrDefault(user, List.of());
            for (int i = 0; i < Math.min(sent.size(), times.size()); i++) {
                transit.add(times.get(i) - sent.get(i));
            }
        });
        Collections.sort(transit);
        String queue = jdbc.queryForList("select status, count(*) as n from outbound_message where messenger = "
                + "'MAX' and status <> 'SENT' group by status order by status").toString();
        return String.format(Locale.ROOT, "%d messages to %d users, last arrived %.1f s after queueing; at the "
                        + "receiver: %s, %.3f of the configured %d/s; calls counted by the limit: %d, busiest "
                        + "sliding second %d, gap between calls p1 %.1f ms, p50 %.1f ms; 429 answers: %d %s %s; "
                        + "spacing per user at arrival: min %.0f ms, p50 %.0f ms, p95 %.0f ms; at departure: %d "
                        + "sends, busiest sliding second %d; departure to arrival p50 %.1f ms, p99 %.1f ms, max %.1f "
                        + "ms; not sent: %s; spec violations: %s",
                arrivals.size(), byUser.size(), at.isEmpty() ? 0 : (at.get(at.size() - 1) - start) / 1e9,
                messages, messages.perSecond() / configured, configured, calls.messages(), calls.busiestSecond(),
                millis(between, 0.01), millis(between, 0.5), limited.size(), limitedByCall, limitedWhen,
                millis(gaps, 0), millis(gaps, 0.50), millis(gaps, 0.95), departures.size(), departed.busiestSecond(),
                millis(transit, 0.5), millis(transit, 0.99), millis(transit, 1), queue, MAX.violations());
    }

    private static double millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
