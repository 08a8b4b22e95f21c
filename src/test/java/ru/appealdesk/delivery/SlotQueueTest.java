package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The order in which one instance's calls reserve bot-wide slots: replies first, few reservations ahead. */
class SlotQueueTest {

    private final SlotQueue queue = new SlotQueue(2);
    private final List<String> order = new CopyOnWriteArrayList<>();

    @Test
    void aReplyReservesBeforeEveryWaitingBulkMessage() {
        // given two bulk calls holding the two reservations ahead and three more bulk calls waiting
        enter("bulk-1", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 1);
        enter("bulk-2", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 2);
        Thread b3 = enter("bulk-3", false);
        awaitWaiting(1);
        Thread b4 = enter("bulk-4", false);
        awaitWaiting(2);
        Thread b5 = enter("bulk-5", false);
        awaitWaiting(3);

        // when a reply to a person asks for a slot
        Thread reply = enter("reply", true);
        awaitWaiting(4);

        // then it reserves as soon as one slot ahead is reached, before every bulk call that waited longer
        queue.reached();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 3);
        assertThat(order.get(2)).isEqualTo("reply");
        // and the bulk calls follow in the order they came, one per slot reached
        queue.reached();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 4);
        queue.reached();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 5);
        queue.reached();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 6);
        assertThat(order).containsExactly("bulk-1", "bulk-2", "reply", "bulk-3", "bulk-4", "bulk-5");
        assertThat(List.of(b3, b4, b5, reply)).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void noMoreThanTheDepthAreOutstanding() {
        enter("a", false);
        enter("b", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 2);
        enter("c", true);
        awaitWaiting(1);
        assertThat(order).hasSize(2);
        queue.reached();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 3);
    }

    @Test
    void anInterruptedWaiterLeavesTheQueue() throws InterruptedException {
        enter("a", false);
        enter("b", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 2);
        Thread waiter = enter("c", false);
        awaitWaiting(1);
        waiter.interrupt();
        waiter.join(5_000);
        assertThat(queue.waiting()).isZero();
        queue.reached();
        enter("d", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> order.contains("d"));
        assertThat(order).doesNotContain("c");
    }

    @Test
    void aDepthMustBePositive() {
        assertThatThrownBy(() -> new SlotQueue(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void awaitWaiting(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.waiting() == count);
    }

    private Thread enter(String name, boolean interactive) {
        Thread thread = new Thread(() -> {
            try {
                queue.enter(interactive);
                order.add(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
