package ru.appealdesk.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Executive discipline for a period (PRODUCT.md §11, seed 001 §6): per department and executor, with department
 * totals, the overall total and the day-by-day series the charts draw. "On time" follows the placement rule of the
 * overdue alert: the answer placed (or the appeal otherwise closed) by the answer deadline in force then.
 */
public record DisciplineReport(Period period, Instant madeAt, List<Row> executors, List<Row> departments, Row total,
                               List<Day> days) {

    /**
     * One line: {@code received} in the period; answers placed {@code onTime} / {@code late} in it;
     * {@code overdueNow} open past their deadline when the report was made; {@code reopened} by applicants and
     * ЕЦУР {@code claimMisses} in the period; {@code medianHours}: median working hours from receipt (or reopen) to
     * placement (less the time the applicant was asked, seed 004 п.13), null without placements; {@code
     * clarifications}: «Запрос уточнения» placed in the period.
     */
    public record Row(String departmentId, String department, String executorId, String executor, long received,
                      long onTime, long late, long overdueNow, long reopened, long claimMisses, Double medianHours,
                      long clarifications) {
    }

    /** One day: appeals received, closed, and those whose answer deadline passed that day without placement. */
    public record Day(LocalDate date, long received, long closed, long overdue) {
    }
}
