package ru.appealdesk.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram's limits held by two instances together through PostgreSQL: in no sliding second more messages than
 * the limit, and no chat two messages closer than its spacing, however the instances' threads race.
 */
@org.junit.jupiter.api.Tag("realtime")
class RateLimitsTest {

    static HikariDataSource database;

    @BeforeAll
    static void createTable() throws SQLException {
        // pooled, as the application's data source is: a new connection per call would measure PostgreSQL's fork
        database = new HikariDataSource();
        database.setJdbcUrl(TestDatabase.newDatabase());
        database.setMaximumPoolSize(10);
        try (Connection c = database.getConnection()) {
            c.createStatement().execute("create table rate_bucket (id bigint primary key, state bytea, "
                    + "expires_at bigint)");
        }
    }

    static RateLimits instance(int perSecond) {
        return instance(perSecond, java.time.Duration.ofMillis(1100));
    }

    static RateLimits instance(int perSecond, java.time.Duration privateChatSpacing) {
        return new RateLimits(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database).table("rate_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        java.time.Duration.ofSeconds(30))).build(),
                new RateLimits.Pace(perSecond, 20, privateChatSpacing, 0));
    }

    /** What one message does before it goes out. */
    interface Send {
        void run(int i) throws InterruptedException;
    }

    /** Runs {@code count} sends on {@code threads} threads; returns when each went out, sorted. */
    private static List<Long> send(int threads, int count, Send send) throws Exception {
        List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                send.run(n);
                sentAt.add(System.nanoTime());
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(sentAt);
        Collections.sort(sorted);
        return sorted;
    }

    @Test
    void twoInstancesTogetherStayUnderTheBotWideLimitInEverySlidingSecond() throws Exception {
        // given two instances, four sending threads each, 90 messages to different chats
        RateLimits a = instance(28);
        RateLimits b = instance(28);
        List<Long> sentAt = send(4, 90, i -> {
            RateLimits limits = i % 2 == 0 ? a : b;
            limits.awaitTurn(1_000 + i, false);
        });

        // then the bucket paced them at 28 a second on average across both instances, and no one-second window
        // holds more than Telegram's 30 (28 a second leaves room for wake-up jitter; on a loaded machine the test's
        // own threads can wake late enough to add one more to a window, which is what the tolerance is for)
        List<Long> times = sentAt;
        int worst = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 1_000_000_000L) {
                j++;
            }
            worst = Math.max(worst, i - j + 1);
        }
        assertThat(worst).isLessThanOrEqualTo(31);
        double perSecond = (times.size() - 1) / ((times.get(times.size() - 1) - times.get(0)) / 1e9);
        assertThat(perSecond).isBetween(24.0, 28.5);
    }

    @Test
    void oneChatGetsAMessageAtMostOncePerSpacingWhicheverInstanceSends() throws Exception {
        RateLimits a = instance(28);
        RateLimits b = instance(28);
        List<Long> times = send(4, 4, i -> (i % 2 == 0 ? a : b).awaitChat(777));

        for (int i = 1; i < times.size(); i++) {
            // spaced 1.1 s, so that wake-up jitter never brings two within Telegram's one second
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(1_000_000_000L);
        }
        assertThat(a.chatWait(777)).isPositive();
    }

    @Test
    void theSpacingOfAPrivateChatIsTheConfiguredOne() throws Exception {
        // given instances configured for a fast pace (as the functional tests run against the fake Bot API)
        RateLimits a = instance(28, java.time.Duration.ofMillis(150));
        RateLimits b = instance(28, java.time.Duration.ofMillis(150));

        List<Long> times = send(4, 5, i -> (i % 2 == 0 ? a : b).awaitChat(778));

        // then one chat's messages are spaced by it, not by the default 1.1 s
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(100_000_000L);
        }
        assertThat(times.get(times.size() - 1) - times.get(0)).isLessThan(2_000_000_000L);
    }
}
