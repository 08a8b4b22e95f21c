package ru.appealdesk.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Executive discipline for a period (PRODUCT.md §11, seed 001 §6): per department and executor, with department
 * totals, the overall total and the day-by-day series the charts draw. "On time" follows the placement rule of the
 * overdue alert: the answer placed (or the appeal otherwise closed) by the answer deadline in force then. Where the
 * source gives the answer's stages terms of their own, a late placement is booked on the holder of the first stage
 * that overran its term (the approver, the placer), not on the executor; {@code lateStages} lists them.
 */
public record DisciplineReport(Period period, Instant madeAt, List<Row> executors, List<Row> departments, Row total,
                               List<Day> days, List<StageLate> lateStages) {

    /**
     * A stage of an answer that ended in the period past its own term (PRODUCT.md §13.2): which stage, whose (who
     * held and ended it), its term, when it ended and by how many working minutes it was late.
     */
    public record StageLate(long appealId, String number, ru.appealdesk.directory.Source source, String departmentId,
                            ru.appealdesk.directory.AnswerStage stage, String holderId, String holder, Instant start,
                            Instant term, Instant endedAt, long lateMinutes) {

        /** The stage's name as people read it. */
        public String stageLabel() {
            return ReportWords.stage(stage).text();
        }
    }

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
