package ru.appealdesk.delivery;

import java.util.PriorityQueue;

/**
 * Who may reserve the bot-wide bucket's next slot, on one instance: a reply to a person before any bulk message, in
 * the order they asked within each, and at most {@code depth} reservations not yet reached at a time. The bucket hands
 * out slots in the order they are reserved; if every waiting call reserved at once (as before), thirty-two bulk calls
 * would hold the next second of slots and a reply would wait that second out. With a few reservations ahead, the
 * bucket still never has a slot pass unused (a reservation takes a few milliseconds, a slot lasts 36), and a reply
 * waits at most {@code depth} slots.
 */
final class SlotQueue {

    private final int depth;
    private final PriorityQueue<Ticket> waiting = new PriorityQueue<>();
    private int outstanding;
    private long sequence;

    /** One caller's place in the queue: replies first, then by arrival. */
    private record Ticket(boolean interactive, long sequence) implements Comparable<Ticket> {

        @Override
        public int compareTo(Ticket other) {
            if (interactive != other.interactive) {
                return interactive ? -1 : 1;
            }
            return Long.compare(sequence, other.sequence);
        }
    }

    SlotQueue(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive: " + depth);
        }
        this.depth = depth;
    }

    /**
     * Waits until this caller may reserve a slot: it is the most urgent waiting and fewer than {@code depth}
     * reservations are outstanding. The caller must {@link #reached()} once its slot has come (or it gave up).
     */
    synchronized void enter(boolean interactive) throws InterruptedException {
        Ticket ticket = new Ticket(interactive, sequence++);
        waiting.add(ticket);
        try {
            while (outstanding >= depth || waiting.peek() != ticket) {
                wait();
            }
        } catch (InterruptedException e) {
            waiting.remove(ticket);
            notifyAll();
            throw e;
        }
        waiting.poll();
        outstanding++;
    }

    /** The caller's reserved slot has come (or it gave up): the next may reserve. */
    synchronized void reached() {
        outstanding--;
        notifyAll();
    }

    /** Callers waiting for their turn to reserve (for tests and metrics). */
    synchronized int waiting() {
        return waiting.size();
    }
}
