package ru.appealdesk.intake;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.web.ApiCaller;
import ru.appealdesk.web.ApiScope;
import ru.appealdesk.workflow.AppealRegistration;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;

/**
 * {@code POST /api/appeals/import} (PRODUCT.md §11): a portal's export, XLSX or CSV, in the portals' operative
* report layout or the generic one (README); the file is read whole first (streamed, within limits: {@link ImportFile}) — a broken one is refused and nothing is
 * stored — then each row goes the way of {@code POST /api/appeals}: validated the same, registered once per source
 * and number (a re-import changes nothing and sends nothing twice). The answer lists every row's outcome.
 */
@RestController
class ImportController {

    /** The portals' operative report export (ЕЦУР and the others use the same columns). */
    static final List<String> PRESET = headers(ImportColumn.NUMBER, ImportColumn.ADDRESS, ImportColumn.DISTRICT,
            ImportColumn.ECUR_CATEGORY, ImportColumn.ECUR_SUBCATEGORY, ImportColumn.ECUR_FACT, ImportColumn.EXECUTOR,
            ImportColumn.TEXT, ImportColumn.CREATED_AT, ImportColumn.DUE, ImportColumn.STATUS);
    /** The generic layout; the first three are required. */
    static final List<String> GENERIC = headers(ImportColumn.NUMBER, ImportColumn.CATEGORY, ImportColumn.TEXT,
            ImportColumn.ADDRESS, ImportColumn.RECEIVED_AT, ImportColumn.PRIORITY, ImportColumn.APPLICANT,
            ImportColumn.PHONE, ImportColumn.EMAIL, ImportColumn.REPEAT_OF);

    /** What is read of a file: the columns of both layouts, by {@link ImportFile#key(String)}. */
    static final Set<String> COLUMNS = java.util.stream.Stream.concat(PRESET.stream(), GENERIC.stream())
            .map(ImportFile::key).collect(Collectors.toUnmodifiableSet());

    private final AppealRegistration appeals;
    private final Directory directory;
    private final Validator validator;

    ImportController(AppealRegistration appeals, Directory directory, Validator validator) {
        this.appeals = appeals;
        this.directory = directory;
        this.validator = validator;
    }

    /** One row's outcome: {@code CREATED}, {@code PRESENT} (already registered) or {@code REFUSED} with the reason. */
    record RowResult(int row, String status, String externalId, Long id, String reason) {
    }

    /** What the import did. */
    record ImportResult(Source source, String layout, int rows, int created, int present, int refused,
                        List<RowResult> results) {
    }

