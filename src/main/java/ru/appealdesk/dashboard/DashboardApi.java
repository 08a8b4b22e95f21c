package ru.appealdesk.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.audit.AuditLog;
import ru.appealdesk.directory.Department;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Source;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealTable;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.ApplicantPhotos;
import ru.appealdesk.workflow.AttachmentStore;

/** The dashboard's JSON under {@code /app/api/} (documented in the README); every answer is for one viewer. */
@RestController
@RequestMapping("/app/api")
class DashboardApi {

    private static final Logger log = LoggerFactory.getLogger(DashboardApi.class);
    private static final int MAX_PAGE_SIZE = 100;
    /** Shown in the page (photos, videos); anything else, SVG included, is only downloaded. */
    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "video/mp4", "video/quicktime");

    record Me(String id, String name, String shortName, List<String> roles, String scope, boolean charts,
              String zone, OffsetDateTime now) {
    }

    record Option(String code, String label) {
    }

    record Options(List<Option> statuses, List<Option> sources, List<DashboardJson.Ref> departments,
                   List<DashboardJson.Ref> executors) {
    }

    record TablePage(List<DashboardJson.Row> items, int page, int size, long total, long totalPages,
                     OffsetDateTime now, String stamp) {
    }

    record Stamp(String stamp) {
    }

    record Contacts(String name, String phone, String email) {
    }

    private final AppealTable table;
    private final AppealQueries appeals;
    private final AppealAccess access;
    private final AttachmentStore files;
    private final Directory directory;
    private final DashboardJson json;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicantPhotos photos;

    DashboardApi(AppealTable table, AppealQueries appeals, AppealAccess access, AttachmentStore files,
                 Directory directory, DashboardJson json, Clock clock, AuditLog audit, ApplicantPhotos photos) {
        this.audit = audit;
        this.photos = photos;
        this.table = table;
        this.appeals = appeals;
        this.access = access;
        this.files = files;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Viewer viewer) {
        StaffMember s = viewer.staff();
        return new Me(s.id(), s.name(), s.shortName(), s.roles().stream().map(Enum::name).sorted().toList(),
                viewer.scope().name(), viewer.charts(), json.zone().getId(), json.local(clock.instant()));
    }

    @GetMapping("/options")
    Options options(@AuthenticationPrincipal Viewer viewer) {
        List<Option> statuses = Arrays.stream(AppealStatus.values()).filter(s -> s != AppealStatus.CLOSED)
                .map(s -> new Option(s.name(), s.title())).toList();
        List<Option> sources = Arrays.stream(Source.values()).map(s -> new Option(s.name(), s.title())).toList();
        List<DashboardJson.Ref> departments = switch (viewer.scope()) {
            case ALL -> directory.departments().stream().map(d -> new DashboardJson.Ref(d.id(), d.name())).toList();
            case DEPARTMENTS -> directory.departments().stream().filter(d -> viewer.departments().contains(d.id()))
                    .map(d -> new DashboardJson.Ref(d.id(), d.name())).toList();
            case OWN -> List.of();
        };
        List<DashboardJson.Ref> executors = viewer.scope() == Viewer.Scope.OWN ? List.of()
                : directory.allExecutors().stream().filter(e -> viewer.scope() == Viewer.Scope.ALL
                        || viewer.departments().contains(e.departmentId()))
                .sorted(Comparator.comparing(StaffMember::shortName))
                .map(e -> new DashboardJson.Ref(e.id(), e.shortName())).toList();
        return new Options(statuses, sources, departments, executors);
    }

    @GetMapping("/appeals")
    TablePage appeals(@AuthenticationPrincipal Viewer viewer,
                      @RequestParam(name = "status", required = false) List<String> status,
                      @RequestParam(name = "department", required = false) List<String> department,
                      @RequestParam(name = "executor", required = false) List<String> executor,
                      @RequestParam(name = "source", required = false) List<String> source,
                      @RequestParam(name = "overdue", defaultValue = "false") boolean overdue,
                      @RequestParam(name = "q", required = false) String search,
                      @RequestParam(name = "cluster", required = false) Long cluster,
                      @RequestParam(name = "sort", defaultValue = "answerDueAt") String sort,
                      @RequestParam(name = "page", defaultValue = "0") int page,
                      @RequestParam(name = "size", defaultValue = "25") int size) {
        if (page < 0 || page > 100_000 || size < 1 || size > MAX_PAGE_SIZE) {
            throw bad("page must be 0 or more and size 1-" + MAX_PAGE_SIZE);
        }
        if (search != null && search.length() > 200) {
            throw bad("the search text is at most 200 characters");
        }
        boolean descending = sort.startsWith("-");
        AppealTable.SortKey key = sortKey(descending ? sort.substring(1) : sort);
        Instant now = clock.instant();
        String stamp = table.stamp();
        Set<String> departments = ids(department);
        Set<String> executors = ids(executor);
        departments.stream().filter(d -> directory.department(d).isEmpty()).findFirst()
                .ifPresent(d -> { throw bad("unknown department '" + d + "'"); });
        executors.stream().filter(e -> directory.staff(e).isEmpty()).findFirst()
                .ifPresent(e -> { throw bad("unknown executor '" + e + "'"); });
        AppealTable.Page rows = table.open(new AppealTable.Query(enums(status, AppealStatus.class, "status"),
                departments, executors, enums(source, Source.class, "source"), overdue, search,
                viewer.scope() == Viewer.Scope.DEPARTMENTS ? viewer.departments() : null,
                viewer.scope() == Viewer.Scope.OWN || viewer.staff().hasRole(ru.appealdesk.directory.Role.EXECUTOR)
                        && viewer.scope() == Viewer.Scope.DEPARTMENTS ? viewer.id() : null,
                key, descending, order(key), page, size, cluster),
                now);
        return new TablePage(rows.rows().stream().map(r -> json.row(r, now)).toList(), page, size, rows.total(),
                (rows.total() + size - 1) / size, json.local(now), stamp);
    }

    @GetMapping("/stamp")
    Stamp stamp() {
        return new Stamp(table.stamp());
    }

    @GetMapping("/appeals/{id}")
    DashboardJson.Appeal appeal(@AuthenticationPrincipal Viewer viewer, @PathVariable("id") long id) {
        AppealView a = visible(viewer, id);
        boolean contacts = access.maySeeContacts(viewer.staff(), a);
        if (contacts) {
            audit.contactsRead(viewer.id(), AuditLog.Channel.DASHBOARD, AuditLog.Action.APPEAL_PAGE, a);
        }
        return json.appeal(a, contacts, clock.instant());
    }

    @GetMapping("/appeals/{id}/contacts")
    Contacts contacts(@AuthenticationPrincipal Viewer viewer, @PathVariable("id") long id) {
        AppealView a = visible(viewer, id);
        if (!access.maySeeContacts(viewer.staff(), a)) {
            log.info("Refused the applicant's contacts of appeal {} to {}", id, viewer.id());
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The applicant's contacts are for the executor and the moderators who review this appeal");
        }
        log.info("Applicant's contacts of appeal {} shown to {}", id, viewer.id());
        audit.contactsRead(viewer.id(), AuditLog.Channel.DASHBOARD, AuditLog.Action.CONTACTS_SHOWN, a);
        return a.applicant() == null ? new Contacts(null, null, null)
                : new Contacts(a.applicant().name(), a.applicant().phone(), a.applicant().email());
    }

    /** A file of its answer, of a co-executor's materials, or an applicant's photo the service fetched. */
    @GetMapping("/appeals/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal Viewer viewer, @PathVariable("id") long id,
                                @PathVariable("fileId") UUID fileId) {
        AppealView a = visible(viewer, id);
        boolean belongs = Stream.concat(a.answer() == null ? Stream.empty() : a.answer().attachments().stream(),
                        a.coExecutors().stream().flatMap(c -> c.files().stream()))
                .anyMatch(f -> f.fileId().equals(fileId))
                || photos.of(id).stream().anyMatch(p -> fileId.equals(p.fileId()));
        AttachmentStore.FileInfo info = files.info(fileId).filter(i -> belongs)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file of this appeal"));
        byte[] content = files.content(fileId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "The file is no longer kept"));
        MediaType type = mediaType(info.mimeType());
        boolean inline = INLINE.contains(type.getType() + "/" + type.getSubtype());
        String name = info.fileName() == null ? fileId.toString() : info.fileName();
        return ResponseEntity.ok().contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'")
                .cacheControl(CacheControl.noStore()).body(content);
    }

    private AppealView visible(Viewer viewer, long id) {
        AppealView a = appeals.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal " + id));
        boolean allowed = switch (viewer.scope()) {
            case ALL -> true;
            case DEPARTMENTS -> a.departmentId() != null && viewer.departments().contains(a.departmentId())
                    || access.mayView(viewer.staff(), a);
            case OWN -> access.mayView(viewer.staff(), a);
        };
        if (!allowed) {
            log.info("Refused appeal {} to {} on the dashboard", id, viewer.id());
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This appeal is not among those you may see");
        }
        return a;
    }

    private static MediaType mediaType(String stored) {
        try {
            return stored == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(stored);
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** The display order of the values a name-sorted column holds. */
    private List<String> order(AppealTable.SortKey key) {
        return switch (key) {
            case EXECUTOR -> directory.allStaff().stream().sorted(Comparator.comparing(StaffMember::shortName))
                    .map(StaffMember::id).toList();
            case DEPARTMENT -> directory.departments().stream().sorted(Comparator.comparing(Department::name))
                    .map(Department::id).toList();
            case CATEGORY -> directory.categories().stream()
                    .sorted(Comparator.comparing(ru.appealdesk.directory.Category::name))
                    .map(ru.appealdesk.directory.Category::code).toList();
            case SOURCE -> Arrays.stream(Source.values()).sorted(Comparator.comparing(Source::title))
                    .map(Enum::name).toList();
            case STATUS -> Arrays.stream(AppealStatus.values()).map(Enum::name).toList();
            default -> List.of();
        };
    }

    private static AppealTable.SortKey sortKey(String name) {
        return switch (name) {
            case "answerDueAt" -> AppealTable.SortKey.ANSWER_DUE_AT;
            case "receivedAt" -> AppealTable.SortKey.RECEIVED_AT;
            case "number" -> AppealTable.SortKey.NUMBER;
            case "source" -> AppealTable.SortKey.SOURCE;
            case "category" -> AppealTable.SortKey.CATEGORY;
            case "department" -> AppealTable.SortKey.DEPARTMENT;
            case "executor" -> AppealTable.SortKey.EXECUTOR;
            case "status" -> AppealTable.SortKey.STATUS;
            default -> throw bad("unknown sort '" + name + "': answerDueAt, receivedAt, number, source, category, "
                    + "department, executor or status, '-' before it for descending");
        };
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> values, Class<E> type, String parameter) {
        Set<E> result = EnumSet.noneOf(type);
        for (String v : values == null ? List.<String>of() : values) {
            if (v.isBlank()) {
                continue;
            }
            try {
                result.add(Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw bad("unknown " + parameter + " '" + v + "'");
            }
        }
        return result;
    }

    private static Set<String> ids(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        (values == null ? List.<String>of() : values).stream().filter(v -> !v.isBlank()).map(String::strip)
                .forEach(result::add);
        return result;
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
