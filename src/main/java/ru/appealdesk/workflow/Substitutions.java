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

    Substitutions(AppealRepository appeals, ApplicationEventPublisher events, Clock clock) {
        this.appeals = appeals;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(AbsenceBegan began) {
        Instant now = clock.instant();
        String absent = began.absence().staffId();
        List<Appeal> held = appeals.findByExecutorIdAndStatusIn(absent, AppealStatus.WITH_EXECUTOR);
        if (began.substitute().isEmpty()) {
            events.publishEvent(new AbsenceHandled(began.absence(), null,
                    held.stream().map(a -> a.view().number()).toList(), now));
            return;
        }
        StaffMember substitute = began.substitute().get();
        String why = "Исполнитель отсутствует с " + began.absence().from() + " по " + began.absence().to()
                + ": обращение передано заместителю";
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
