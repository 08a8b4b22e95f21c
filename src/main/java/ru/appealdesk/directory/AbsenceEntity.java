package ru.appealdesk.directory;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A period a staff member is away, both dates included (seed 002 п.4). */
@Entity
@Table(name = "absence")
class AbsenceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "staff_id", nullable = false)
    private String staffId;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;
    private boolean begun;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AbsenceEntity() {
    }

    AbsenceEntity(String staffId, LocalDate startsOn, LocalDate endsOn, Instant now) {
        this.staffId = staffId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdAt = now;
    }

    void begin() {
        begun = true;
    }

    /** Back before the planned end: the absence ends the day before {@code today}. */
    void endBefore(LocalDate today) {
        endsOn = today.minusDays(1);
    }

    boolean begun() {
        return begun;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    Absences.Absence view() {
        return new Absences.Absence(id, staffId, startsOn, endsOn);
    }
}
