package ru.appealdesk.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who is away on a day, read once per transaction: registering one appeal asks it four times (routing, the hand-over
 * check of each of its two events, the card's recipient). Absences change only through {@link Absences}, which
 * forgets what was read whenever it changes one. Outside a transaction every call reads anew; a transaction
 * suspended for another one (REQUIRES_NEW) keeps its own.
 */
final class AwayInTransaction {

    private final Object key = new Object();

    /** The people away on {@code day}, as {@code read} finds them the first time this transaction asks. */
    Set<String> on(LocalDate day, Function<LocalDate, ? extends Collection<String>> read) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return Set.copyOf(read.apply(day));
        }
        @SuppressWarnings("unchecked")
        Map<LocalDate, Set<String>> days = (Map<LocalDate, Set<String>>) TransactionSynchronizationManager
                .getResource(key);
        if (days == null) {
            days = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, days);
            TransactionSynchronizationManager.registerSynchronization(new Unbind(key, days));
        }
        Set<String> away = days.get(day);
        if (away == null) {
            away = Set.copyOf(read.apply(day));
            days.put(day, away);
        }
        return away;
    }

    /** An absence changed in this transaction: the next question reads again. */
    void forget() {
        Object days = TransactionSynchronizationManager.getResource(key);
        if (days instanceof Map<?, ?> map) {
            map.clear();
        }
    }

    /** Unbinds the days read when the transaction ends, and while it is suspended. */
    private record Unbind(Object key, Map<LocalDate, Set<String>> days) implements TransactionSynchronization {

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, days);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
