package ru.appealdesk.reports;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;

/**
 * A report in the chat (PRODUCT.md §11): a short summary, the chart image and the workbook, stored in the outbox in
 * the caller's transaction. Heads, coordinators and curators see the whole organisation; a deputy head his
 * departments only.
 */
@Component
public class ReportDelivery {

    private static final DateTimeFormatter DATE = ru.appealdesk.directory.Organization.DATE;
    /** Who may have the report: by the schedule and by {@code /report}. */
    public static final Set<Role> READERS = Set.of(Role.HEAD, Role.DEPUTY_HEAD, Role.COORDINATOR, Role.CURATOR);

    private final Reports reports;
    private final Workbooks workbooks;
    private final Charts charts;
    private final Outbox outbox;
    private final StaffAccounts accounts;
    private final Directory directory;

    ReportDelivery(Reports reports, Workbooks workbooks, Charts charts, Outbox outbox, StaffAccounts accounts,
                   Directory directory) {
        this.reports = reports;
        this.workbooks = workbooks;
        this.charts = charts;
        this.outbox = outbox;
        this.accounts = accounts;
        this.directory = directory;
    }

    public static boolean mayRead(StaffMember person) {
        return READERS.stream().anyMatch(person::hasRole);
    }

    /** Sends the discipline report of the period to the person, if they may read it and use the bot. */
    @Transactional
    public boolean send(StaffMember person, Period period, String title) {
        return send(java.util.List.of(person), period, title) == 1;
    }

    /**
     * Sends the report to each of these people who may read it and use the bot; the report, its chart and its
     * workbook are made once per scope (the whole organisation, or one deputy head's departments). Returns how many
     * got it.
     */
    @Transactional
    public int send(java.util.Collection<StaffMember> people, Period period, String title) {
        java.util.Map<Set<String>, Made> made = new java.util.HashMap<>();
        int sent = 0;
        for (StaffMember person : people) {
            if (!mayRead(person)) {
                continue;
            }
            boolean wholeOrganisation = person.hasRole(Role.HEAD) || person.hasRole(Role.COORDINATOR)
                    || person.hasRole(Role.CURATOR);
            Set<String> departments = wholeOrganisation ? null : directory.departmentsSupervisedBy(person.id());
            java.util.Optional<Long> chat = accounts.telegramIdOf(person.id());
            if (chat.isEmpty()) {
                continue;
            }
            Made m = made.computeIfAbsent(departments == null ? Set.of("*") : departments,
                    k -> make(period, departments, title));
            outbox.text(chat.get(), m.summary(), Outbox.PRIORITY_BULK);
            outbox.upload(chat.get(), true, "chart.png", m.chart(), Outbox.PRIORITY_BULK);
            // an ASCII name: the upload travels as a multipart part named after the file
            outbox.upload(chat.get(), false, "discipline-" + period.from() + "_" + period.to() + ".xlsx",
                    m.workbook(), Outbox.PRIORITY_BULK);
            sent++;
        }
        return sent;
    }

    /** One scope's report as it is sent. */
    private record Made(String summary, byte[] chart, byte[] workbook) {
    }

    private Made make(Period period, Set<String> departments, String title) {
        DisciplineReport r = reports.discipline(period, departments);
        return new Made(summary(r, title, departments != null), charts.days(r), workbooks.discipline(r, departments));
    }

    static String summary(DisciplineReport r, String title, boolean ownDepartments) {
        DisciplineReport.Row t = r.total();
        StringBuilder sb = new StringBuilder("📊 <b>").append(Html.escape(title)).append("</b>\n")
                .append(ReportWords.CHAT_PERIOD.text(DATE.format(r.period().from()), DATE.format(r.period().to())))
                .append(ownDepartments ? ReportWords.CHAT_OWN_DEPARTMENTS.text() : "")
                .append(ReportWords.CHAT_TOTALS.text(t.received(), t.onTime(), t.late(), t.overdueNow(), t.reopened(),
                        t.claimMisses()));
        if (t.medianHours() != null) {
            sb.append(ReportWords.CHAT_MEDIAN.text(String.valueOf(t.medianHours()).replace('.', ',')));
        }
        java.util.List<DisciplineReport.Row> worst = r.departments().stream().filter(d -> d.overdueNow() + d.late() > 0)
                .sorted(Comparator.comparingLong((DisciplineReport.Row d) -> d.overdueNow() + d.late()).reversed())
                .limit(3).toList();
        if (!worst.isEmpty()) {
            sb.append(ReportWords.CHAT_WORST.text());
            worst.forEach(d -> sb.append(ReportWords.CHAT_WORST_DEPARTMENT.text(Html.escape(d.department()),
                    d.overdueNow(), d.late())));
        }
        sb.append(ReportWords.CHAT_FILES_BELOW.text());
        return sb.toString();
    }
}
