package ru.appealdesk.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import ru.appealdesk.web.BodyTooLargeException;
import ru.appealdesk.workflow.TransitionRefused;

/** Turns bad requests into {@code application/problem+json} with a readable {@code detail} and field errors. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof BodyTooLargeException) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, cause.getMessage(), null);
        }
        String detail = "The request body is not valid JSON";
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            detail = describe(mapping, field);
            return problem(HttpStatus.BAD_REQUEST, detail, Map.of(field, detail));
        }
        if (ex.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
            detail += " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
                    + ")";
        } else if (ex.getCause() == null) {
            detail = "The request body is missing";
        }
        return problem(HttpStatus.BAD_REQUEST, detail, null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> errors = new java.util.TreeMap<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
        String detail = "Invalid request: " + String.join("; ",
                errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        return problem(HttpStatus.BAD_REQUEST, detail, errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String allowed = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? " (one of " + Arrays.toString(ex.getRequiredType().getEnumConstants()) + ")" : "";
        String detail = "Parameter '" + ex.getName() + "' has an invalid value '" + ex.getValue() + "'" + allowed;
        return problem(HttpStatus.BAD_REQUEST, detail, Map.of(ex.getName(), detail));
    }

    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ResponseEntity<Object> status(org.springframework.web.server.ResponseStatusException ex) {
        return problem(HttpStatus.valueOf(ex.getStatusCode().value()), ex.getReason(), null);
    }

    /** A transition the appeal's state does not allow is a conflict; one its input does not allow, a bad request. */
    @ExceptionHandler(TransitionRefused.class)
    ResponseEntity<Object> refused(TransitionRefused ex) {
        HttpStatus status = switch (ex.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case WRONG_STATE, STALE, POSTPONED_TWICE, NO_SECONDARY_APPROVER, CO_EXECUTOR_INVALID -> HttpStatus.CONFLICT;
            case NOT_ALLOWED, SELF_APPROVAL -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, ex.getMessage(), null);
    }

    /** An absence that cannot be: 404 for an unknown person or absence, 409 for an overlap, 400 otherwise. */
    @ExceptionHandler(ru.appealdesk.directory.Absences.AbsenceRefused.class)
    ResponseEntity<Object> absence(ru.appealdesk.directory.Absences.AbsenceRefused ex) {
        HttpStatus status = switch (ex.reason()) {
            case UNKNOWN_STAFF, NOT_FOUND -> HttpStatus.NOT_FOUND;
            case OVERLAPS -> HttpStatus.CONFLICT;
            case ENDS_BEFORE_START, ALREADY_OVER -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, ex.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error while handling an API request", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; nothing was stored. Try again later.", null);
    }

    private static String describe(JsonMappingException e, String field) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + field + "'";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "Field '" + field + "' has an unknown value '" + f.getValue() + "'; allowed: "
                    + List.of(f.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException f) {
            return "Field '" + field + "' has an invalid value '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException) {
            return "Field '" + field + "' has the wrong type";
        }
        return "Field '" + field + "' is invalid";
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
