package ru.appealdesk.sla;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.workflow.AppealEvents.AppealAssigned;
import ru.appealdesk.workflow.AppealEvents.AppealEvent;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.HistoryType;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static ru.appealdesk.sla.WorkingTimeTest.TIME;
import static ru.appealdesk.sla.WorkingTimeTest.msk;

/**
 * The timers of an assignment (issue 26, intake while delivering): an appeal routed as it is registered has had no
 * step, so its timers are planned without cancelling any (before: a query and a flush of the whole registration per
 * appeal, for nothing); an assignment of an appeal that had a step still cancels that step's timers.
 */
class TimersOfAssignmentTest {

    private static final Instant NOW = msk("2026-03-02T10:00");

    private final TimerRepository timers = mock(TimerRepository.class);
    private final TimerPlanner planner = new TimerPlanner(Directory.load(Path.of("bot-config")), TIME, timers,
            mock(Deadlines.class));

    @Test
    void anAppealRoutedAsItIsRegisteredCancelsNothing() {
        // when an appeal is routed to petrova in its registration
        planner.on((AppealEvent) new AppealAssigned(assigned(2), "petrova", null, null, true, NOW));

        // then her step's timers are planned and nothing is cancelled
        verify(timers, atLeastOnce()).save(argThat(t -> t.kind() == Timer.Kind.LADDER));
        verify(timers, never()).cancel(anyLong(), any());
        verify(timers, never()).cancelUnlocked(anyLong(), any());
    }

    @Test
    void aCoordinatorsAssignmentCancelsTheTimersOfTheStepBefore() {
        // when a coordinator gives the unrouted appeal to petrova
        planner.on((AppealEvent) new AppealAssigned(assigned(2), "petrova", null, "sokolova", false, NOW));

        // then the unrouted step's ladder is cancelled before hers is planned
        verify(timers).cancel(eq(7L), argThat((Collection<Timer.Kind> kinds) -> kinds.contains(Timer.Kind.LADDER)));
        verify(timers, atLeastOnce()).save(argThat(t -> t.kind() == Timer.Kind.LADDER));
    }

    /** Appeal 7 of Добродел, registered at step 1 and assigned to petrova at step {@code step}. */
    private static AppealView assigned(int step) {
        List<AppealView.HistoryItem> history = List.of(
                new AppealView.HistoryItem(NOW, null, HistoryType.REGISTERED, null, AppealStatus.NEW, null, null, 1,
                        null, null),
                new AppealView.HistoryItem(NOW, null, HistoryType.ASSIGNED, AppealStatus.NEW, AppealStatus.ASSIGNED,
                        "petrova", null, step, null, null));
        Instant due = msk("2026-03-20T18:00");
        return new AppealView(7, Source.DOBRODEL, "DD-1", "roads", "buildings", Priority.NORMAL, false, false,
                "Яма", null, null, List.of(), NOW, due, due, AppealStatus.ASSIGNED, "petrova", step, NOW, 0, null,
                history, null, 0, false, null, null, 0, List.of(), "portal", null);
    }
}
