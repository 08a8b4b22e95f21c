package ru.appealdesk.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Source;

/**
 * Open appeals as the rows of a table (PRODUCT.md §12): filtered, searched, sorted and paged in PostgreSQL, one query
 * for the page and one for the count, so that 10,000 open appeals cost what a page of them costs.
 */
@Component
public class AppealTable {

    /** What the table can be sorted by. */
    public enum SortKey { ANSWER_DUE_AT, RECEIVED_AT, NUMBER, SOURCE, CATEGORY, DEPARTMENT, EXECUTOR, STATUS }

    /**
     * One request. Empty sets mean "any"; {@code departmentScope} null means every department (a deputy head's
     * scope otherwise); {@code ownBy} keeps the appeals this person executes or co-executes; {@code order} lists the
     * values in display order when sorting by anything but a date or the number (names, not ids or codes);
     * {@code cluster}: only the appeals of this surge's cluster (null: any).
     */
    public record Query(Set<AppealStatus> statuses, Set<String> departments, Set<String> executors,
                        Set<Source> sources, boolean overdueOnly, String search, Set<String> departmentScope,
                        String ownBy, SortKey sort, boolean descending, List<String> order, int page, int size,
                        Long cluster) {
    }

    /** One row; {@code departmentId}, {@code executorId} and {@code cluster} (a surge's, 002 п.11) may be null. */
    public record Row(long id, Source source, String externalId, String category, String departmentId,
                      String executorId, AppealStatus status, String address, Instant receivedAt,
                      Instant answerDueAt, Instant dueAt, Long cluster) {
    }

    /** A page of rows and how many match in all. */
    public record Page(List<Row> rows, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    AppealTable(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page open(Query q, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(q, now, p);
        long total = jdbc.queryForObject("select count(*) from appeal a where " + where, p, Long.class);
        p.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        List<Row> rows = total == 0 ? List.of() : jdbc.query("select a.id, a.source, a.external_id, a.category, "
                + "a.department_id, a.executor_id, a.status, a.address, a.received_at, a.answer_due_at, a.due_at, "
                + "a.cluster_id "
                + "from appeal a where " + where + " order by " + orderBy(q, p) + " limit :limit offset :offset", p,
                (rs, n) -> row(rs));
        return new Page(rows, total);
    }

    /**
     * Changes whenever an open appeal changes, opens or closes: the newest history entry, and the count and
     * versions of the open appeals (a change committed after a later history id still moves the versions).
     */
    @Transactional(readOnly = true)
    public String stamp() {
        return jdbc.getJdbcTemplate().queryForObject("select (select coalesce(max(id), 0) from appeal_history) "
                + "|| '.' || count(*) || '.' || coalesce(sum(version), 0) from appeal where status <> 'CLOSED'",
                String.class);
    }

    private static String where(Query q, Instant now, MapSqlParameterSource p) {
        List<String> all = new ArrayList<>(List.of("a.status <> 'CLOSED'"));
        if (!q.statuses().isEmpty()) {
            all.add("a.status in (:statuses)");
            p.addValue("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        if (!q.departments().isEmpty()) {
            all.add("a.department_id in (:departments)");
            p.addValue("departments", List.copyOf(q.departments()));
        }
        if (!q.executors().isEmpty()) {
            all.add("a.executor_id in (:executors)");
            p.addValue("executors", List.copyOf(q.executors()));
        }
        if (!q.sources().isEmpty()) {
            all.add("a.source in (:sources)");
            p.addValue("sources", q.sources().stream().map(Enum::name).toList());
        }
        if (q.cluster() != null) {
            all.add("a.cluster_id = :cluster");
            p.addValue("cluster", q.cluster());
        }
        if (q.overdueOnly()) {
            // not while its clock stands still for the applicant's reply (seed 004 п.13)
            all.add("a.answer_due_at < :now and a.status <> 'AWAITING_APPLICANT'");
            p.addValue("now", Timestamp.from(now));
        }
        if (q.search() != null && !q.search().isBlank()) {
            // both sides folded by PostgreSQL, so that they fold alike whatever the database's locale
            all.add("(upper(a.external_id) like upper(:search) escape '\\' "
                    + "or upper(a.address) like upper(:search) escape '\\')");
            p.addValue("search", "%" + q.search().strip().replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        List<String> scope = new ArrayList<>();
        if (q.departmentScope() != null) {
            scope.add(q.departmentScope().isEmpty() ? "false" : "a.department_id in (:scope)");
            p.addValue("scope", List.copyOf(q.departmentScope()));
        }
        if (q.ownBy() != null) {
            scope.add("a.executor_id = :own or exists (select 1 from appeal_co_executor c "
                    + "where c.appeal_id = a.id and c.staff_id = :own)");
            p.addValue("own", q.ownBy());
        }
        if (!scope.isEmpty()) {
            all.add("(" + String.join(" or ", scope) + ")");
        }
        return String.join(" and ", all);
    }

    private static String orderBy(Query q, MapSqlParameterSource p) {
        String direction = q.descending() ? " desc" : " asc";
        String key = switch (q.sort()) {
            case ANSWER_DUE_AT -> "a.answer_due_at";
            case RECEIVED_AT -> "a.received_at";
            case NUMBER -> "a.external_id";
            case SOURCE -> named("a.source", q, p);
            case STATUS -> named("a.status", q, p);
            case CATEGORY -> named("a.category", q, p);
            case DEPARTMENT -> named("a.department_id", q, p);
            case EXECUTOR -> named("a.executor_id", q, p);
        };
        return key + direction + " nulls last, a.answer_due_at asc, a.id asc";
    }

    private static String named(String column, Query q, MapSqlParameterSource p) {
        p.addValue("order", q.order().toArray(String[]::new));
        return "array_position(cast(:order as varchar[]), " + column + ")";
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), Source.valueOf(rs.getString("source")), rs.getString("external_id"),
                rs.getString("category"), rs.getString("department_id"), rs.getString("executor_id"),
                AppealStatus.valueOf(rs.getString("status")), rs.getString("address"),
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("answer_due_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), (Long) rs.getObject("cluster_id"));
    }
}
