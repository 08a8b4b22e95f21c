package ru.appealdesk.delivery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V31 and V32 on a database a version 30 service has been running on: its bindings, invites, sessions, queued
 * messages, cards, dialogs, handled updates, strangers and unreachable chats become Telegram's, keep their data, and
 * the same ids may then be used by MAX.
 */
class MessengersMigrationTest {

    @Test
    void aVersion30DatabaseWithDataMigrates() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).target("30").load().migrate();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into telegram_binding (staff_id, telegram_user_id, bound_at) "
                        + "values ('petrova', 1001, now()), ('sidorov', 1002, now())");
                s.execute("insert into invite (code_hash, staff_id, created_at, expires_at, used_at, used_by) values "
                        + "('h1', 'petrova', now(), now(), now(), 1001), ('h2', 'sidorov', now(), now(), null, null)");
                s.execute("insert into dashboard_session (token_hash, staff_id, origin, created_at, expires_at, "
                        + "telegram_user_id, last_seen_at) values ('\\x01', 'petrova', 'LINK', now(), now(), 1001, "
                        + "now())");
                s.execute("insert into dashboard_login_link (token_hash, staff_id, created_at, expires_at, "
                        + "telegram_user_id) values ('\\x02', 'petrova', now(), now(), 1001)");
                s.execute("insert into outbound_message (chat_id, method, payload, card_id, priority, status, "
                        + "next_attempt_at, created_at) values (1001, 'SEND_MESSAGE', '{}', 7, 1, 'PENDING', now(), "
                        + "now()), (1001, 'EDIT_MESSAGE', '{}', 7, 1, 'PENDING', now(), now())");
                s.execute("insert into outbound_message (chat_id, method, payload, priority, status, "
                        + "next_attempt_at, created_at, lease_until, lease_owner) values (1002, 'SEND_MESSAGE', '{}', "
                        + "1, 'IN_FLIGHT', now(), now(), now(), 'x')");
                s.execute("insert into undeliverable_chat (chat_id, reason, reported_at) values (1002, 'blocked', "
                        + "now())");
                s.execute("insert into card (id, appeal_id, kind, chat_id, message_id, step, text, active, "
                        + "created_at) values (7, 1, 'EXECUTOR', 1001, 4242, 1, 't', true, now()), "
                        + "(8, 1, 'REVIEW', 1002, null, 1, 't', true, now())");
                s.execute("insert into conversation (telegram_user_id, chat_id, state, appeal_id, step, attachments, "
                        + "updated_at, version) values (1001, 1001, 'COLLECTING_ATTACHMENTS', 1, 1, "
                        + "'PHOTO 3f2504e0-4f89-11d3-9a0c-0305e82c3301 photo:AgAD 100', now(), 0)");
                s.execute("insert into processed_update (update_id, processed_at) values (900001, now()), "
                        + "(900002, now())");
                s.execute("insert into stranger_contact (telegram_user_id, last_answered_at) values (5005, now())");
            }

            Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();

            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                assertThat(rows(s, "select staff_id || ' ' || messenger || ' ' || user_id from account_binding "
                        + "order by staff_id")).containsExactly("petrova TELEGRAM 1001", "sidorov TELEGRAM 1002");
                assertThat(rows(s, "select code_hash || ' ' || coalesce(used_in, '-') from invite order by code_hash"))
                        .containsExactly("h1 TELEGRAM", "h2 -");
                assertThat(rows(s, "select messenger || ' ' || user_id from dashboard_session"))
                        .containsExactly("TELEGRAM 1001");
                assertThat(rows(s, "select messenger || ' ' || user_id from dashboard_login_link"))
                        .containsExactly("TELEGRAM 1001");
                assertThat(rows(s, "select messenger || ' ' || chat_id || ' ' || status from outbound_message "
                        + "order by id")).containsExactly("TELEGRAM 1001 PENDING", "TELEGRAM 1001 PENDING",
                        "TELEGRAM 1002 IN_FLIGHT");
                assertThat(rows(s, "select messenger || ' ' || chat_id from undeliverable_chat"))
                        .containsExactly("TELEGRAM 1002");
                assertThat(rows(s, "select messenger || ' ' || chat_id || ' ' || coalesce(message_id, '-') from card "
                        + "order by id")).containsExactly("TELEGRAM 1001 4242", "TELEGRAM 1002 -");
                assertThat(rows(s, "select messenger || ' ' || user_id || ' ' || chat_id || ' ' || attachments "
                        + "from conversation")).containsExactly(
                        "TELEGRAM 1001 1001 PHOTO 3f2504e0-4f89-11d3-9a0c-0305e82c3301 photo:AgAD 100");
                assertThat(rows(s, "select messenger || ' ' || update_id from processed_update order by update_id"))
                        .containsExactly("TELEGRAM 900001", "TELEGRAM 900002");
                assertThat(rows(s, "select messenger || ' ' || user_id from stranger_contact"))
                        .containsExactly("TELEGRAM 5005");

                // the same numbers in MAX are other people and chats
                s.execute("insert into account_binding (staff_id, messenger, user_id, bound_at) "
                        + "values ('petrova', 'MAX', 1001, now())");
                s.execute("insert into undeliverable_chat (messenger, chat_id, reason, reported_at) "
                        + "values ('MAX', 1002, 'blocked', now())");
                s.execute("insert into conversation (messenger, user_id, chat_id, state, updated_at, version) "
                        + "values ('MAX', 1001, 1001, 'COLLECTING_ATTACHMENTS', now(), 0)");
                s.execute("insert into processed_update (messenger, update_id, processed_at) "
                        + "values ('MAX', '900001', now())");
                s.execute("insert into stranger_contact (messenger, user_id, last_answered_at) "
                        + "values ('MAX', 5005, now())");
                // and the same update of Telegram is still refused a second time
                assertThat(s.executeUpdate("insert into processed_update (messenger, update_id, processed_at) "
                        + "values ('TELEGRAM', '900001', now()) on conflict do nothing")).isZero();
            }
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