    /** Only of a source the connector has {@code intake} for (403 otherwise, before the file is read). */
    @PostMapping(path = "/api/appeals/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@AuthenticationPrincipal ApiCaller caller, @RequestParam Source source,
                            @RequestParam("file") MultipartFile file) {
        caller.require(ApiScope.INTAKE, source);
        ImportFile.Table table;
        try {
            try (java.io.InputStream in = file.getInputStream()) {
                table = ImportFile.read(in, COLUMNS);
            }
        } catch (ImportFile.Broken e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The file is refused, nothing was imported: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The file could not be read: " + e.getMessage());
        }
        Map<String, Integer> columns = table.columns();
        boolean preset = columns.containsKey(ImportFile.key(ImportColumn.ECUR_CATEGORY.text()));
        List<String> required = preset ? headers(ImportColumn.NUMBER, ImportColumn.ECUR_CATEGORY, ImportColumn.TEXT) : GENERIC.subList(0, 3);
        List<String> missing = required.stream().filter(h -> !columns.containsKey(ImportFile.key(h))).toList();
        if (!missing.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The file is refused, nothing was imported: "
                    + "missing columns " + missing + "; the layouts are " + PRESET + " or " + GENERIC);
        }
        List<RowResult> results = new ArrayList<>();
        for (ImportFile.Line line : table.lines()) {
            results.add(importRow(caller, source, line, columns, preset));
        }
        return new ImportResult(source, preset ? "PORTAL_EXPORT" : "GENERIC", results.size(),
                count(results, "CREATED"), count(results, "PRESENT"), count(results, "REFUSED"), results);
    }

    private RowResult importRow(ApiCaller caller, Source source, ImportFile.Line line, Map<String, Integer> columns,
                                boolean preset) {
        String number = cell(line, columns, ImportColumn.NUMBER);
        AppealRequest request;
        try {
            request = preset ? presetRow(source, line, columns) : genericRow(source, line, columns);
        } catch (IllegalArgumentException e) {
            return new RowResult(line.number(), "REFUSED", number, null, e.getMessage());
        }
        Set<ConstraintViolation<AppealRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new RowResult(line.number(), "REFUSED", number, null, violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        AppealRegistration.Registration registration;
        try {
            try {
                registration = appeals.register(AppealController.toCommand(request, caller.name()));
            } catch (DataIntegrityViolationException raced) {
                registration = appeals.register(AppealController.toCommand(request, caller.name()));
            }
        } catch (TransitionRefused e) {
            return new RowResult(line.number(), "REFUSED", number, null, e.getMessage());
        }
        // a number another connector registered is reported present, without the id of an appeal this one may not read
        AppealView stored = registration.appeal();
        return new RowResult(line.number(), registration.created() ? "CREATED" : "PRESENT", number,
                caller.mayRead(stored.source(), stored.registeredBy()) ? stored.id() : null, null);
    }

    /** The operative report: the category by its ЕЦУР subcategory or category through routing.yml's aliases. */
    private AppealRequest presetRow(Source source, ImportFile.Line line, Map<String, Integer> columns) {
        String sub = cell(line, columns, ImportColumn.ECUR_SUBCATEGORY);
        String cat = cell(line, columns, ImportColumn.ECUR_CATEGORY);
        String category = directory.categoryNamed(sub).or(() -> directory.categoryNamed(cat)).map(Category::code)
                .orElse(cat);
        String district = cell(line, columns, ImportColumn.DISTRICT);
        String address = cell(line, columns, ImportColumn.ADDRESS);
        address = district.isEmpty() ? address : (address.isEmpty() ? district : address + ", " + district);
        return new AppealRequest(source, cell(line, columns, ImportColumn.NUMBER), category, null, null, null,
                cell(line, columns, ImportColumn.TEXT), blankToNull(address), null, null,
                date(cell(line, columns, ImportColumn.CREATED_AT)), null);
    }

    private AppealRequest genericRow(Source source, ImportFile.Line line, Map<String, Integer> columns) {
        String categoryCell = cell(line, columns, ImportColumn.CATEGORY);
        String category = directory.categoryNamed(categoryCell).map(Category::code).orElse(categoryCell);
        String name = cell(line, columns, ImportColumn.APPLICANT);
        String phone = cell(line, columns, ImportColumn.PHONE);
        String email = cell(line, columns, ImportColumn.EMAIL);
        AppealRequest.Applicant applicant = name.isEmpty() && phone.isEmpty() && email.isEmpty() ? null
                : new AppealRequest.Applicant(blankToNull(name), blankToNull(phone), blankToNull(email));
        return new AppealRequest(source, cell(line, columns, ImportColumn.NUMBER), category,
                priority(cell(line, columns, ImportColumn.PRIORITY)), null, null, cell(line, columns, ImportColumn.TEXT),
                blankToNull(cell(line, columns, ImportColumn.ADDRESS)), applicant, null,
                date(cell(line, columns, ImportColumn.RECEIVED_AT)), blankToNull(cell(line, columns, ImportColumn.REPEAT_OF)));
    }

    private OffsetDateTime date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            java.time.temporal.TemporalAccessor parsed = ImportFile.DATE_TIME.parseBest(text, LocalDateTime::from,
                    java.time.LocalDate::from);
            LocalDateTime at = parsed instanceof LocalDateTime t ? t : ((java.time.LocalDate) parsed).atStartOfDay();
            return at.atZone(directory.organization().timeZone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ImportWords.BAD_DATE.text(text));
        }
    }

    private static Priority priority(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || names(ImportWords.PRIORITY_NORMAL).contains(name)) {
            return Priority.NORMAL;
        } else if (names(ImportWords.PRIORITY_HIGH).contains(name)) {
            return Priority.HIGH;
        } else if (names(ImportWords.PRIORITY_FAST_TRACK).contains(name)) {
            return Priority.FAST_TRACK;
        }
        throw new IllegalArgumentException(ImportWords.BAD_PRIORITY.text(text));
    }

    private static List<String> names(ImportWords priority) {
        return List.of(priority.text().split(","));
    }

    private static List<String> headers(ImportColumn... columns) {
        return java.util.Arrays.stream(columns).map(ImportColumn::text).toList();
    }

    private static String cell(ImportFile.Line line, Map<String, Integer> columns, ImportColumn column) {
        return line.cell(columns.getOrDefault(ImportFile.key(column.text()), -1));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int count(List<RowResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }
}
