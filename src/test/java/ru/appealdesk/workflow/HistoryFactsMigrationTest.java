package ru.appealdesk.workflow;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30 turns the sentences older versions wrote into history comments into facts, and the catalog puts the same
 * sentences together again: what the API, the dashboard and the chat show of an old row does not change.
 */
class HistoryFactsMigrationTest {

    /** type, to_status, the comment an older version stored. */
    static final String[][] OLD_ROWS = {
        {"AUTO_ACCEPTED", "IN_PROGRESS", "Принято в работу автоматически: срок на возврат истёк"},
        {"CLAIM_EXPIRED", "NEW", "Не принято в работу до установленного времени: передано координаторам для назначения"},
        {"RETURN_REJECTED", "IN_PROGRESS", "Возврат отклонён, обращение остаётся за исполнителем"},
        {"APPLICANT_NOTIFIED", "IN_PROGRESS", "Заявитель уведомлён по телефону"},
        {"APPLICANT_NOTIFIED", "IN_PROGRESS", "Информация направлена заявителю на e-mail"},
        {"ANSWER_SUBMITTED", "ANSWER_REVIEW", "Не решено"},
        {"SECONDARY_APPROVED", "ANSWER_REVIEW", "Повторная отсрочка согласована директором МКУ «МЦУР»"},
        {"SECONDARY_APPROVED", "ANSWER_REVIEW", "Согласовано повторно после несогласия заявителя"},
        {"CHAIN_APPROVED", "ANSWER_REVIEW", "Согласовано (2 из 3)"},
        {"APPROVAL_DELEGATED", "ANSWER_REVIEW", "Согласование передано: ivanova"},
        {"ANSWER_EDITED", "ANSWER_REVIEW", "Прежний текст: Яма заделана.\nФото приложено."},
        {"PUBLISHED", "POSTPONED", "Размещён ответ «Отложено»: итоговый ответ до 2026-07-01"},
        {"POSTPONED_CONFIRMED", "POSTPONED", "Отложенное обращение: исполнитель подтверждён"},
        {"REASSIGNED", "POSTPONED", "Отложенное обращение: назначен исполнитель"},
        {"SUBSTITUTED", "IN_PROGRESS", "Исполнитель отсутствует: обращение передано заместителю"},
        {"SUBSTITUTED", "IN_PROGRESS", "Исполнитель отсутствует с 01.06.2026 по 14.06.2026: обращение передано заместителю"},
        {"PUBLISHED", "CLOSED", "Ответ размещён на портале"},
        {"REOPENED", "IN_PROGRESS", "Заявитель не согласен с ответом (возврат 2 из 3): вода стоит\nпо-прежнему"},
        {"TO_OPERATOR", "CLOSED", "Передано оператору Единой системы после третьего несогласия заявителя"},
        {"REDIRECT_REJECTED", "NEW", "Перенаправление не согласовано"},
    };

    /** Rows whose comment a person wrote, and one with a sentence no version of this code wrote: kept as they are. */
    static final String[][] KEPT_ROWS = {
        {"RETURNED", "RETURNED", "Не наша компетенция, п. 2.3 положения"},
        {"CLOSED_DUPLICATE", "CLOSED", "Повтор обращения 123"},
        {"CLAIM_EXPIRED", "NEW", "Не взято в срок"},
    };

    @Test
    void oldSentencesBecomeFactsAndReadTheSame() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).target("29").load().migrate();
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET session_replication_role = replica"); // no appeal row needed for the history
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO appeal_history (appeal_id, at, "
                        + "type, to_status, comment, step) VALUES (1, now(), ?, ?, ?, 1)")) {
                    for (String[] row : concat(OLD_ROWS, KEPT_ROWS)) {
                        insert.setString(1, row[0]);
                        insert.setString(2, row[1]);
                        insert.setString(3, row[2]);
                        insert.executeUpdate();
                    }
                }
            }

            Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();

            Map<AppealView.HistoryItem, String> read = new LinkedHashMap<>();
            try (Connection c = pg.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT type, to_status, comment, args FROM appeal_history ORDER BY id")) {
                while (rs.next()) {
                    Array args = rs.getArray("args");
                    AppealView.HistoryItem item = new AppealView.HistoryItem(null, null,
                            HistoryType.valueOf(rs.getString("type")), null,
                            AppealStatus.valueOf(rs.getString("to_status")), null, rs.getString("comment"), 1, null,
                            args == null ? null : List.of((String[]) args.getArray()));
                    read.put(item, HistoryWords.comment(item));
                }
            }
            List<AppealView.HistoryItem> items = new ArrayList<>(read.keySet());
            for (int i = 0; i < OLD_ROWS.length; i++) {
                AppealView.HistoryItem item = items.get(i);
                assertThat(item.args()).as("facts of %s", OLD_ROWS[i][2]).isNotNull();
                assertThat(item.comment()).as("stored comment of %s", OLD_ROWS[i][2])
                        .isIn(null, "Яма заделана.\nФото приложено.", "вода стоит\nпо-прежнему");
                assertThat(read.get(item)).isEqualTo(OLD_ROWS[i][2]);
            }
            for (int i = 0; i < KEPT_ROWS.length; i++) {
                AppealView.HistoryItem item = items.get(OLD_ROWS.length + i);
                assertThat(item.args()).isNull();
                assertThat(read.get(item)).isEqualTo(KEPT_ROWS[i][2]);
            }
            assertThat(items.get(15).args()).containsExactly("2026-06-01", "2026-06-14");
            assertThat(items.get(17).args()).containsExactly("2", "3");
        }
    }

    private static String[][] concat(String[][] a, String[][] b) {
        String[][] all = new String[a.length + b.length][];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
