package ru.appealdesk.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is away and who acts for them (PRODUCT.md §10, seed 002 п.4). An absence includes both its dates, in the
 * organisation's time zone. When one begins, {@link AbsenceBegan} hands the person's work to their substitute; while
 * it lasts, routing skips them and what is meant for them goes to the substitute, who may act in their roles.
 */
@Service
public class Absences {

    private static final Logger log = LoggerFactory.getLogger(Absences.class);

    private final AbsenceRepository absences;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AwayInTransaction away = new AwayInTransaction();

    Absences(AbsenceRepository absences, Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.absences = absences;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** A planned or current absence. */
    public record Absence(long id, String staffId, LocalDate from, LocalDate to) {
    }

    /**
     * An absence began: {@code substitute} takes over, empty when there is none or they are away too (then the
     * coordinators must act).
     */
    public record AbsenceBegan(Absence absence, Optional<StaffMember> substitute) {
    }

    /** An absence that cannot be recorded or changed; nothing was stored. */
    public static class AbsenceRefused extends RuntimeException {

        /** Why. */
        public enum Reason { UNKNOWN_STAFF, ENDS_BEFORE_START, ALREADY_OVER, OVERLAPS, NOT_FOUND }

        private final Reason reason;

        AbsenceRefused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Records an absence; one that begins today hands the work over at once. */
    @Transactional(noRollbackFor = AbsenceRefused.class)
    public Absence add(String staffId, LocalDate from, LocalDate to) {
        if (directory.staff(staffId).isEmpty()) {
            throw new AbsenceRefused(AbsenceRefused.Reason.UNKNOWN_STAFF, "no staff member '" + staffId + "'");
        }
        if (to.isBefore(from)) {
            throw new AbsenceRefused(AbsenceRefused.Reason.ENDS_BEFORE_START, "the absence ends (" + to
                    + ") before it starts (" + from + ")");
        }
        LocalDate today = today();
        if (to.isBefore(today)) {
            throw new AbsenceRefused(AbsenceRefused.Reason.ALREADY_OVER, "the absence ended before today (" + today
                    + ")");
        }
        if (!absences.overlapping(staffId, from, to).isEmpty()) {
            throw new AbsenceRefused(AbsenceRefused.Reason.OVERLAPS, staffId + " is already away within "
                    + from + " – " + to);
        }
        AbsenceEntity saved = absences.save(new AbsenceEntity(staffId, from, to, clock.instant()));
        away.forget();
        log.info("Absence of {} from {} to {} recorded", staffId, from, to);
        if (!from.isAfter(today)) {
            begin(saved);
        }
        return saved.view();
    }

    /** The absences of a person that have not ended yet, earliest first. */
    @Transactional(readOnly = true)
    public List<Absence> of(String staffId) {
        if (directory.staff(staffId).isEmpty()) {
            throw new AbsenceRefused(AbsenceRefused.Reason.UNKNOWN_STAFF, "no staff member '" + staffId + "'");
        }
        return absences.current(staffId, today()).stream().map(AbsenceEntity::view).toList();
    }

    /** Cancels a planned absence, or ends a current one before today. */
    @Transactional(noRollbackFor = AbsenceRefused.class)
    public Absence remove(String staffId, long absenceId) {
        AbsenceEntity found = absences.findById(absenceId).filter(a -> a.view().staffId().equals(staffId))
                .orElseThrow(() -> new AbsenceRefused(AbsenceRefused.Reason.NOT_FOUND, "no absence " + absenceId
                        + " of " + staffId));
        return end(found);
    }

    /** {@code /back}: the current absence ends before today; empty if the person is not away today. */
    @Transactional
    public Optional<Absence> back(String staffId) {
        LocalDate today = today();
        return absences.covering(List.of(staffId), today).stream().findFirst().map(this::end);
    }

    private Absence end(AbsenceEntity absence) {
        LocalDate today = today();
        Absence before = absence.view();
        if (before.to().isBefore(today)) {
            throw new AbsenceRefused(AbsenceRefused.Reason.ALREADY_OVER, "absence " + before.id() + " is already over");
        }
        if (!absence.startsOn().isBefore(today)) {
            absences.delete(absence);
        } else {
            absence.endBefore(today);
        }
        away.forget();
        log.info("Absence {} of {} ended or cancelled on {}", before.id(), before.staffId(), today);
        return before;
    }

    public boolean isAbsent(String staffId) {
        return awayToday().contains(staffId);
    }

    /** Of these people, those away today. */
    public Set<String> absentAmong(Collection<String> staffIds) {
        if (staffIds.isEmpty()) {
            return Set.of();
        }
        Set<String> absent = awayToday();
        return staffIds.stream().filter(absent::contains).collect(Collectors.toSet());
    }

    /** Who acts for the person today: their substitute while they are away (and the substitute is not). */
    public Optional<StaffMember> substituteFor(String staffId) {
        if (!isAbsent(staffId)) {
            return Optional.empty();
        }
        return directory.staff(staffId).map(StaffMember::substituteId).flatMap(directory::staff)
                .filter(s -> !isAbsent(s.id()));
    }

    /** The people away today whom this person substitutes for. */
    public List<StaffMember> representedBy(String substituteId) {
        List<StaffMember> candidates = directory.allStaff().stream()
                .filter(s -> substituteId.equals(s.substituteId())).toList();
        if (candidates.isEmpty() || isAbsent(substituteId)) {
            return List.of();
        }
        Set<String> away = absentAmong(candidates.stream().map(StaffMember::id).toList());
        return candidates.stream().filter(s -> away.contains(s.id())).toList();
    }

    /** The person holds the role, or acts today for someone away who does. */
    public boolean actsAs(StaffMember person, Role role) {
        return person.hasRole(role) || representedBy(person.id()).stream().anyMatch(s -> s.hasRole(role));
    }

    /** Hands over the absences that have begun by {@code now} (the scheduler's every tick); returns how many. */
    @Transactional
    public int beginDue(java.time.Instant now) {
        List<AbsenceEntity> starting = absences.claimStarting(LocalDate.ofInstant(now,
                directory.organization().timeZone()));
        starting.forEach(this::begin);
        away.forget();
        return starting.size();
    }

    private void begin(AbsenceEntity absence) {
        absence.begin();
        Absence view = absence.view();
        Optional<StaffMember> substitute = directory.staff(view.staffId()).map(StaffMember::substituteId)
                .flatMap(directory::staff).filter(s -> !isAbsent(s.id()));
        log.info("Absence of {} began; substitute: {}", view.staffId(), substitute.map(StaffMember::id).orElse("none"));
        events.publishEvent(new AbsenceBegan(view, substitute));
    }

    /** Who is away today, read once per transaction ({@link AwayInTransaction}). */
    private Set<String> awayToday() {
        return away.on(today(), absences::awayOn);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(directory.organization().timeZone()));
    }
}
