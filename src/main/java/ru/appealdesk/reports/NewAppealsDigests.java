package ru.appealdesk.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Department;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;

/**
 * {@code new-appeals-digest} (003 §2, «информирует руководителя»): at the start of each working day of the production
 * calendar the head of each such department (without one, its deputy head) gets the appeals the department received
 * since the last digest — the previous working day and the days off after it. Claimed in {@code report_run} like the
 * reports, so each goes out once; after downtime the latest missed one goes out once. Nothing is sent for an empty
 * list.
 */
@Component
public class NewAppealsDigests {

    private static final Logger log = LoggerFactory.getLogger(NewAppealsDigests.class);

    private final Directory directory;
    private final WorkingTime workingTime;
    private final AppealQueries appeals;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    NewAppealsDigests(Directory directory, WorkingTime workingTime, AppealQueries appeals,
                      ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.directory = directory;
        this.workingTime = workingTime;
        this.appeals = appeals;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A digest that fell due: the working day it is for and the local dates whose appeals it lists. */
    record Occurrence(LocalDate on, Period received) {
    }

    /** Has every digest sent that is due and not sent yet; returns how many went out. */
    @Transactional
    public int runDue() {
        Instant now = clock.instant();
        Optional<Occurrence> due = latest(workingTime, now);
        int sent = 0;
        for (Department d : directory.departments()) {
            if (!d.newAppealsDigest() || due.isEmpty()
                    || !claim("DIGEST:" + d.id() + ":" + due.get().on(), now)) {
                continue;
            }
            Optional<StaffMember> to = directory.headOf(d.id()).or(() -> directory.deputyHeadOf(d.id()));
            Instant from = due.get().received().from().atStartOfDay(workingTime.zone()).toInstant();
            Instant until = due.get().received().to().plusDays(1).atStartOfDay(workingTime.zone()).toInstant();
            List<AppealView> received = appeals.receivedBy(d.id(), from, until);
            if (to.isEmpty() || received.isEmpty()) {
                continue;
            }
            events.publishEvent(new NewAppealsDigestDue(d, to.get(), due.get().received(), received));
            log.info("New appeals digest of {} for {}: {} appeals", d.id(), due.get().on(), received.size());
            sent++;
        }
        return sent;
    }

    /**
     * The latest digest at or before {@code now}: today's once its working day has begun, else the last working
     * day's; it lists the appeals received from the working day before it through the day before it.
     */
    static Optional<Occurrence> latest(WorkingTime time, Instant now) {
        LocalDate today = time.localDate(now);
        for (int back = 0; back <= 62; back++) {
            LocalDate day = today.minusDays(back);
            List<WorkingTime.Period> periods = time.periods(day);
            if (periods.isEmpty() || periods.get(0).start().isAfter(now)) {
                continue;
            }
            LocalDate from = time.previousWorkingDay(day.minusDays(1));
            return Optional.of(new Occurrence(day, new Period(from, day.minusDays(1))));
        }
        return Optional.empty();
    }

    private boolean claim(String key, Instant now) {
        return jdbc.sql("insert into report_run (run_key, ran_at) values (?, ?) on conflict do nothing")
                .params(key, java.sql.Timestamp.from(now)).update() == 1;
    }
}
