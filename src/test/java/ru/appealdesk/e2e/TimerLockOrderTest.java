package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/**
 * A timer tick locks its due timers, then the appeal; a person's transition changes the appeal, then cancels its
 * timers. The transition must not wait for timers a tick holds, or the two deadlock (PostgreSQL 40P01) and the
 * person's press fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimerLockOrderTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AppealCommands appeals;
    @Autowired
    AppealQueries queries;

    @Test
    void aTransitionDoesNotWaitForTheTimersATickHolds() throws Exception {
        // given an appeal whose pending timers a tick has claimed and holds
        JsonNode registered = register(appealRequest("LOCK-2026-1", "roads"));
        long id = registered.get("id").asLong();
        String executor = registered.get("executor").asText();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> tick = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(status -> {
                    int held = jdbc.queryForList("select id from timer where appeal_id = ? and status = 'PENDING' "
                            + "for update", Long.class, id).size();
                    locked.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return held;
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        // when the executor accepts the appeal meanwhile
        int step = queries.find(id).orElseThrow().step();
        AppealView accepted;
        try {
            accepted = CompletableFuture.supplyAsync(() -> appeals.accept(id, step, executor))
                    .get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }

        // then the acceptance went through without waiting for the tick
        assertThat(accepted.status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(tick.get(10, TimeUnit.SECONDS)).as("timers the tick held").isPositive();
    }
}
