package ru.appealdesk.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TimerRepository extends JpaRepository<Timer, Long> {

    /** Due timers, locked for this transaction; rows another instance holds are skipped. */
    @Query(value = "select * from timer where status = 'PENDING' and due_at <= ?1 order by due_at, id limit ?2 "
            + "for update skip locked", nativeQuery = true)
    List<Timer> claimDue(Instant now, int limit);

    /**
     * Cancels the appeal's pending timers of these kinds, skipping those a timer tick holds at the moment: a tick
     * locks its due timers first and the appeal second, a transition the other way round, so waiting here could
     * deadlock. A skipped timer fires into a changed appeal, where its step or state no longer fits and it is dropped.
     */
    default int cancel(long appealId, Collection<Timer.Kind> kinds) {
        return cancelUnlocked(appealId, kinds.stream().map(Enum::name).toList());
    }

    @Modifying(flushAutomatically = true)
    @Query(value = "update timer set status = 'CANCELLED' where id in (select id from timer where appeal_id = ?1 "
            + "and status = 'PENDING' and kind in ?2 and held_status is null for update skip locked)",
            nativeQuery = true)
    int cancelUnlocked(long appealId, Collection<String> kinds);

    @Query("select count(t) > 0 from Timer t where t.appealId = ?1 and t.kind = ?2 and t.status = ?3")
    boolean existsByAppealIdAndKindAndStatus(long appealId, Timer.Kind kind, Timer.Status status);

    List<Timer> findByAppealIdOrderById(long appealId);
}
