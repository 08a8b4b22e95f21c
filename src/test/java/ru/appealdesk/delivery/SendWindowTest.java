package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * No 31 messages of one instance arrive within a second, judged at the receiver: the window counts a slow call from
 * its answer. Time is simulated: the clock moves only when the test or a wait moves it.
 */
class SendWindowTest {

    private static final long MS = 1_000_000L;
    /** The bucket's slots at 28 a second. */
    private static final long SLOT = 1_000_000_000L / 28;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<Long> waits = new ArrayList<>();
    private final SendWindow window = new SendWindow(now::get, nanos -> {
        waits.add(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void atTheBucketsPaceWithQuickAnswersNothingWaits() throws InterruptedException {
        // given 30 sends at the bucket's pace, each answered 5 ms later
        for (int i = 0; i < 30; i++) {
            sendAnsweredAfter(5 * MS);
        }
        // when the 31st goes at its slot
        now.addAndGet(SLOT - 5 * MS);
        window.await();
        // then it does not wait
        assertThat(waits).isEmpty();
    }

    @Test
    void aSlowFirstCallKeepsTheThirtyFirstSendASecondBehindItsAnswer() throws InterruptedException {
        // given a first call answered after 300 ms (a cold connection after a start: it may have arrived late),
        // then 29 sends at the bucket's pace answered in 5 ms
        long first = now.get();
        SendWindow.Send slow = window.await();
        now.addAndGet(SLOT);
        for (int i = 0; i < 29; i++) {
            sendAnsweredAfter(5 * MS);
        }
        now.set(first + 300 * MS);
        slow.answered();
        now.set(first + 30 * SLOT);

        // when the 31st send's slot comes
        window.await();

        // then it waits until a second after the slow answer, less the 5 ms every call takes
        assertThat(now.get() - first).isEqualTo(300 * MS + 1_000 * MS - 5 * MS);
    }

    @Test
    void aHungCallHoldsNothingUp() throws InterruptedException {
        // given a first call that has not been answered, and 29 quick ones after it
        long first = now.get();
        window.await();
        now.addAndGet(SLOT);
        for (int i = 0; i < 29; i++) {
            sendAnsweredAfter(5 * MS);
        }
        now.set(first + 30 * SLOT);
        // when the 31st goes
        window.await();
        // then it waits only for the window counted from the hung call's send
        assertThat(waits).isEmpty();
    }

    @Test
    void thirtyOneSendsAtOnceAreSpreadOverTheWindow() throws InterruptedException {
        long first = now.get();
        for (int i = 0; i < 31; i++) {
            window.await();
        }
        assertThat(now.get() - first).isEqualTo(SendWindow.WINDOW);
    }

    /** A send at the current time, answered after {@code roundTrip}; the clock then stands at its next slot. */
    private void sendAnsweredAfter(long roundTrip) throws InterruptedException {
        SendWindow.Send send = window.await();
        now.addAndGet(roundTrip);
        send.answered();
        now.addAndGet(SLOT - roundTrip);
    }
}
