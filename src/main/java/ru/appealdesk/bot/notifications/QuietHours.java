package ru.appealdesk.bot.notifications;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.workflow.AppealView;

/** System-initiated messages wait for working time (PRODUCT.md §6), except for HIGH priority appeals. */
@Component
class QuietHours {

    private final Outbox outbox;
    private final WorkingTime workingTime;
    private final Clock clock;

    QuietHours(Outbox outbox, WorkingTime workingTime, Clock clock) {
        this.outbox = outbox;
        this.workingTime = workingTime;
        this.clock = clock;
    }

    /** Runs {@code messages} so that what they enqueue goes out in working time (at once for a HIGH appeal). */
    void after(AppealView a, Runnable messages) {
        Instant now = clock.instant();
        outbox.notBefore(a.priority() == Priority.HIGH ? now : workingTime.nextWorkingInstant(now), messages);
    }

    /** Runs {@code messages} so that what they enqueue goes out in working time. */
    void after(Runnable messages) {
        outbox.notBefore(workingTime.nextWorkingInstant(clock.instant()), messages);
    }
}
