package ru.appealdesk.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Department;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Source;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.reports.DisciplineReport.Day;
import ru.appealdesk.reports.DisciplineReport.Row;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.workflow.HistoryType;
import ru.appealdesk.workflow.ReportFacts;
import ru.appealdesk.workflow.ReportFacts.EntryFact;

/**
 * Computes the reports of PRODUCT.md §11 from the history: each fact is read once and counted where it belongs.
 * Dates are the organisation's local dates; working hours follow its calendar.
 */
@Service
public class Reports {

    /** History entries that close an appeal without a placed answer. */
    static final Set<HistoryType> CLOSED_OTHERWISE = Set.of(HistoryType.CLOSED_NO_ANSWER,
            HistoryType.CLOSED_DUPLICATE, HistoryType.CLOSED_REDIRECTED, HistoryType.REDIRECTED,
            HistoryType.REDIRECT_APPROVED, HistoryType.TO_OPERATOR, HistoryType.CLOSED_NO_CLARIFICATION);
    private static final Set<HistoryType> REDIRECTS = Set.of(HistoryType.CLOSED_REDIRECTED, HistoryType.REDIRECTED,
            HistoryType.REDIRECT_APPROVED);
    private static final List<HistoryType> ENTRY_TYPES;

    static {
        List<HistoryType> types = new ArrayList<>(List.of(HistoryType.PUBLISHED, HistoryType.REOPENED,
                HistoryType.CLAIM_EXPIRED));
        types.addAll(CLOSED_OTHERWISE);
        ENTRY_TYPES = List.copyOf(types);
    }

    private final ReportFacts facts;
    private final Directory directory;
    private final WorkingTime workingTime;
    private final Clock clock;

    private final StageLateness stages;

    Reports(ReportFacts facts, Directory directory, WorkingTime workingTime, Clock clock, StageLateness stages) {
        this.stages = stages;
        this.facts = facts;
        this.directory = directory;
        this.workingTime = workingTime;
        this.clock = clock;
    }

    /** Which appeals a report counts: of these departments and sources, each null for all. */
    private record Coverage(Set<String> departments, Set<Source> sources) {

        boolean covers(String departmentId, Source source) {
            return (departments == null || departmentId != null && departments.contains(departmentId))
                    && (sources == null || sources.contains(source));
        }
    }

    /**
     * The discipline report; {@code departments} null for the whole organisation, else only those (a deputy
     * head's report covers the departments he supervises).
     */
    public DisciplineReport discipline(Period period, Set<String> departments) {
        return discipline(period, departments, null);
    }

