package ru.appealdesk.workflow;

import static ru.appealdesk.logging.LogSafe.safe;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealEvents.AppealEvent;
import ru.appealdesk.workflow.AppealEvents.AppealRegistered;

/**
 * Registers appeals (the portals' API, imports): stores each once per source and number, computes its terms and
 * routes it to an executor where one is found. The registration and its events share one transaction.
 */
@Service
public class AppealRegistration {

    private static final Logger log = LoggerFactory.getLogger(AppealRegistration.class);

    private final AppealRepository appeals;
    private final Directory directory;
    private final DeadlinePolicy deadlines;
    private final Router router;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ru.appealdesk.directory.Absences absences;
    private final ApplicantPhotos photos;
    private final Surges surges;

    AppealRegistration(AppealRepository appeals, Directory directory, DeadlinePolicy deadlines, Router router,
                       ApplicationEventPublisher events, Clock clock, ru.appealdesk.directory.Absences absences,
                       ApplicantPhotos photos, Surges surges) {
        this.appeals = appeals;
        this.directory = directory;
        this.deadlines = deadlines;
        this.router = router;
        this.events = events;
        this.clock = clock;
        this.absences = absences;
        this.photos = photos;
        this.surges = surges;
    }

    /** The outcome of registration: {@code created} is false when the same source and id was already stored. */
    public record Registration(AppealView appeal, boolean created) {
    }

    @Transactional(noRollbackFor = TransitionRefused.class)
    public Registration register(NewAppeal request) {
        appeals.lockRegistration(request.source() + ":" + request.externalId());
        Optional<Appeal> existing = appeals.findBySourceAndExternalId(request.source(), request.externalId());
        if (existing.isPresent()) {
            return new Registration(existing.get().view(), false);
        }
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() != null ? request.receivedAt() : now;
        NewAppeal normalized = new NewAppeal(request.source(), request.externalId(), request.category(),
                request.priority(), request.fz59(), request.sociallySignificant(), request.text(), request.address(),
                request.applicant(), request.photos(), receivedAt, request.repeatOf(), request.registeredBy());
        Optional<Category> category = directory.category(request.category());
        Appeal appeal = Appeal.register(normalized, category.map(Category::departmentId).orElse(null),
                deadlines.compute(request.source(), request.category(), request.priority(), receivedAt), now);
        appeals.save(appeal);
        surges.check(appeal, now);
        // seed 004 п.18: a repeat goes to the executor of the earlier appeal while they work here as one
        Optional<StaffMember> executor = Optional.ofNullable(request.repeatOf())
                .flatMap(earlier -> appeals.findBySourceAndExternalId(request.source(), earlier))
                .flatMap(earlier -> directory.staff(earlier.executorId())).filter(s -> s.hasRole(Role.EXECUTOR))
                .filter(s -> !absences.isAbsent(s.id()))
                .or(() -> category.flatMap(router::pick));
        AppealEvent assigned = executor.map(e -> appeal.route(e.id(), e.departmentId(), now)).orElse(null);
        events.publishEvent(new AppealRegistered(appeal.view(), executor.isPresent(), now));
        if (assigned != null) {
            events.publishEvent(assigned);
        }
        if (!normalized.photos().isEmpty()) {
            appeals.flush();
            photos.track(appeal.id(), normalized.photos());
        }
        log.info("Registered appeal {} ({} {}) as {}", appeal.id(), request.source(), safe(request.externalId()),
                appeal.status());
        return new Registration(appeal.view(), true);
    }
}
