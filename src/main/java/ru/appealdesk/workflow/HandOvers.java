package ru.appealdesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
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
    static final java.time.Duration PASS = java.time.Duration.ofSeconds(10);
    /** A batch that met a change made at the same moment is tried again on the appeals as they are then, this often. */
    private static final int ATTEMPTS = 3;
    /** The statuses in which an appeal is handed over: its executor holds it. */
    static final String[] HELD = Transition.SUBSTITUTE.from().stream().map(Enum::name).toArray(String[]::new);

    private final HandOverRepository handOvers;
    private final AppealRepository appeals;
    private final Absences absences;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate own;
    private final EntityManager entities;
    private volatile int batch = BATCH;

    HandOvers(HandOverRepository handOvers, AppealRepository appeals, Absences absences, Directory directory,
              ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
              EntityManager entities) {
        this.entities = entities;
        this.handOvers = handOvers;
        this.appeals = appeals;
        this.absences = absences;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What one batch did: moved appeals and more are left, ended the hand-over, or could go no further now. */
    private enum Outcome { MOVED, DONE, BUSY }

    private record Batch(Outcome outcome, int moved) {
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
            Batch done;
            try {
                done = own.execute(status -> batch(absenceId));
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
            if (done.outcome() != Outcome.MOVED) {
                return moved;
            }
        }
        return moved;
    }

    /**
     * One batch: the appeals are locked as they are read ({@code SKIP LOCKED}: one a person is changing right now is
     * left for the next batch or pass), so each is moved on its current state and no one else's change of it can
     * meet this one; the hand-over row counts them in the same transaction.
     */
    private Batch batch(long absenceId) {
        Optional<HandOver> claimed = handOvers.claim(absenceId);
        if (claimed.isEmpty()) {
            return new Batch(Outcome.BUSY, 0);   // done, or a batch elsewhere holds it
        }
        HandOver handOver = claimed.get();
        Instant now = clock.instant();
        Optional<StaffMember> substitute = directory.staff(handOver.substituteId());
        boolean away = absences.isAbsent(handOver.staffId());
        int moved = 0;
        if (substitute.isPresent() && away) {
            Absences.Absence absence = handOver.absence();
            // the facts of the entry: the absence's dates, put into words when the history is shown
            List<String> why = List.of(absence.from().toString(), absence.to().toString());
            List<String> numbers = new ArrayList<>();
            for (long id : appeals.lockHeldBy(handOver.staffId(), HELD, batch)) {
                substitute(id, handOver.staffId(), substitute.get(), why, now).ifPresent(numbers::add);
            }
            // read again: the row stays locked, what the transaction had read was let go with the appeals
            handOver = handOvers.findById(absenceId).orElseThrow();
            numbers.forEach(handOver::moved);
            moved = numbers.size();
            if (appeals.countHeldBy(handOver.staffId(), HELD) > 0) {
                return new Batch(moved > 0 ? Outcome.MOVED : Outcome.BUSY, moved);
            }
        }
        // nothing left (or the person is back, or the substitute is gone from the directory): the coordinators learn
        // what moved, in the transaction that ends the hand-over; of an absence cancelled before anything moved,
        // nothing
        AppealEvents.AbsenceHandled handled = handOver.done(now);
        handOvers.flush();
        if (away || handled.count() > 0) {
            events.publishEvent(handled);
        }
        log.info("Hand-over of {}'s appeals to {} done: {} moved", handOver.staffId(), handOver.substituteId(),
                handled.count());
        return new Batch(Outcome.DONE, moved);
    }

    /**
     * Substitutes one locked appeal if it is still the absent executor's, and returns its number. Then what it and its
     * events brought into the transaction is written and let go: a flush checks every entity the transaction holds,
     * so a batch that kept them all would take time with the square of its size.
     */
    private Optional<String> substitute(long id, String absent, StaffMember substitute, List<String> why,
                                        Instant now) {
        Optional<Appeal> found = appeals.findById(id).filter(a -> absent.equals(a.executorId())
                && Transition.SUBSTITUTE.from().contains(a.status()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppealEvents.AppealSubstituted event = found.get().substitute(substitute.id(), substitute.departmentId(), why,
                now);
        appeals.flush();
        events.publishEvent(event);
        entities.flush();
        entities.clear();
        return Optional.of(event.appeal().number());
    }

    /** For tests: batches of {@code size} appeals. */
    void batchSize(int size) {
        this.batch = size;
    }
}