    /** The discipline report of appeals of these departments and sources, each null for all. */
    public DisciplineReport discipline(Period period, Set<String> departments, Set<Source> sources) {
        Coverage coverage = new Coverage(departments, sources);
        ZoneId zone = workingTime.zone();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Map<String, Counter> byExecutor = new TreeMap<>();
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            days.put(d, new long[3]);
        }
        facts.received(from, to, f -> {
            if (coverage.covers(f.departmentId(), f.source())) {
                counter(byExecutor, f.departmentId(), f.executorId()).received++;
                days.get(workingTime.localDate(f.receivedAt()))[0]++;
            }
        });
        List<DisciplineReport.StageLate> lateStages = stages.late(from, to, sources,
                f -> coverage.covers(f.departmentId(), f.source()));
        facts.entries(from, to, ENTRY_TYPES, e -> {
            if (!coverage.covers(e.departmentId(), e.source())) {
                return;
            }
            Counter c = counter(byExecutor, e.departmentId(), e.executorId());
            LocalDate day = workingTime.localDate(e.at());
            switch (e.type()) {
                case PUBLISHED -> {
                    if (e.clarificationPlaced()) {
                        // seed 004 п.13: a question to the applicant, not an answer; the appeal stays open
                        c.clarifications++;
                        return;
                    }
                    days.get(day)[1]++;
                    if (placedOnTime(e)) {
                        c.onTime++;
                    } else {
                        // PRODUCT.md §13.2: a late answer is late for whoever held the stage that overran its term
                        counter(byExecutor, e.departmentId(), lateHolder(lateStages, e)).late++;
                        overdueOn(days, e.answerDueAt());
                    }
                    // the time the applicant was asked is not the executor's work (seed 004 п.13)
                    c.hours.add(Math.max(0, workingTime.workingBetween(e.since(), e.at()).toMinutes()
                            - e.pausedMinutes()) / 60.0);
                }
                case REOPENED -> c.reopened++;
                case CLAIM_EXPIRED -> c.claimMisses++;
                default -> days.get(day)[1]++;
            }
        });
        facts.overdueAt(now, f -> {
            if (coverage.covers(f.departmentId(), f.source())) {
                counter(byExecutor, f.departmentId(), f.executorId()).overdueNow++;
                if (!f.answerDueAt().isBefore(from) && f.answerDueAt().isBefore(to)) {
                    overdueOn(days, f.answerDueAt());
                }
            }
        });
        List<Row> executors = byExecutor.values().stream().map(c -> row(c, Level.EXECUTOR)).toList();
        Map<String, Counter> byDepartment = new TreeMap<>();
        Counter all = new Counter(null, null);
        byExecutor.values().forEach(c -> {
            byDepartment.computeIfAbsent(String.valueOf(c.departmentId), k -> new Counter(c.departmentId, null)).add(c);
            all.add(c);
        });
        List<Row> depts = byDepartment.values().stream().map(c -> row(c, Level.DEPARTMENT)).toList();
        List<Day> series = days.entrySet().stream().map(d -> new Day(d.getKey(), d.getValue()[0], d.getValue()[1],
                d.getValue()[2])).toList();
        List<DisciplineReport.StageLate> inPeriod = lateStages.stream()
                .filter(l -> !l.endedAt().isBefore(from) && l.endedAt().isBefore(to)).toList();
        return new DisciplineReport(period, now, executors, depts, row(all, Level.TOTAL), series, inPeriod);
    }

    /**
     * Each appeal received in the period (of these departments and sources, each null for all), for the workbook's
     * list.
     */
    public void eachAppeal(Period period, Set<String> departments, Set<Source> sources,
                           java.util.function.Consumer<ReportFacts.AppealFact> each) {
        Coverage coverage = new Coverage(departments, sources);
        ZoneId zone = workingTime.zone();
        facts.received(period.from().atStartOfDay(zone).toInstant(), period.to().plusDays(1).atStartOfDay(zone)
                .toInstant(), f -> {
                    if (coverage.covers(f.departmentId(), f.source())) {
                        each.accept(f);
                    }
                });
    }

    String departmentName(String id) {
        return id == null ? "—" : directory.department(id).map(Department::name).orElse(id);
    }

    String staffName(String id) {
        return id == null ? "—" : directory.staff(id).map(StaffMember::shortName).orElse(id);
    }

    String categoryTitle(String code) {
        return categoryName(code);
    }

    ZoneId zone() {
        return workingTime.zone();
    }

    /** Appeals received in the period by category and source. */
    public TopicsReport topics(Period period) {
        return topics(period, null);
    }

    /** Appeals of these sources (null: all) received in the period by category and source. */
    public TopicsReport topics(Period period, Set<Source> sources) {
        Coverage coverage = new Coverage(null, sources);
        ZoneId zone = workingTime.zone();
        Map<String, Map<Source, Long>> byCategory = new TreeMap<>();
        Map<Source, Long> totals = new EnumMap<>(Source.class);
        long[] total = {0};
        facts.received(period.from().atStartOfDay(zone).toInstant(),
                period.to().plusDays(1).atStartOfDay(zone).toInstant(), f -> {
                    if (!coverage.covers(f.departmentId(), f.source())) {
                        return;
                    }
                    byCategory.computeIfAbsent(f.category(), k -> new EnumMap<>(Source.class))
                            .merge(f.source(), 1L, Long::sum);
                    totals.merge(f.source(), 1L, Long::sum);
                    total[0]++;
                });
        List<TopicsReport.Row> rows = byCategory.entrySet().stream()
                .map(e -> new TopicsReport.Row(e.getKey(), categoryName(e.getKey()), e.getValue(),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .sorted(Comparator.comparingLong(TopicsReport.Row::total).reversed()
                        .thenComparing(TopicsReport.Row::category))
                .toList();
        return new TopicsReport(period, rows, totals, total[0]);
    }

    /** Anonymised counts of one month for the official site. */
    public PublicReport publicStats(YearMonth month) {
        return publicStats(month, null);
    }

    /** Anonymised counts of one month, of appeals of these sources (null: all). */
    public PublicReport publicStats(YearMonth month, Set<Source> sources) {
        Coverage coverage = new Coverage(null, sources);
        Period period = new Period(month.atDay(1), month.atEndOfMonth());
        ZoneId zone = workingTime.zone();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> bySource = new LinkedHashMap<>();
        long[] received = {0};
        facts.received(from, to, f -> {
            if (!coverage.covers(f.departmentId(), f.source())) {
                return;
            }
            received[0]++;
            byCategory.merge(categoryName(f.category()), 1L, Long::sum);
            bySource.merge(f.source().title(), 1L, Long::sum);
        });
        long[] answered = {0, 0, 0};
        facts.entries(from, to, ENTRY_TYPES, e -> {
            if (!coverage.covers(e.departmentId(), e.source())) {
                return;
            }
            if (e.type() == HistoryType.PUBLISHED) {
                answered[0]++;
                if (placedOnTime(e)) {
                    answered[1]++;
                }
            } else if (REDIRECTS.contains(e.type())) {
                answered[2]++;
            }
        });
        return new PublicReport(month.toString(), received[0], answered[0], answered[1], answered[2], byCategory,
                bySource);
    }

    /**
     * Who a late placement is booked on: the holder of the first stage of that answer that overran its own term
     * (ended by the placement), else the executor who held the appeal (PRODUCT.md §13.2).
     */
    static String lateHolder(List<DisciplineReport.StageLate> lateStages, EntryFact placement) {
        return lateStages.stream().filter(l -> l.appealId() == placement.appealId() && l.holderId() != null
                        && !l.endedAt().isAfter(placement.at()) && !l.start().isBefore(placement.since()))
                .map(DisciplineReport.StageLate::holderId).findFirst().orElse(placement.executorId());
    }

    /** The same rule as the overdue alert: placed no later than the answer deadline in force then. */
    static boolean placedOnTime(EntryFact placement) {
        return placement.answerDueAt() == null || !placement.at().isAfter(placement.answerDueAt());
    }

    private void overdueOn(Map<LocalDate, long[]> days, Instant answerDueAt) {
        if (answerDueAt != null) {
            long[] day = days.get(workingTime.localDate(answerDueAt));
            if (day != null) {
                day[2]++;
            }
        }
    }

    private enum Level { EXECUTOR, DEPARTMENT, TOTAL }

    private Row row(Counter c, Level level) {
        String department = level == Level.TOTAL ? ReportWords.TOTAL.text() : c.departmentId == null ? ReportWords.NO_DEPARTMENT.text()
                : directory.department(c.departmentId).map(Department::name).orElse(c.departmentId);
        String executor = level != Level.EXECUTOR ? null : c.executorId == null ? ReportWords.NOT_ASSIGNED.text()
                : directory.staff(c.executorId).map(StaffMember::shortName).orElse(c.executorId);
        return new Row(level == Level.TOTAL ? null : c.departmentId, department,
                level == Level.EXECUTOR ? c.executorId : null, executor, c.received, c.onTime, c.late, c.overdueNow,
                c.reopened, c.claimMisses, median(c.hours), c.clarifications);
    }

    private String categoryName(String code) {
        return directory.category(code).map(Category::name).orElse(code);
    }

    private static Counter counter(Map<String, Counter> counters, String departmentId, String executorId) {
        return counters.computeIfAbsent(departmentId + "/" + executorId, k -> new Counter(departmentId, executorId));
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }

    /** Counts of one department and executor (or a total). */
    private static final class Counter {
        final String departmentId;
        final String executorId;
        long received;
        long onTime;
        long late;
        long overdueNow;
        long reopened;
        long claimMisses;
        long clarifications;
        final List<Double> hours = new ArrayList<>();

        Counter(String departmentId, String executorId) {
            this.departmentId = departmentId;
            this.executorId = executorId;
        }

        void add(Counter other) {
            received += other.received;
            onTime += other.onTime;
            late += other.late;
            overdueNow += other.overdueNow;
            reopened += other.reopened;
            claimMisses += other.claimMisses;
            clarifications += other.clarifications;
            hours.addAll(other.hours);
        }
    }
}
