package ru.appealdesk.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ru.appealdesk.directory.Directory;

/**
 * {@code GET /api/audit} (administration token): the audit log, newest first, paged like {@code GET /api/appeals}
 * (total in {@code X-Total-Count}, neighbouring pages in {@code Link}); filters {@code actor}, {@code appeal},
 * {@code from}, {@code to} (a date in the organisation's time zone, {@code to} included, or an ISO date-time).
 */
@RestController
class AuditController {

    static final int MAX_PAGE_SIZE = 200;

    private final AuditEvents events;
    private final Directory directory;

    AuditController(AuditEvents events, Directory directory) {
        this.events = events;
        this.directory = directory;
    }

    /** One row of the log; instants carry the organisation's offset. */
    record Event(long id, OffsetDateTime at, String actor, String action, String channel, Long appeal,
                 String detail) {
    }

    @GetMapping("/api/audit")
    ResponseEntity<List<Event>> list(@RequestParam(required = false) String actor,
                                     @RequestParam(required = false) Long appeal,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw bad("'page' must be 0 or more and 'size' between 1 and " + MAX_PAGE_SIZE);
        }
        if (actor != null && (actor.isBlank() || actor.length() > 100)) {
            throw bad("'actor' must be a staff id or an API principal name of at most 100 characters");
        }
        ZoneId zone = directory.organization().timeZone();
        Instant since = from == null ? null : instant(from, zone, false, "from");
        Instant until = to == null ? null : instant(to, zone, true, "to");
        if (since != null && until != null && until.isBefore(since)) {
            throw bad("'to' must not be before 'from'");
        }
        AuditEvents.Filter filter = new AuditEvents.Filter(actor == null ? null : actor.strip(), appeal, since, until);
        long total = events.count(filter);
        List<Event> rows = events.page(filter, page, size).stream().map(e -> new Event(e.id(),
                e.at().atZone(zone).toOffsetDateTime(), e.actor(), e.action(), e.channel(), e.appealId(),
                e.detail())).toList();
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", Long.toString(total));
        List<String> links = new ArrayList<>();
        if ((long) (page + 1) * size < total) {
            links.add(link(page + 1, size, "next"));
        }
        if (page > 0) {
            links.add(link((int) Math.min(page - 1, Math.max((total - 1) / size, 0)), size, "prev"));
        }
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return ResponseEntity.ok().headers(headers).body(rows);
    }

    private static String link(int page, int size, String rel) {
        return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", size).build().toUriString() + ">; rel=\"" + rel + "\"";
    }

    /** A date (its start, or for {@code to} the start of the next day) or an ISO-8601 date-time with an offset. */
    private static Instant instant(String value, ZoneId zone, boolean end, String name) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw bad("'" + name + "' must be a date (2026-03-01) or a date-time with an offset "
                    + "(2026-03-01T10:00:00+03:00)");
        }
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
