package ru.appealdesk.workflow;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import ru.appealdesk.directory.Absences.AbsenceBegan;
import ru.appealdesk.workflow.AppealEvents.AbsenceHandled;

/**
 * When an absence begins (seed 002 п.4) the absent executor's open appeals go to their substitute, batch by batch
 * ({@link HandOvers}); whether or not anyone could take them, {@link AbsenceHandled} tells the coordinators. An
 * appeal that comes back to an absent executor later goes on to the substitute at once.
 */
@Component
class Substitutions {

    private final AppealRepository appeals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ru.appealdesk.directory.Absences absences;
    private final HandOvers handOvers;

    Substitutions(AppealRepository appeals, ApplicationEventPublisher events, Clock clock,
                  ru.appealdesk.directory.Absences absences, HandOvers handOvers) {
        this.handOvers = handOvers;
        this.appeals = appeals;
        this.events = events;
        this.clock = clock;
        this.absences = absences;
    }

    /**
     * An appeal that comes back to an executor who is away (a rework, a rejected return, a coordinator's choice, a
     * reopen) goes on to their substitute, once every other listener of the change has run.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void handOver(AppealEvents.AppealEvent event) {
        AppealView a = event.appeal();
        if (event instanceof AppealEvents.AppealSubstituted || a.executorId() == null
                || !Transition.WITH_EXECUTOR.contains(a.status())) {
            return;
        }
        absences.substituteFor(a.executorId()).ifPresent(substitute -> appeals.findById(a.id())
                .filter(current -> a.executorId().equals(current.executorId())
                        && Transition.WITH_EXECUTOR.contains(current.status()))
                .ifPresent(current -> {
                    AppealEvents.AppealSubstituted moved = current.substitute(substitute.id(),
                            substitute.departmentId(), List.of(), clock.instant());
                    appeals.flush();
                    events.publishEvent(moved);
                }));
    }

    /**
     * With a substitute the hand-over is recorded here and done in batches ({@link HandOvers}), so the beginning's
     * transaction stays short; with none the coordinators learn at once how many appeals they must move.
     */
    @EventListener
    void on(AbsenceBegan began) {
        if (began.substitute().isPresent()) {
            handOvers.begin(began.absence(), began.substitute().get());
            return;
        }
        String absent = began.absence().staffId();
        events.publishEvent(new AbsenceHandled(began.absence(), null,
                appeals.numbersHeldBy(absent, HandOverBatch.HELD, HandOver.LISTED),
                (int) appeals.countHeldBy(absent, HandOverBatch.HELD), clock.instant()));
    }

    /** Once the beginning is committed, its first batch at once: a small hand-over is done before this returns. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterBegan(AbsenceBegan began) {
        if (began.substitute().isPresent()) {
            handOvers.first(began.absence().id());
        }
    }
}
