package ru.appealdesk.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Source;

/**
 * What reports are made of (PRODUCT.md §11), read straight from the append-only history and the appeals in one
 * pass each: appeals that came in during a period, history entries of given types during it, and appeals open and
 * past their answer deadline at an instant. Rows are streamed, so a period of 100,000 appeals keeps memory flat.
 */
@Component
public class ReportFacts {

    /** An appeal as reports see it: where it belongs now and its terms. */
    public record AppealFact(long id, Source source, String externalId, String category, String departmentId,
                             String executorId, Instant receivedAt, Instant answerDueAt, AppealStatus status) {
    }

    /**
     * One history entry with its appeal: {@code executorId} is who held the appeal then, {@code answerDueAt} the
     * deadline in force then; {@code since} is when the work it ends began — the latest reopen before it, else
     * {@code receivedAt}; {@code to}: the status it left the appeal in; {@code pausedMinutes}: the working time the
     * clock stood still since then while clarifications were awaited (seed 004 п.13), to be left out of the work.
     */
    public record EntryFact(long appealId, Source source, String category, String departmentId, HistoryType type,
                            Instant at, String executorId, Instant answerDueAt, Instant since, AppealStatus to,
                            long pausedMinutes) {

        /** A «Размещено» on a «Запрос уточнения»: the appeal went on to await the applicant, it was not answered. */
        public boolean clarificationPlaced() {
            return type == HistoryType.PUBLISHED && to == AppealStatus.AWAITING_APPLICANT;
        }
    }

    /**
     * One entry of an appeal's answer stages (PRODUCT.md §13.2): who acted ({@code actorId}) and when, with the appeal's
     * facts its stage terms are computed from.
     */
    public record StageEntryFact(long appealId, Source source, String externalId, String category,
                                 ru.appealdesk.directory.Priority priority, String departmentId, Instant receivedAt,
                                 HistoryType type, Instant at, String actorId, String executorId) {
    }

    private static final String APPEAL_COLUMNS = "a.id, a.source, a.external_id, a.category, a.department_id, "
            + "a.executor_id, a.received_at, a.answer_due_at, a.status";

    private final NamedParameterJdbcTemplate jdbc;

    ReportFacts(javax.sql.DataSource dataSource) {
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setFetchSize(2000); // PostgreSQL streams with a cursor inside a transaction
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /** Appeals received in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public void received(Instant from, Instant to, Consumer<AppealFact> each) {
        jdbc.query("select " + APPEAL_COLUMNS + " from appeal a where a.received_at >= :from and a.received_at < :to "
                + "order by a.received_at, a.id", Map.of("from", ts(from), "to", ts(to)), rs -> {
                    each.accept(appeal(rs));
                });
    }

    /**
     * Appeals not closed and past their answer deadline at {@code at} (overdue, PRODUCT.md §9); not one whose clock
     * stands still while the applicant is asked (seed 004 п.13).
     */
    @Transactional(readOnly = true)
    public void overdueAt(Instant at, Consumer<AppealFact> each) {
        jdbc.query("select " + APPEAL_COLUMNS + " from appeal a where a.status not in ('CLOSED', "
                + "'AWAITING_APPLICANT') and a.answer_due_at < :at "
                + "and a.received_at <= :at order by a.id", Map.of("at", ts(at)), rs -> {
                    each.accept(appeal(rs));
                });
    }

    /** History entries of the given types recorded in {@code [from, to)}, oldest first. */
    @Transactional(readOnly = true)
    public void entries(Instant from, Instant to, List<HistoryType> types, Consumer<EntryFact> each) {
        String since = "coalesce((select max(r.at) from appeal_history r where r.appeal_id = h.appeal_id "
                + "and r.type = :reopened and r.at < h.at), a.received_at)";
        jdbc.query("select h.appeal_id, a.source, a.category, a.department_id, h.type, h.at, h.executor_id, "
                + "h.answer_due_at, " + since + " as since, h.to_status, "
                // the third fact of an entry that ended a wait for the applicant: its paused working minutes
                + "coalesce((select sum(p.args[3]::bigint) from appeal_history p where p.appeal_id = h.appeal_id "
                + "and p.type in (:paused) and p.at <= h.at and p.at >= " + since + " and cardinality(p.args) = 3), 0) "
                + "from appeal_history h join appeal a on a.id = h.appeal_id "
                + "where h.type in (:types) and h.at >= :from and h.at < :to order by h.at, h.id",
                Map.of("from", ts(from), "to", ts(to), "types", types.stream().map(HistoryType::name).toList(),
                        "reopened", HistoryType.REOPENED.name(), "paused", PAUSES), rs -> {
                    each.accept(new EntryFact(rs.getLong(1), Source.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), HistoryType.valueOf(rs.getString(5)), instant(rs, 6), rs.getString(7), instant(rs, 8),
                            instant(rs, 9), AppealStatus.valueOf(rs.getString(10)), rs.getLong(11)));
                });
    }

    /**
     * Every entry of the given types of the appeals of these sources that have one of them in {@code [from, to)},
     * appeal by appeal, oldest first: the stages of their answers, whenever they began.
     */
    @Transactional(readOnly = true)
    public void stageEntries(Instant from, Instant to, List<HistoryType> types, java.util.Collection<Source> sources,
                             Consumer<StageEntryFact> each) {
        if (sources.isEmpty()) {
            return;
        }
        jdbc.query("select h.appeal_id, a.source, a.external_id, a.category, a.priority, a.department_id, "
                + "a.received_at, h.type, h.at, h.actor_id, h.executor_id from appeal_history h "
                + "join appeal a on a.id = h.appeal_id where h.type in (:types) and a.source in (:sources) "
                + "and h.appeal_id in (select e.appeal_id from appeal_history e where e.type in (:types) "
                + "and e.at >= :from and e.at < :to) order by h.appeal_id, h.at, h.id",
                Map.of("from", ts(from), "to", ts(to), "types", types.stream().map(HistoryType::name).toList(),
                        "sources", sources.stream().map(Source::name).toList()), rs -> {
                    each.accept(new StageEntryFact(rs.getLong(1), Source.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), ru.appealdesk.directory.Priority.valueOf(rs.getString(5)),
                            rs.getString(6), instant(rs, 7), HistoryType.valueOf(rs.getString(8)), instant(rs, 9),
                            rs.getString(10), rs.getString(11)));
                });
    }

    /** The entries that end a wait for the applicant, each keeping its paused working minutes. */
    private static final List<String> PAUSES = List.of(HistoryType.CLARIFICATION_RECEIVED.name(),
            HistoryType.CLARIFICATION_MISSING.name(), HistoryType.CLOSED_NO_CLARIFICATION.name());

    private static AppealFact appeal(ResultSet rs) throws SQLException {
        return new AppealFact(rs.getLong(1), Source.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), AppealStatus.valueOf(rs.getString(9)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
