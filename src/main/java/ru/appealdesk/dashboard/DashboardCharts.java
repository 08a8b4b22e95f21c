package ru.appealdesk.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.reports.DisciplineReport;
import ru.appealdesk.reports.Period;
import ru.appealdesk.reports.Reports;

/**
 * {@code GET /app/api/charts}: the last 30 days of the discipline report (PRODUCT.md §11, §12), in the viewer's
 * scope — the same computation, so the same numbers as {@code /api/reports/discipline} for those days.
 */
@RestController
class DashboardCharts {

    private static final int DAYS = 30;

    record Bar(String id, String name, long overdueNow, long late) {
    }

    record Totals(long received, long onTime, long late, long overdueNow) {
    }

    record Charts(LocalDate from, LocalDate to, List<DisciplineReport.Day> days, List<Bar> departments,
                  List<Bar> executors, Totals total) {
    }

    private final Reports reports;
    private final DashboardJson json;
    private final Clock clock;

    DashboardCharts(Reports reports, DashboardJson json, Clock clock) {
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/app/api/charts")
    Charts charts(@AuthenticationPrincipal Viewer viewer) {
        if (!viewer.charts()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Charts are for those who oversee departments");
        }
        LocalDate today = clock.instant().atZone(json.zone()).toLocalDate();
        Period period = new Period(today.minusDays(DAYS - 1), today);
        DisciplineReport r = reports.discipline(period,
                viewer.scope() == Viewer.Scope.DEPARTMENTS ? viewer.departments() : null);
        Function<DisciplineReport.Row, Bar> department = row -> new Bar(row.departmentId(), row.department(),
                row.overdueNow(), row.late());
        Function<DisciplineReport.Row, Bar> executor = row -> new Bar(row.executorId(), row.executor(),
                row.overdueNow(), row.late());
        Comparator<Bar> worst = Comparator.comparingLong((Bar b) -> b.overdueNow() + b.late()).reversed()
                .thenComparing(Bar::name, Comparator.nullsLast(Comparator.naturalOrder()));
        return new Charts(period.from(), period.to(), r.days(),
                r.departments().stream().map(department).sorted(worst).toList(),
                r.executors().stream().filter(row -> row.executorId() != null).map(executor)
                        .filter(b -> b.overdueNow() + b.late() > 0).sorted(worst).toList(),
                new Totals(r.total().received(), r.total().onTime(), r.total().late(), r.total().overdueNow()));
    }
}
