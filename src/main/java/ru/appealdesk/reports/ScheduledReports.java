package ru.appealdesk.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.ReportSchedule.Entry;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.sla.WorkingTime;

/**
 * Has the reports of {@code reports.yml} sent when they fall due ({@link ReportDue}): for each, the latest
 * occurrence not later than now (so after downtime the missed one goes out once, when the service is back), claimed
 * in {@code report_run} so that with several instances it goes out exactly once.
 */
@Component
public class ScheduledReports {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReports.class);

    private final Directory directory;
    private final WorkingTime workingTime;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScheduledReports(Directory directory, WorkingTime workingTime, ApplicationEventPublisher events,
                     JdbcClient jdbc, Clock clock) {
        this.directory = directory;
        this.workingTime = workingTime;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An occurrence of a scheduled report: when it fell due and the period it covers. */
    record Occurrence(String key, LocalDate on, Period period, String title) {
    }

    /** Has every report sent that is due and not sent yet; returns how many fell due. */
    @Transactional
    public int runDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Entry entry : directory.reportSchedule().entries()) {
            Optional<Occurrence> due = latest(entry, now);
            if (due.isEmpty() || !claim(due.get().key(), now)) {
                continue;
            }
            Set<StaffMember> to = new LinkedHashSet<>();
            entry.roles().forEach(role -> to.addAll(directory.withRole(role)));
            // the bot sends it in this transaction: the claim and the messages commit together
            events.publishEvent(new ReportDue(due.get().key(), to, due.get().period(), due.get().title()));
            log.info("Report {} due for {} people", due.get().key(), to.size());
            sent++;
        }
        return sent;
    }

    /** The latest occurrence of the entry at or before {@code now}, in the organisation's local time. */
    Optional<Occurrence> latest(Entry entry, Instant now) {
        ZoneId zone = workingTime.zone();
        LocalDate today = workingTime.localDate(now);
        for (int back = 0; back <= 62; back++) {
            LocalDate day = today.minusDays(back);
            if (!isOccurrence(entry, day) || day.atTime(entry.at()).atZone(zone).toInstant().isAfter(now)) {
                continue;
            }
            return Optional.of(switch (entry.frequency()) {
                case DAILY -> {
                    LocalDate from = workingTime.previousWorkingDay(day.minusDays(1));
                    yield new Occurrence("DAILY:" + day, day, new Period(from, day.minusDays(1)),
                            ReportWords.DAILY.text());
                }
                case WEEKLY -> new Occurrence("WEEKLY:" + day, day, new Period(day.minusWeeks(1),
                        day.minusDays(1)), ReportWords.WEEKLY.text());
                case MONTHLY -> {
                    LocalDate first = day.withDayOfMonth(1).minusMonths(1);
                    yield new Occurrence("MONTHLY:" + first.toString().substring(0, 7), day,
                            new Period(first, first.with(TemporalAdjusters.lastDayOfMonth())),
                            ReportWords.MONTHLY.text());
                }
            });
        }
        return Optional.empty();
    }

    private boolean isOccurrence(Entry entry, LocalDate day) {
        return switch (entry.frequency()) {
            case DAILY -> workingTime.isWorkingDay(day);
            case WEEKLY -> day.getDayOfWeek() == entry.day();
            case MONTHLY -> day.equals(workingTime.nextWorkingDay(day.withDayOfMonth(1)));
        };
    }

    private boolean claim(String key, Instant now) {
        return jdbc.sql("insert into report_run (run_key, ran_at) values (?, ?) on conflict do nothing")
                .params(key, java.sql.Timestamp.from(now)).update() == 1;
    }
}
