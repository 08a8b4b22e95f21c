package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

/** Bulk to a chat whose person is acting waits for their pause, a minute at most; other chats are not held. */
class ActiveChatsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final ChatAddress PERSON = new ChatAddress(MessengerKind.TELEGRAM, 42);
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final ActiveChats chats = new ActiveChats(Duration.ofSeconds(10), now::get);

    @Test
    void bulkWaitsUntilThePersonHasPausedForThePause() {
        chats.acted(PERSON);
        now.addAndGet(3 * SECOND);
        assertThat(chats.holdBulk(PERSON)).isEqualTo(7 * SECOND);
        chats.acted(PERSON);
        now.addAndGet(9 * SECOND);
        assertThat(chats.holdBulk(PERSON)).isEqualTo(SECOND);
        now.addAndGet(SECOND);
        assertThat(chats.holdBulk(PERSON)).isZero();
    }

    @Test
    void otherChatsAndTheSamePersonInTheOtherMessengerAreNotHeld() {
        chats.acted(PERSON);
        assertThat(chats.holdBulk(new ChatAddress(MessengerKind.TELEGRAM, 43))).isZero();
        assertThat(chats.holdBulk(new ChatAddress(MessengerKind.MAX, 42))).isZero();
        assertThat(chats.holdBulk(PERSON)).isPositive();
    }

    @Test
    void aPersonWhoKeepsActingGetsOneBulkMessageAMinute() {
        chats.acted(PERSON);
        assertThat(chats.holdBulk(PERSON)).isPositive(); // the hold starts
        for (int second = 5; second < 60; second += 5) {
            now.addAndGet(5 * SECOND);
            chats.acted(PERSON);
            assertThat(chats.holdBulk(PERSON)).as("after %d s", second).isBetween(1L, 10 * SECOND);
        }
        now.addAndGet(5 * SECOND);
        chats.acted(PERSON);
        assertThat(chats.holdBulk(PERSON)).as("a minute held: one may go").isZero();
        assertThat(chats.holdBulk(PERSON)).as("and the next waits again").isPositive();
    }

    @Test
    void onlyThePeopleActingWithinThePauseAreCounted() {
        chats.acted(PERSON);
        now.addAndGet(5 * SECOND);
        chats.acted(new ChatAddress(MessengerKind.TELEGRAM, 43));
        assertThat(chats.count()).isEqualTo(2);
        now.addAndGet(5 * SECOND);
        assertThat(chats.count()).as("the first has paused").isEqualTo(1);
        now.addAndGet(5 * SECOND);
        assertThat(chats.count()).isZero();
    }

    @Test
    void noPauseHoldsNothing() {
        ActiveChats off = new ActiveChats(Duration.ZERO, now::get);
        off.acted(PERSON);
        assertThat(off.holdBulk(PERSON)).isZero();
    }
}
