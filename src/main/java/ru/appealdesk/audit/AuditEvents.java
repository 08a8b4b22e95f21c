package ru.appealdesk.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log for {@code GET /api/audit}. */
@Component
class AuditEvents {

    /** What to look for; null fields match anything; {@code until} is exclusive. */
    record Filter(String actor, Long appealId, Instant since, Instant until) {
    }

    /** A stored event. */
    record Row(long id, Instant at, String actor, String action, String channel, Long appealId, String detail) {
    }

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
    }

    List<Row> page(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("select id, at, actor, action, channel, appeal_id, detail from audit_event" + where
                        + " order by at desc, id desc limit ? offset ?").params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("channel"), (Long) rs.getObject("appeal_id"),
                        rs.getString("detail"))).list();
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.actor() != null) {
            conditions.add("actor = ?");
            params.add(filter.actor());
        }
        if (filter.appealId() != null) {
            conditions.add("appeal_id = ?");
            params.add(filter.appealId());
        }
        if (filter.since() != null) {
            conditions.add("at >= ?");
            params.add(Timestamp.from(filter.since()));
        }
        if (filter.until() != null) {
            conditions.add("at < ?");
            params.add(Timestamp.from(filter.until()));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
