package ru.appealdesk.intake;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Absences.Absence;

/**
 * {@code /api/staff/{staffId}/absences} (administration token, PRODUCT.md §10): a person's absences; while one
 * lasts their appeals, cards and reminders go to their substitute (seed 002 п.4).
 */
@RestController
class AbsenceController {

    private final Absences absences;

    AbsenceController(Absences absences) {
        this.absences = absences;
    }

    /** The dates of an absence, both included. */
    record AbsenceRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @PostMapping("/api/staff/{staffId}/absences")
    @ResponseStatus(HttpStatus.CREATED)
    Absence add(@PathVariable String staffId, @Valid @RequestBody AbsenceRequest request) {
        return absences.add(staffId, request.from(), request.to());
    }

    /** The absences that have not ended yet, earliest first. */
    @GetMapping("/api/staff/{staffId}/absences")
    List<Absence> list(@PathVariable String staffId) {
        return absences.of(staffId);
    }

    /** Cancels a planned absence or ends a current one (the person is back today). */
    @DeleteMapping("/api/staff/{staffId}/absences/{absenceId}")
    Absence remove(@PathVariable String staffId, @PathVariable long absenceId) {
        return absences.remove(staffId, absenceId);
    }
}
