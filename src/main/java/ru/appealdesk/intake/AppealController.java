package ru.appealdesk.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import ru.appealdesk.audit.AuditLog;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.workflow.AppealFilter;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.NewAppeal;

/** {@code /api/appeals}: registers appeals from the portals and reads them back. */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final AppealService appeals;
    private final Directory directory;
    private final Clock clock;
    private final AuditLog audit;

    AppealController(AppealService appeals, Directory directory, Clock clock, AuditLog audit) {
        this.appeals = appeals;
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<AppealResource> register(@Valid @RequestBody AppealRequest request) {
        if (request.repeatOf() != null && request.repeatOf().strip().equals(request.externalId().strip())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'repeatOf' must name an earlier appeal, not this one");
        }
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

    /** The portal closed the appeal without an answer; 409 when it is already closed. */
    @PostMapping("/{id}/close")
    AppealResource close(@PathVariable long id, @Valid @RequestBody CloseRequest request) {
        return resource(appeals.closeWithoutAnswer(id, request.resolution(), request.reason().strip()));
    }

    /**
     * The applicant disagreed with the published answer: back to work ({@code reopenCount} + 1, at most 3); 409 for
     * an appeal that is not closed with a published answer or was reopened three times already.
     */
    @PostMapping("/{id}/reopen")
    AppealResource reopen(@PathVariable long id, @Valid @RequestBody ReopenRequest request) {
        return resource(appeals.reopen(id, request.comment().strip(),
                request.photos() == null ? List.of() : request.photos()));
    }

    /**
     * Adds a co-executor with their own deadline (PRODUCT.md §10): 400 for someone who is not an executor, 409 for
     * a closed appeal, the responsible executor or someone already added.
     */
    @PostMapping("/{id}/co-executors")
    AppealResource addCoExecutor(@PathVariable long id, @Valid @RequestBody CoExecutorRequest request) {
        return resource(appeals.addCoExecutor(id, null, request.staffId().strip()));
    }

    @GetMapping("/{id}")
    AppealResource get(@PathVariable long id) {
        AppealView appeal = appeals.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal with id " + id));
        audit.readByApi(AuditLog.Action.APPEAL_READ, List.of(appeal));
        return resource(appeal);
    }

    /**
     * One page of matching appeals, nearest answer deadline first, as a JSON array; the total is in
     * {@code X-Total-Count} and the neighbouring pages in {@code Link} (rel {@code next}, {@code prev}).
     */
    @GetMapping
    ResponseEntity<List<AppealResource>> search(@RequestParam(required = false) AppealStatus status,
                                                @RequestParam(required = false) String executor,
                                                @RequestParam(defaultValue = "false") boolean overdue,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'page' must be 0 or more and 'size' between 1 "
                    + "and " + MAX_PAGE_SIZE);
        }
        Page<AppealView> found = appeals.search(List.of(AppealFilter.of(status, executor, overdue)), page, size);
        audit.readByApi(AuditLog.Action.APPEAL_LISTED, found.getContent());
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", Long.toString(found.getTotalElements()));
        List<String> links = new ArrayList<>();
        UriComponentsBuilder self = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("size", size);
        if (found.hasNext()) {
            links.add("<" + self.replaceQueryParam("page", page + 1).build().toUriString() + ">; rel=\"next\"");
        }
        if (page > 0) {
            links.add("<" + self.replaceQueryParam("page", Math.min(page - 1, Math.max(found.getTotalPages() - 1, 0)))
                    .build().toUriString() + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return ResponseEntity.ok().headers(headers).body(found.map(this::resource).getContent());
    }

    private AppealResource resource(AppealView view) {
        return AppealResource.of(view, directory.organization().timeZone(), clock.instant());
    }

    static NewAppeal toCommand(AppealRequest r) {
        AppealView.Applicant applicant = r.applicant() == null ? null
                : new AppealView.Applicant(r.applicant().name(), r.applicant().phone(), r.applicant().email());
        Instant receivedAt = r.receivedAt() == null ? null : r.receivedAt().toInstant();
        return new NewAppeal(r.source(), r.externalId().strip(), r.category().strip(),
                r.priority() == null ? Priority.NORMAL : r.priority(), Boolean.TRUE.equals(r.fz59()),
                Boolean.TRUE.equals(r.sociallySignificant()), r.text().strip(), r.address(), applicant,
                r.photos() == null ? List.of() : r.photos(), receivedAt,
                r.repeatOf() == null ? null : r.repeatOf().strip());
    }
}
