package ru.appealdesk.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.support.DatabaseSliceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-chat cap on waiting replies (`appealdesk.delivery.max-queued-replies-per-chat`, 20): a person writing in a
 * loop cannot pile up answers, but the cards and reminders queued for an executor do not silence the answers to
 * their presses.
 */
@EnableConfigurationProperties(DeliveryProperties.class)
@Import({Outbox.class, OutboxSignal.class, OutboundFiles.class})
class ReplyCapTest extends DatabaseSliceTest {

    private static final long CHAT = -902;

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void cardsAndRemindersWaitingDoNotCountButALoopOfRepliesStopsAtTheCap() {
        // held until far beyond any business time the running sender reaches, so nothing is sent meanwhile
        Instant later = START.plus(Duration.ofDays(300));
        try {
            // given a morning's reminders and cards waiting for the executor's chat
            enqueue(later, () -> {
                for (int i = 0; i < 25; i++) {
                    outbox.text(ChatAddress.telegram(CHAT), "Напоминание " + i, Outbox.PRIORITY_BULK);
                    outbox.text(ChatAddress.telegram(CHAT), "Эскалация " + i, Outbox.PRIORITY_CARD);
                    outbox.send(ChatAddress.telegram(CHAT), List.of("Карточка " + i), List.of(), Outbox.PRIORITY_REPLY, 9_000_000L + i);
                }
            });

            // when the bot answers the executor
            enqueue(later, () -> outbox.text(ChatAddress.telegram(CHAT), "Ответ", Outbox.PRIORITY_REPLY));

            // then the answer is queued behind nothing it has to wait for
            assertThat(waiting("Ответ%")).isEqualTo(1);

            // when replies keep coming (someone writing in a loop)
            enqueue(later, () -> {
                for (int i = 0; i < 30; i++) {
                    outbox.text(ChatAddress.telegram(CHAT), "Ответ " + i, Outbox.PRIORITY_REPLY);
                    outbox.text(ChatAddress.telegram(CHAT), "Ответ незнакомцу " + i, Outbox.PRIORITY_STRANGER);
                }
            });

            // then no more than 20 replies wait, and every card and reminder is still there
            assertThat(waiting("Ответ%")).isEqualTo(20);
            assertThat(waiting("Напоминание%") + waiting("Эскалация%") + waiting("Карточка%")).isEqualTo(75);

            // and a card too long for one message still goes out whole (its first part carries no card id)
            enqueue(later, () -> outbox.send(ChatAddress.telegram(CHAT), List.of("Черновик, начало", "Черновик, конец"), List.of(),
                    Outbox.PRIORITY_REPLY, 9_100_000L));
            assertThat(waiting("Черновик%")).isEqualTo(2);
        } finally {
            jdbc.update("delete from outbound_message where chat_id = ?", CHAT);
        }
    }

    private void enqueue(Instant notBefore, Runnable action) {
        tx.executeWithoutResult(s -> outbox.notBefore(notBefore, action));
    }

    private int waiting(String textLike) {
        return jdbc.queryForObject("select count(*) from outbound_message where chat_id = ? and status = 'PENDING' "
                + "and payload::jsonb ->> 'text' like ?", Integer.class, CHAT, textLike);
    }
}
