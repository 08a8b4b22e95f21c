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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import ru.appealdesk.web.ApiCaller;
import ru.appealdesk.web.ApiScope;
import ru.appealdesk.workflow.AppealFilter;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealRegistration;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.NewAppeal;

/**
 * {@code /api/appeals}: registers appeals from the portals and reads them back; each call asks the caller's
 * {@link ApiCaller} what it may do with the appeal's source (PRODUCT.md §15).
 */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final AppealRegistration registrations;
    private final Directory directory;
    private final Clock clock;
    private final AuditLog audit;

    AppealController(AppealRegistration registrations, AppealCommands appeals, AppealQueries queries,
                     Directory directory, Clock clock, AuditLog audit) {
        this.appeals = appeals;
        this.queries = queries;
        this.registrations = registrations;
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Registers an appeal of a source the connector has {@code intake} for (403 otherwise); the same portal number
     * again answers with the stored appeal, or 409 when another connector registered it and this one may not read it.
     */
    @PostMapping
    ResponseEntity<AppealResource> register(@AuthenticationPrincipal ApiCaller caller,
                                            @Valid @RequestBody AppealRequest request) {
        caller.require(ApiScope.INTAKE, request.source());
        if (request.repeatOf() != null && request.repeatOf().strip().equals(request.externalId().strip())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'repeatOf' must name an earlier appeal, not this one");
        }
        NewAppeal command = toCommand(request, caller.name());
        AppealRegistration.Registration registration;
        try {
            registration = registrations.register(command);
        } catch (DataIntegrityViolationException raced) {
            // the same (source, externalId) was stored concurrently: answer with the stored one
            registration = registrations.register(command);
        }
        AppealView stored = registration.appeal();
        if (!registration.created() && !caller.mayRead(stored.source(), stored.registeredBy())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The appeal " + stored.source() + " "
                    + stored.externalId() + " is already registered by another connector");
        }
        AppealResource body = resource(stored);
        if (!registration.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/appeals/" + body.id())).body(body);
    }

    /** The portal closed the appeal without an answer; 409 when it is already closed. */
    @PostMapping("/{id}/close")
    AppealResource close(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
                         @Valid @RequestBody CloseRequest request) {
        appeal(id, caller, ApiScope.MANAGE);
        return resource(appeals.closeWithoutAnswer(id, request.resolution(), request.reason().strip()));
    }

    /**
     * The applicant disagreed with the published answer: back to work ({@code reopenCount} + 1, at most 3); 409 for
     * an appeal that is not closed with a published answer or was reopened three times already.
     */
    @PostMapping("/{id}/reopen")
    AppealResource reopen(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
                          @Valid @RequestBody ReopenRequest request) {
        appeal(id, caller, ApiScope.MANAGE);
        return resource(appeals.reopen(id, request.comment().strip(),
                request.photos() == null ? List.of() : request.photos()));
    }

    /**
     * The applicant's reply to a clarification (seed 004 п.13): back to the executor with the reply and its photos,
     * the terms moved on by the working time it waited; 409 for an appeal that awaits no reply.
     */
    @PostMapping("/{id}/clarification")
    AppealResource clarification(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
                                 @Valid @RequestBody ClarificationRequest request) {
        appeal(id, caller, ApiScope.MANAGE);
        return resource(appeals.clarify(id, request.text().strip(),
                request.photos() == null ? List.of() : request.photos()));
    }

    /**
     * Adds a co-executor with their own deadline (PRODUCT.md §10): 400 for someone who is not an executor, 409 for
     * a closed appeal, the responsible executor or someone already added.
     */
    @PostMapping("/{id}/co-executors")
    AppealResource addCoExecutor(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
                                 @Valid @RequestBody CoExecutorRequest request) {
        appeal(id, caller, ApiScope.MANAGE);
        return resource(appeals.addCoExecutor(id, null, request.staffId().strip()));
    }

    @GetMapping("/{id}")
    AppealResource get(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        AppealView appeal = appeal(id, caller, ApiScope.READ);
        audit.readByApi(AuditLog.Action.APPEAL_READ, List.of(appeal));
        return resource(appeal);
    }

    /**
     * The appeal, when the caller may act on it under {@code scope}: 404 (as for an appeal that does not exist) when
     * it may not even know of it, 403 when it may read it but not do this.
     */
    private AppealView appeal(long id, ApiCaller caller, ApiScope scope) {
        AppealView appeal = queries.find(id).orElse(null);
        ApiCaller.Access access = appeal == null ? ApiCaller.Access.HIDDEN
                : caller.access(scope, appeal.source(), appeal.registeredBy());
        return switch (access) {
            case ALLOWED -> appeal;
            case FORBIDDEN -> throw caller.refusal(scope, "for appeal " + id);
            case HIDDEN -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal with id " + id);
        };
    }

    /**
     * One page of matching appeals the caller may read, nearest answer deadline first, as a JSON array; the total is
     * in {@code X-Total-Count} and the neighbouring pages in {@code Link} (rel {@code next}, {@code prev}).
     */
    @GetMapping
    ResponseEntity<List<AppealResource>> search(@AuthenticationPrincipal ApiCaller caller,
                                                @RequestParam(required = false) AppealStatus status,
                                                @RequestParam(required = false) String executor,
                                                @RequestParam(defaultValue = "false") boolean overdue,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'page' must be 0 or more and 'size' between 1 "
                    + "and " + MAX_PAGE_SIZE);
        }
        AppealFilter filter = AppealFilter.of(status, executor, overdue);
        List<AppealFilter> readable = caller.readable().stream().map(r -> filter.within(r.sources(), r.registeredBy()))
                .toList();
        Page<AppealView> found = queries.search(readable, page, size);
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

    static NewAppeal toCommand(AppealRequest r, String registeredBy) {
        AppealView.Applicant applicant = r.applicant() == null ? null
                : new AppealView.Applicant(r.applicant().name(), r.applicant().phone(), r.applicant().email());
        Instant receivedAt = r.receivedAt() == null ? null : r.receivedAt().toInstant();
        return new NewAppeal(r.source(), r.externalId().strip(), r.category().strip(),
                r.priority() == null ? Priority.NORMAL : r.priority(), Boolean.TRUE.equals(r.fz59()),
                Boolean.TRUE.equals(r.sociallySignificant()), r.text().strip(), r.address(), applicant,
                r.photos() == null ? List.of() : r.photos(), receivedAt,
                r.repeatOf() == null ? null : r.repeatOf().strip(), registeredBy);
    }
}
