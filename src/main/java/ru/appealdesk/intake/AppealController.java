package ru.appealdesk.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.NewAppeal;

/** {@code /api/appeals}: registers appeals from the portals and reads them back. */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

    private final AppealService appeals;
    private final Directory directory;
    private final Clock clock;

    AppealController(AppealService appeals, Directory directory, Clock clock) {
        this.appeals = appeals;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<AppealResource> register(@Valid @RequestBody AppealRequest request) {
        NewAppeal command = toCommand(request);
        AppealService.Registration registration;
        try {
            registration = appeals.register(command);
        } catch (DataIntegrityViolationException raced) {
            // the same (source, externalId) was stored concurrently: answer with the stored one
            registration = appeals.register(command);
        }
        AppealResource body = resource(registration.appeal());
        if (!registration.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/appeals/" + body.id())).body(body);
    }

    @GetMapping("/{id}")
    AppealResource get(@PathVariable long id) {
        return appeals.find(id).map(this::resource)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal with id " + id));
    }

    @GetMapping
    List<AppealResource> search(@RequestParam(required = false) AppealStatus status,
                                @RequestParam(required = false) String executor,
                                @RequestParam(defaultValue = "false") boolean overdue) {
        return appeals.search(status, executor, overdue).stream().map(this::resource).toList();
    }

    private AppealResource resource(AppealView view) {
        return AppealResource.of(view, directory.organization().timeZone(), clock.instant());
    }

    private static NewAppeal toCommand(AppealRequest r) {
        AppealView.Applicant applicant = r.applicant() == null ? null
                : new AppealView.Applicant(r.applicant().name(), r.applicant().phone(), r.applicant().email());
        Instant receivedAt = r.receivedAt() == null ? null : r.receivedAt().toInstant();
        return new NewAppeal(r.source(), r.externalId().strip(), r.category().strip(),
                r.priority() == null ? Priority.NORMAL : r.priority(), Boolean.TRUE.equals(r.fz59()),
                Boolean.TRUE.equals(r.sociallySignificant()), r.text().strip(), r.address(), applicant,
                r.photos() == null ? List.of() : r.photos(), receivedAt);
    }
}
