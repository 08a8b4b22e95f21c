package ru.appealdesk.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.workflow.AppealEvents.AbsenceHandled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-over of an absent executor's appeals (seed 002 п.4, the memory benchmark's 25,000 appeals on one person)
 * in batches of their own transactions, here of 3 appeals: what one batch leaves the next pass of the timer tick
 * finishes, a batch that dies is done again, an appeal someone is changing at that moment holds up none of the
 * others and is left for the next pass, which finds it as that person left it; each appeal moves once and the
 * coordinators are told once, when nothing is left. Each test has an absent executor of its own, whose substitute
 * is absent in no other test: Никитина (waste, Зайцев stands in), an executor of roads (the other stands in),
 * Фёдорова (benefits, Егорова stands in).
 */
class HandOversTest extends EndToEndTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    HandOvers handOvers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationEventMulticaster multicaster;

    private final List<AbsenceHandled> handled = new CopyOnWriteArrayList<>();
    /** Counts substitutions down; the one that reaches 0 fails as a service stopping in the middle would. */
    private final AtomicInteger failIn = new AtomicInteger(Integer.MAX_VALUE);
    private final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof AbsenceHandled h) {
            handled.add(h);
        }
        if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof AppealEvents.AppealSubstituted
                && failIn.decrementAndGet() == 0) {
            throw new IllegalStateException("the service stops in the middle of a batch");
        }
    };

    @BeforeEach
    void smallBatches() {
        handOvers.batchSize(3);
        multicaster.addApplicationListener(listener);
    }

    @AfterEach
    void nobodyStaysAway() {
        multicaster.removeApplicationListener(listener);
        handOvers.batchSize(HandOvers.BATCH);
        for (String staff : new String[] {"nikitina", "morozov", "volkova", "fedorova"}) {
            api.admin().get("/api/staff/" + staff + "/absences").json().forEach(a ->
                    api.admin().delete("/api/staff/" + staff + "/absences/" + a.get("id").asLong()));
        }
    }

    @Test
    void aHandOverOfMoreThanOneBatchIsFinishedByTheNextPassEachAppealOnce() {
        // given seven appeals of Никитина (Tuesday 3 March 2026)
        List<Long> ids = appealsOf("waste", "HO-2026-1", 7, Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(heldBy("nikitina", ids)).hasSize(7);

        // when she goes away from today: the beginning's first batch runs once it is committed, then stops
        away("nikitina");

        // then three are Зайцев's, the others wait for the next pass, and the coordinators are not told yet
        assertThat(heldBy("zaitsev", ids)).hasSize(3);
        assertThat(heldBy("nikitina", ids)).hasSize(4);
        assertThat(handled).isEmpty();

        // when the timer tick runs (the next pass; after a restart the same)
        clock.advance(Duration.ofMinutes(1));

        // then every appeal is Зайцев's, each substituted once with one card to him, and the coordinators are told
        // once, of all seven
        assertThat(heldBy("zaitsev", ids)).hasSize(7);
        assertMovedOnce(ids, "zaitsev");
        assertThat(handled).singleElement().satisfies(h -> {
            assertThat(h.count()).isEqualTo(7);
            assertThat(h.numbers()).hasSize(7).allMatch(n -> n.startsWith("HO-2026-1"));
            assertThat(h.substituteId()).isEqualTo("zaitsev");
        });

        // and another pass finds nothing to do
        assertThat(handOvers.run()).isZero();
        assertThat(handled).hasSize(1);
        assertMovedOnce(ids, "zaitsev");
        telegram.awaitMessage(user("sokolova"), m -> m.text().contains("Никитина")
                && m.text().contains("Передано обращений: 7"));
    }

    @Test
    void anAppealSomeoneIsChangingAtThatMomentHoldsUpNoneOfTheOthersAndIsFoundAsTheyLeftIt() throws Exception {
        // given five appeals of one executor of roads (Wednesday 11 March 2026)
        List<Long> ids = appealsOf("roads", "HO-2026-2", 5, Instant.parse("2026-03-11T07:00:00Z"));
        String absent = jdbc.queryForObject("select executor_id from appeal where id = ?", String.class, ids.get(0));
        String substitute = absent.equals("morozov") ? "volkova" : "morozov";
        assertThat(heldBy(absent, ids)).hasSize(5);
        try (Connection person = dataSource.getConnection()) {
            // and, as he goes away, a transaction not yet committed: he is returning the second appeal (it leaves
            // him), and someone holds the fourth
            person.setAutoCommit(false);
            update(person, "update appeal set status = 'RETURNED', version = version + 1 where id = ?", ids.get(1));
            update(person, "update appeal set version = version where id = ?", ids.get(3));

            // when he goes away and the hand-over's passes run meanwhile
            away(absent);
            handOvers.run();

            // then the other three are the substitute's, committed, and the hand-over waits for the two
            assertThat(heldBy(substitute, ids)).containsExactly(ids.get(0), ids.get(2), ids.get(4));
            assertThat(heldBy(absent, ids)).containsExactly(ids.get(1), ids.get(3));
            assertThat(handled).isEmpty();
            person.commit();
        }

        // when the next pass runs
        handOvers.run();

        // then the fourth is handed over too, the returned one stays where it went, and the coordinators are told of
        // the four that moved
        assertThat(heldBy(substitute, ids)).containsExactly(ids.get(0), ids.get(2), ids.get(3), ids.get(4));
        assertThat(jdbc.queryForObject("select status from appeal where id = ?", String.class, ids.get(1)))
                .isEqualTo("RETURNED");
        assertMovedOnce(List.of(ids.get(0), ids.get(2), ids.get(3), ids.get(4)), substitute);
        assertThat(substitutions(ids.get(1))).isZero();
        assertThat(handled).singleElement().satisfies(h -> assertThat(h.count()).isEqualTo(4));
    }

    @Test
    void aBatchThatDiesInTheMiddleIsUndoneAndTheNextPassFinishesTheHandOverOnce() {
        // given seven appeals of Фёдорова (Wednesday 18 March 2026), and a service that dies in its second batch
        // of the hand-over, at its second appeal
        List<Long> ids = appealsOf("benefits", "HO-2026-3", 7, Instant.parse("2026-03-18T07:00:00Z"));
        assertThat(heldBy("fedorova", ids)).hasSize(7);
        failIn.set(5);

        // when she goes away and a pass runs into the failure
        away("fedorova");
        handOvers.run();

        // then the first batch stays done, the second is undone as a whole, and nobody is told yet
        assertThat(heldBy("egorova", ids)).hasSize(3);
        assertThat(heldBy("fedorova", ids)).hasSize(4);
        assertThat(handled).isEmpty();

        // when the service is up again and the tick runs
        failIn.set(Integer.MAX_VALUE);
        clock.advance(Duration.ofMinutes(1));

        // then the hand-over is finished: each appeal once, the coordinators told once
        assertThat(heldBy("egorova", ids)).hasSize(7);
        assertMovedOnce(ids, "egorova");
        assertThat(handled).singleElement().satisfies(h -> assertThat(h.count()).isEqualTo(7));
    }

    /**
     * Registers {@code count} appeals of the category at {@code at} (the clock is set there), repeats of the first,
     * so that they go to one executor.
     */
    private List<Long> appealsOf(String category, String prefix, int count, Instant at) {
        clock.set(at);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            var request = appealRequest(prefix + i, category).put("receivedAt", at.toString())
                    .put("address", "г. Руза, ул. Лесная, " + (10 * i + count));
            ids.add(register(i == 1 ? request : request.put("repeatOf", prefix + 1)).get("id").asLong());
        }
        return ids;
    }

    /** {@code staff} is away from today for three days. */
    private void away(String staff) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), MOSCOW);
        assertThat(api.admin().post("/api/staff/" + staff + "/absences", "{\"from\":\"" + today + "\",\"to\":\""
                + today.plusDays(2) + "\"}").status()).isEqualTo(201);
    }

    /** Of these appeals, those {@code staff} holds now, in order. */
    private List<Long> heldBy(String staff, List<Long> ids) {
        return ids.stream().filter(id -> staff.equals(jdbc.queryForObject(
                "select executor_id from appeal where id = ?", String.class, id))).toList();
    }

    private int substitutions(long id) {
        return jdbc.queryForObject("select count(*) from appeal_history where appeal_id = ? and type = 'SUBSTITUTED'",
                Integer.class, id);
    }

    /** Each appeal has one SUBSTITUTED entry and the substitute one new card of it. */
    private void assertMovedOnce(List<Long> ids, String substitute) {
        for (long id : ids) {
            assertThat(substitutions(id)).as("substitutions of appeal %d", id).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from card where appeal_id = ? and chat_id = ?",
                    Integer.class, id, user(substitute))).as("cards of appeal %d to %s", id, substitute).isEqualTo(1);
        }
    }

    private static void update(Connection connection, String sql, long id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
