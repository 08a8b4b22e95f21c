package ru.appealdesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.bot.cards.TestAppeals;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.HandOvers;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A timer against a person (issue 26): an auto-accept that meets an executor's «Взять в работу» made at the same
 * moment on another instance is not an error and holds up no other due timer.
 */
class TimerConflictTest {

    private static final Instant NOW = TestAppeals.NOW;

    @Test
    void aConflictOnOneTimerIsTriedAgainAndTheOthersFire() {
        // given two appeals whose accept windows ended, the first changed by a person as the tick acts on it
        TimerRepository timers = mock(TimerRepository.class);
        AppealCommands appeals = mock(AppealCommands.class);
        AppealQueries queries = mock(AppealQueries.class);
        AppealView first = TestAppeals.appeal(AppealStatus.ASSIGNED, null, null);
        Timer a = new Timer(1, Timer.Kind.AUTO_ACCEPT, 0, first.step(), NOW, NOW);
        Timer b = new Timer(2, Timer.Kind.AUTO_ACCEPT, 0, first.step(), NOW, NOW);
        when(timers.claimDue(any(), anyInt())).thenReturn(List.of(a, b), List.of());
        when(queries.find(anyLong())).thenReturn(Optional.of(first));
        when(appeals.acceptAutomatically(eq(first.id()), anyInt()))
                .thenThrow(new ObjectOptimisticLockingFailureException("Appeal", first.id()))
                .thenReturn(first);
        PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        TimerTick tick = new TimerTick(timers, appeals, queries, mock(StepOwners.class), mock(WorkingTime.class),
                mock(ApplicationEventPublisher.class), new TransactionTemplate(transactions),
                Clock.fixed(NOW, ZoneOffset.UTC), mock(Directory.class), mock(Absences.class),
                mock(TimerPlanner.class), mock(HandOvers.class));

        // when the tick runs
        assertThatCode(tick::run).doesNotThrowAnyException();

        // then the conflicting transition was tried again (two calls), and the other timer fired too (a third)
        verify(appeals, times(3)).acceptAutomatically(eq(first.id()), anyInt());
        verify(transactions, times(1)).rollback(any());   // the conflicting attempt alone
    }
}
