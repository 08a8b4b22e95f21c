package ru.appealdesk.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import ru.appealdesk.directory.Absences;

/**
 * The hand-over of an absent executor's open appeals to their substitute (seed 002 п.4), while it lasts and after:
 * how many appeals moved so far and the first of their numbers, and when it was done ({@link HandOvers}).
 */
@Entity
@Table(name = "absence_hand_over")
class HandOver {

    /** How many numbers the coordinators' message lists; the rest it counts. */
    static final int LISTED = 30;

    @Id
    @Column(name = "absence_id")
    private Long absenceId;
    @Column(name = "staff_id", nullable = false)
    private String staffId;
    @Column(name = "substitute_id", nullable = false)
    private String substituteId;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;
    private int moved;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] numbers = new String[0];
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "done_at")
    private Instant doneAt;

    protected HandOver() {
    }

    HandOver(Absences.Absence absence, String substituteId, Instant now) {
        this.absenceId = absence.id();
        this.staffId = absence.staffId();
        this.substituteId = substituteId;
        this.startsOn = absence.from();
        this.endsOn = absence.to();
        this.createdAt = now;
    }

    /** One more appeal went to the substitute. */
    void moved(String number) {
        moved++;
        if (numbers.length < LISTED) {
            numbers = Arrays.copyOf(numbers, numbers.length + 1);
            numbers[numbers.length - 1] = number;
        }
    }

    /** Nothing is left to hand over: the coordinators are told with this event, once. */
    AppealEvents.AbsenceHandled done(Instant now) {
        doneAt = now;
        return new AppealEvents.AbsenceHandled(absence(), substituteId, List.of(numbers), moved, now);
    }

    Absences.Absence absence() {
        return new Absences.Absence(absenceId, staffId, startsOn, endsOn);
    }

    long absenceId() {
        return absenceId;
    }

    String staffId() {
        return staffId;
    }

    String substituteId() {
        return substituteId;
    }
}
