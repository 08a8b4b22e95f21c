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
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;

/**
 * One batch of a hand-over ({@link HandOvers}), in the caller's transaction: up to a batch of the absent executor's
 * appeals go to the substitute, counted on the hand-over's row; the batch that finds nothing left ends it.
 */
@Component
class HandOverBatch {

    private static final Logger log = LoggerFactory.getLogger(HandOverBatch.class);
    /** The statuses in which an appeal is handed over: its executor holds it. */
    static final String[] HELD = Transition.SUBSTITUTE.from().stream().map(Enum::name).toArray(String[]::new);

    private final HandOverRepository handOvers;
    private final AppealRepository appeals;
    private final Absences absences;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityManager entities;

    HandOverBatch(HandOverRepository handOvers, AppealRepository appeals, Absences absences, Directory directory,
                  ApplicationEventPublisher events, Clock clock, EntityManager entities) {
        this.handOvers = handOvers;
        this.appeals = appeals;
        this.absences = absences;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.entities = entities;
    }

    /** What one batch did: moved appeals and more are left, ended the hand-over, or could go no further now. */
    enum Outcome { MOVED, DONE, BUSY }

    /** The batch's outcome and how many appeals it moved. */
    record Result(Outcome outcome, int moved) {
    }

    /**
     * One batch: the appeals are locked as they are read ({@code SKIP LOCKED}: one a person is changing right now is
     * left for the next batch or pass), so each is moved on its current state and no one else's change of it can
     * meet this one; the hand-over row counts them in the same transaction.
     */
    Result run(long absenceId, int size) {
        Optional<HandOver> claimed = handOvers.claim(absenceId);
        if (claimed.isEmpty()) {
            return new Result(Outcome.BUSY, 0);   // done, or a batch elsewhere holds it
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
            for (long id : appeals.lockHeldBy(handOver.staffId(), HELD, size)) {
                substitute(id, handOver.staffId(), substitute.get(), why, now).ifPresent(numbers::add);
            }
            // read again: the row stays locked, what the transaction had read was let go with the appeals
            handOver = handOvers.findById(absenceId).orElseThrow();
            numbers.forEach(handOver::moved);
            moved = numbers.size();
            if (appeals.countHeldBy(handOver.staffId(), HELD) > 0) {
                return new Result(moved > 0 ? Outcome.MOVED : Outcome.BUSY, moved);
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
        return new Result(Outcome.DONE, moved);
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

}
