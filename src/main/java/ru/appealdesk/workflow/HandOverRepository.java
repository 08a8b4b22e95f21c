package ru.appealdesk.workflow;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HandOverRepository extends JpaRepository<HandOver, Long> {

    /** The absences whose hand-over is not done yet, the oldest first. */
    @Query(value = "select absence_id from absence_hand_over where done_at is null order by absence_id",
            nativeQuery = true)
    List<Long> pending();

    /**
     * The hand-over, locked until the transaction ends, if it is not done and nobody else holds it (a batch of
     * another instance, or of the same instance's other thread, is under way: this one is skipped).
     */
    @Query(value = "select * from absence_hand_over where absence_id = ?1 and done_at is null "
            + "for update skip locked", nativeQuery = true)
    Optional<HandOver> claim(long absenceId);
}
