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

    @Modifying(flushAutomatically = true)
    @Query("update Timer t set t.status = ru.appealdesk.sla.Timer.Status.CANCELLED "
            + "where t.appealId = ?1 and t.status = ru.appealdesk.sla.Timer.Status.PENDING and t.kind in ?2 "
            + "and t.heldStatus is null")
    int cancel(long appealId, Collection<Timer.Kind> kinds);

    @Query("select count(t) > 0 from Timer t where t.appealId = ?1 and t.kind = ?2 and t.status = ?3")
    boolean existsByAppealIdAndKindAndStatus(long appealId, Timer.Kind kind, Timer.Status status);

    List<Timer> findByAppealIdOrderById(long appealId);
}
