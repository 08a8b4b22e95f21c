package ru.appealdesk.workflow;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.StaffMember;

/**
 * Hands an absent executor's open appeals to their substitute (seed 002 п.4) in batches, each in a transaction of
 * its own, and tells the coordinators once, when nothing is left ({@link AppealEvents.AbsenceHandled}). What is
 * left after a stop is in {@code absence_hand_over}: the timer tick calls {@link #run()}.
 */
@Component
public class HandOvers {

    private static final Logger log = LoggerFactory.getLogger(HandOvers.class);
    /** Appeals moved in one transaction. */
    static final int BATCH = 200;
    /**
     * How long a pass of the tick goes on with the hand-overs (it ends the batch under way, and does one at least):
     * the timers are not held up for long, and the next tick goes on.
     */
    static final Duration PASS = Duration.ofSeconds(10);
    /** A batch that met a change made at the same moment is tried again on the appeals as they are then, this often. */
    private static final int ATTEMPTS = 3;

    private final HandOverRepository handOvers;
    private final HandOverBatch batches;
    private final Clock clock;
    private final TransactionTemplate own;
    private volatile int batch = BATCH;

    HandOvers(HandOverRepository handOvers, HandOverBatch batches, Clock clock,
              PlatformTransactionManager transactions) {
        this.handOvers = handOvers;
        this.batches = batches;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Goes on with the hand-overs not done yet, for {@link #PASS} at most; returns how many appeals moved. */
    public int run() {
        long until = System.nanoTime() + PASS.toNanos();
        int moved = 0;
        for (long absenceId : handOvers.pending()) {
            moved += handOver(absenceId, until);
        }
        return moved;
    }

    /** An absence with a substitute began: its hand-over is recorded in the beginning's transaction. */
    void begin(Absences.Absence absence, StaffMember substitute) {
        handOvers.save(new HandOver(absence, substitute.id(), clock.instant()));
    }

    /** The first batch of a hand-over that has just begun, at once. */
    void first(long absenceId) {
        handOver(absenceId, System.nanoTime());
    }

    /**
     * Batches of one hand-over until it is done or {@code until} ({@link System#nanoTime()}) has passed, one at least;
     * a failure leaves the rest to the next pass.
     */
    private int handOver(long absenceId, long until) {
        int moved = 0;
        int conflicts = 0;
        for (boolean first = true; first || System.nanoTime() - until < 0; first = false) {
            HandOverBatch.Result done;
            try {
                done = own.execute(status -> batches.run(absenceId, batch));
            } catch (ConcurrencyFailureException conflict) {
                // someone changed an appeal of the batch at the same moment: the batch is undone and taken again
                if (++conflicts == ATTEMPTS) {
                    log.info("Hand-over of absence {} met changes made at the same moment; the next pass goes on",
                            absenceId);
                    return moved;
                }
                continue;
            } catch (RuntimeException e) {
                log.warn("Hand-over of absence {} stopped; the next pass goes on", absenceId, e);
                return moved;
            }
            moved += done.moved();
            if (done.outcome() != HandOverBatch.Outcome.MOVED) {
                return moved;
            }
        }
        return moved;
    }

    /** For tests: batches of {@code size} appeals. */
    void batchSize(int size) {
        this.batch = size;
    }
}
