package ru.appealdesk.bot.inbound;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.inbound.Commands.Words;
import ru.appealdesk.bot.notifications.ReportDelivery;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.sla.WorkingTime;

/** {@code /report}: the period asked for, and the report of it sent to the person. */
@Component
class ReportCommand implements ChatCommand {

    private final ReportDelivery reportDelivery;
    private final Directory directory;
    private final WorkingTime workingTime;
    private final Clock clock;
    private final Outbox outbox;

    ReportCommand(ReportDelivery reportDelivery, Directory directory, WorkingTime workingTime, Clock clock,
                  Outbox outbox) {
        this.reportDelivery = reportDelivery;
        this.directory = directory;
        this.workingTime = workingTime;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Override
    public Set<String> names() {
        return Set.of("report");
    }

    @Override
    public void run(Inbound in, String name, String argument) {
        report(in, argument);
    }

    /**
     * {@code /report} (PRODUCT.md §11): the discipline report on demand, as the schedule sends it — yesterday (since
     * the previous working day), {@code неделя} (the last 7 days), {@code месяц} (this month so far) or two dates.
     */
    void report(Inbound in, String argument) {
        if (!ru.appealdesk.reports.ReportArtifacts.mayRead(in.staff())) {
            reply(in, Words.REPORT_FORBIDDEN.text());
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(directory.organization().timeZone()));
        String arg = argument.toLowerCase(java.util.Locale.ROOT).strip();
        ru.appealdesk.reports.Period period;
        String title;
        try {
            if (arg.isEmpty()) {
                period = new ru.appealdesk.reports.Period(workingTime.previousWorkingDay(today.minusDays(1)),
                        today.minusDays(1));
                title = Words.REPORT_YESTERDAY.text();
            } else if (arg.equals(Words.WEEK.text())) {
                period = new ru.appealdesk.reports.Period(today.minusDays(6), today);
                title = Words.REPORT_WEEK.text();
            } else if (arg.equals(Words.MONTH.text())) {
                period = new ru.appealdesk.reports.Period(today.withDayOfMonth(1), today);
                title = Words.REPORT_MONTH.text();
            } else {
                String[] dates = arg.split("\\s+");
                java.time.format.DateTimeFormatter format = Dialogs.DATE_INPUT;
                if (dates.length != 2) {
                    throw new java.time.format.DateTimeParseException("two dates expected", arg, 0);
                }
                period = new ru.appealdesk.reports.Period(java.time.LocalDate.parse(dates[0], format),
                        java.time.LocalDate.parse(dates[1], format));
                title = Words.REPORT_PERIOD.text();
            }
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            reply(in, Words.REPORT_PERIOD_EXPECTED.text());
            return;
        }
        reply(in, Words.REPORT_PREPARING.text());
        reportDelivery.send(in.staff(), period, title);
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chat(), html, Outbox.PRIORITY_REPLY);
    }
}
