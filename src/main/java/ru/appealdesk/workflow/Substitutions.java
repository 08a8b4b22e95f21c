package ru.appealdesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Absences.AbsenceBegan;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealEvents.AbsenceHandled;

/**
 * When an absence begins (seed 002 п.4) the absent executor's open appeals go to their substitute, in the same
 * transaction; whether or not anyone could take them, {@link AbsenceHandled} tells the coordinators.
 */
@Component
class Substitutions {

    private final AppealRepository appeals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ru.appealdesk.directory.Absences absences;

    Substitutions(AppealRepository appeals, ApplicationEventPublisher events, Clock clock,
                  ru.appealdesk.directory.Absences absences) {
        this.appeals = appeals;
        this.events = events;
        this.clock = clock;
        this.absences = absences;
    }

    /**
     * An appeal that comes back to an executor who is away (a rework, a rejected return, a coordinator's choice, a
     * reopen) goes on to their substitute, once every other listener of the change has run.
     */
    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.BEFORE_COMMIT)
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

    @EventListener
    void on(AbsenceBegan began) {
        Instant now = clock.instant();
        String absent = began.absence().staffId();
        List<Appeal> held = appeals.findByStepExecutorIdAndStepStatusIn(absent, Transition.WITH_EXECUTOR);
        if (began.substitute().isEmpty()) {
            events.publishEvent(new AbsenceHandled(began.absence(), null,
                    held.stream().map(a -> a.view().number()).toList(), now));
            return;
        }
        StaffMember substitute = began.substitute().get();
        // the facts of the entry: the absence's dates, put into words when the history is shown
        List<String> why = List.of(began.absence().from().toString(), began.absence().to().toString());
        for (Appeal appeal : held) {
            AppealEvents.AppealSubstituted event = appeal.substitute(substitute.id(), substitute.departmentId(), why,
                    now);
            appeals.flush();
            events.publishEvent(event);
        }
        events.publishEvent(new AbsenceHandled(began.absence(), substitute.id(),
                held.stream().map(a -> a.view().number()).toList(), now));
    }
}
