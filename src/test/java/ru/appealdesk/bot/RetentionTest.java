package ru.appealdesk.bot;

import java.sql.Timestamp;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Applicants' contacts do not outlive delivery; old records are purged on schedule. */
class RetentionTest extends EndToEndTest {

    private static final String PHONE = "+79997770011";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Retention retention;

    @Test
    void deliveredMessagesAndClosedCardsKeepNoContacts() {
        // given an appeal whose card quotes the applicant's phone
        var request = appealRequest("RT-2026-1", "roads");
        request.putObject("applicant").put("name", "Хранимов П.П.").put("phone", PHONE).put("email", "keep@x.ru");
        String executor = register(request).get("executor").asText();
        awaitCard(executor, "RT-2026-1", "Взять в работу");

        // when it is accepted (the card is closed) and everything is delivered
        accept(executor, "RT-2026-1");
        awaitOutboxDrained();

        // then neither the sent messages (once each is delivered: one may still be due a moment later) nor the closed
        // card keep the phone
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outbound_message where payload like ?", Long.class, "%" + PHONE + "%"),
                count -> count == 0);
        assertThat(jdbc.queryForObject("select count(*) from card where not active and text like ?", Long.class,
                "%" + PHONE + "%")).isZero();
    }

    @Test
    void filesOfACancelledDraftAreDeletedAtOnceAndUnusedOnesLater() {
        // given a draft answer with a photo
        String executor = register(appealRequest("RT-2026-2", "roads")).get("executor").asText();
        draftAnswer(executor, accept(executor, "RT-2026-2"), "Решено", "Яма заделана.");
        long before = files();
        telegram.userSendsPhoto(user(executor), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2});
        telegram.awaitText(user(executor), "Файл добавлен");
        assertThat(files()).isEqualTo(before + 1);

        // when the draft is cancelled, its file goes with it
        telegram.userSends(user(executor), "/cancel");
        telegram.awaitText(user(executor), "Ввод отменён");
        assertThat(files()).isEqualTo(before);

        // and files nobody refers to are purged once a day old, unless a draft holds them
        java.util.UUID old = java.util.UUID.randomUUID();
        java.util.UUID fresh = java.util.UUID.randomUUID();
        java.util.UUID held = java.util.UUID.randomUUID();
        Timestamp twoDaysAgo = Timestamp.from(START.minus(Duration.ofDays(2)));
        for (var id : java.util.List.of(old, fresh, held)) {
            jdbc.update("insert into stored_file (id, kind, file_name, mime_type, size_bytes, content, created_at) "
                    + "values (?, 'PHOTO', 'x.jpg', 'image/jpeg', 1, '\\xff', ?)", id,
                    id == fresh ? Timestamp.from(START) : twoDaysAgo);
        }
        jdbc.update("insert into conversation (user_id, chat_id, state, appeal_id, step, attachments, "
                + "updated_at, version) values (-77, -77, 'COLLECTING_ATTACHMENTS', 1, 1, ?, ?, 0)",
                "PHOTO " + held + " photo:x 1", Timestamp.from(START));
        retention.purge();
        assertThat(jdbc.queryForList("select id from stored_file where id in (?, ?, ?)", java.util.UUID.class,
                old, fresh, held)).containsExactlyInAnyOrder(fresh, held);
        jdbc.update("delete from conversation where user_id = -77");
    }

    private long files() {
        return jdbc.queryForObject("select count(*) from stored_file", Long.class);
    }

    @Test
    void oldRecordsArePurgedAndRecentOnesKept() {
        // given handled updates 40 days and 1 day old
        Timestamp old = Timestamp.from(START.minus(Duration.ofDays(40)));
        Timestamp recent = Timestamp.from(START.minus(Duration.ofDays(1)));
        jdbc.update("insert into processed_update (update_id, processed_at) values ('-1001', ?), ('-1002', ?)", old,
                recent);

        // when the retention job runs
        retention.purge();

        // then only the recent records remain
        assertThat(jdbc.queryForList("select update_id from processed_update where update_id like '-%'",
                String.class)).containsExactly("-1002");
    }

    @Test
    void droppedDraftsAndUnusedFilesAreWrittenToTheAuditLog() {
        // given an answer draft of appeal 9001 untouched for 15 days, a dialog without a draft, and an unused file
        Timestamp abandoned = Timestamp.from(START.minus(Duration.ofDays(15)));
        jdbc.update("insert into conversation (user_id, chat_id, state, appeal_id, step, answer_text, "
                + "updated_at, version) values (-78, -78, 'COLLECTING_ATTACHMENTS', 9001, 1, 'Яма заделана', ?, 0), "
                + "(-79, -79, 'COLLECTING_ATTACHMENTS', 9002, 1, null, ?, 0)", abandoned, abandoned);
        jdbc.update("insert into stored_file (id, kind, file_name, mime_type, size_bytes, content, created_at) "
                + "values (?, 'PHOTO', 'x.jpg', 'image/jpeg', 1, '\\xff', ?)", java.util.UUID.randomUUID(),
                abandoned);

        // when the retention job runs
        retention.purge();

        // then the draft's deletion is on record for its appeal, the files' as a count, the empty dialog not at all
        assertThat(jdbc.queryForList("select actor || ' ' || action || ' ' || channel from audit_event "
                + "where appeal_id = 9001", String.class)).containsExactly("retention DRAFT_DELETED RETENTION");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where appeal_id = 9002", Long.class))
                .isZero();
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'FILES_DELETED'", String.class))
                .anyMatch(d -> d.matches("\\d+ files no answer or draft refers to"));
    }

    @Test
    void anApplicantsStoredPhotoIsNoUnusedFile() {
        // given an appeal whose photo the service fetched two days ago
        var request = appealRequest("RT-2026-3", "roads");
        request.putArray("photos").add(portal.serve("/rt/1.jpg", ru.appealdesk.support.FakePortal.JPEG));
        long id = register(request).get("id").asLong();
        java.util.UUID file = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select file_id from applicant_photo where appeal_id = ? and state = 'STORED'", java.util.UUID.class,
                id).stream().findFirst().orElse(null), java.util.Objects::nonNull);
        jdbc.update("update stored_file set created_at = ? where id = ?",
                Timestamp.from(START.minus(Duration.ofDays(2))), file);

        // when the retention job runs, the photo stays
        retention.purge();
        assertThat(jdbc.queryForObject("select count(*) from stored_file where id = ?", Long.class, file)).isOne();
    }
}
