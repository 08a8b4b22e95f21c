package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.support.DatabaseSliceTest;

/**
 * Files queued for a chat: one message of them in Telegram (albums), one message per file in MAX (photos and videos
 * first, then documents), so that a retry there resends only the file that failed.
 */
@EnableConfigurationProperties(DeliveryProperties.class)
@Import({Outbox.class, OutboxSignal.class, OutboundFiles.class})
class OutboxFilesTest extends DatabaseSliceTest {

    private static final long CHAT = -903;

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void maxGetsAMessagePerFileAndTelegramOneForAll() {
        List<Outbox.Media> files = List.of(new Outbox.Media(FileKind.DOCUMENT, "doc-1"),
                new Outbox.Media(FileKind.PHOTO, "photo-1"), new Outbox.Media(FileKind.PHOTO, "photo-2"));
        try {
            // held far beyond any business time the running sender reaches, so nothing is sent meanwhile
            tx.executeWithoutResult(s -> outbox.notBefore(START.plus(Duration.ofDays(300)), () -> {
                outbox.media(ChatAddress.telegram(CHAT), files, Outbox.PRIORITY_CARD);
                outbox.media(ChatAddress.max(CHAT), files, Outbox.PRIORITY_CARD);
            }));

            assertThat(refs("TELEGRAM")).containsExactly("[\"doc-1\", \"photo-1\", \"photo-2\"]");
            assertThat(refs("MAX")).containsExactly("[\"photo-1\"]", "[\"photo-2\"]", "[\"doc-1\"]");
        } finally {
            jdbc.update("delete from outbound_message where chat_id = ?", CHAT);
        }
    }

    private List<String> refs(String messenger) {
        return jdbc.queryForList("select jsonb_path_query_array(payload::jsonb, '$.media[*].ref')::text "
                + "from outbound_message where chat_id = ? and messenger = ? order by id", String.class, CHAT,
                messenger);
    }
}
