package ru.appealdesk.reports;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;

/**
 * The discipline report as it goes to a chat (PRODUCT.md §11): a short summary, the chart image and the workbook,
 * for the whole organisation or one deputy head's departments; and who may have it. Sending it is the bot's job.
 */
@Component
public class ReportArtifacts {

    private static final DateTimeFormatter DATE = ru.appealdesk.directory.Organization.DATE;
    /** Who may have the report: by the schedule and by {@code /report}. */
    public static final Set<Role> READERS = Set.of(Role.HEAD, Role.DEPUTY_HEAD, Role.COORDINATOR, Role.CURATOR);

    private final Reports reports;
    private final Workbooks workbooks;
    private final Charts charts;

    ReportArtifacts(Reports reports, Workbooks workbooks, Charts charts) {
        this.reports = reports;
        this.workbooks = workbooks;
        this.charts = charts;
    }

    /** One scope's report as it is sent: the summary (Telegram HTML), the chart and the workbook with its name. */
    public record Chat(String summary, byte[] chart, byte[] workbook, String workbookName) {
    }

    public static boolean mayRead(StaffMember person) {
        return READERS.stream().anyMatch(person::hasRole);
    }

    /** Whether the person reads the whole organisation's report (else their own departments'). */
    public static boolean readsWholeOrganisation(StaffMember person) {
        return person.hasRole(Role.HEAD) || person.hasRole(Role.COORDINATOR) || person.hasRole(Role.CURATOR);
    }

    public byte[] chart(Period period) {
        return charts.days(reports.discipline(period, null));
    }

    public byte[] workbook(Period period) {
        return workbooks.discipline(reports.discipline(period, null), null);
    }

    /** The report of the period for these departments ({@code null}: the whole organisation), titled so. */
    public Chat forChat(Period period, Set<String> departments, String title) {
        DisciplineReport r = reports.discipline(period, departments);
        // an ASCII name: the upload travels as a multipart part named after the file
        return new Chat(summary(r, title, departments != null), charts.days(r), workbooks.discipline(r, departments),
                "discipline-" + period.from() + "_" + period.to() + ".xlsx");
    }

    static String summary(DisciplineReport r, String title, boolean ownDepartments) {
        DisciplineReport.Row t = r.total();
        StringBuilder sb = new StringBuilder("📊 <b>").append(Html.escape(title)).append("</b>\n")
                .append(ReportWords.CHAT_PERIOD.text(DATE.format(r.period().from()), DATE.format(r.period().to())))
                .append(ownDepartments ? ReportWords.CHAT_OWN_DEPARTMENTS.text() : "")
                .append(ReportWords.CHAT_TOTALS.text(t.received(), t.onTime(), t.late(), t.overdueNow(), t.reopened(),
                        t.claimMisses()));
        if (t.clarifications() > 0) {
            sb.append(ReportWords.CHAT_CLARIFICATIONS.text(t.clarifications()));
        }
        if (t.medianHours() != null) {
            sb.append(ReportWords.CHAT_MEDIAN.text(String.valueOf(t.medianHours()).replace('.', ',')));
        }
        List<DisciplineReport.Row> worst = r.departments().stream().filter(d -> d.overdueNow() + d.late() > 0)
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
