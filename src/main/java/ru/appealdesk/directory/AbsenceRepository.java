package ru.appealdesk.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AbsenceRepository extends JpaRepository<AbsenceEntity, Long> {

    /** Absences of these people that include {@code date}. */
    @Query("select a from AbsenceEntity a where a.staffId in ?1 and a.startsOn <= ?2 and a.endsOn >= ?2")
    List<AbsenceEntity> covering(Collection<String> staffIds, LocalDate date);

    /**
     * Who is away on {@code date}: the people with an absence that includes it. One parameter, no list: Hibernate
     * keeps its translation (a list parameter has the query translated again on every call).
     */
    @Query("select distinct a.staffId from AbsenceEntity a where a.startsOn <= ?1 and a.endsOn >= ?1")
    List<String> awayOn(LocalDate date);

    /** A person's absences that have not ended before {@code date}, earliest first. */
    @Query("select a from AbsenceEntity a where a.staffId = ?1 and a.endsOn >= ?2 order by a.startsOn")
    List<AbsenceEntity> current(String staffId, LocalDate date);

    /** Absences that overlap the period. */
    @Query("select a from AbsenceEntity a where a.staffId = ?1 and a.startsOn <= ?3 and a.endsOn >= ?2")
    List<AbsenceEntity> overlapping(String staffId, LocalDate from, LocalDate to);

    /** Absences that have started and are not handed over yet; rows another instance holds are skipped. */
    @Query(value = "select * from absence where not begun and starts_on <= ?1 and ends_on >= ?1 "
            + "for update skip locked", nativeQuery = true)
    List<AbsenceEntity> claimStarting(LocalDate today);
}
