package ru.appealdesk.max;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.UpdateSink;

/**
 * {@code POST /max/webhook} in webhook mode: MAX's updates are accepted only with a matching
 * {@code X-Max-Bot-Api-Secret} (compared in constant time; never logged) and answered 200 only once the bot handled
 * them; otherwise 503, and MAX delivers the update again (for up to 8 hours).
 */
@RestController
@Conditional(MaxWebhookMode.class)
class MaxWebhookController {

    private static final Logger log = LoggerFactory.getLogger(MaxWebhookController.class);
    static final int MAX_UPDATE_BYTES = 256 * 1024;

    private final UpdateSink sink;
    private final byte[] secret;

    MaxWebhookController(UpdateSink sink, MaxProperties properties) {
        this.sink = sink;
        this.secret = properties.webhookSecret() == null ? new byte[0]
                : properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/max/webhook")
    ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        String presented = request.getHeader("X-Max-Bot-Api-Secret");
        if (secret.length == 0 || presented == null
                || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            log.warn("MAX webhook call from {} without the right secret was refused", safe(request.getRemoteAddr()));
            return problem(HttpStatus.UNAUTHORIZED, "A valid X-Max-Bot-Api-Secret header is required");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_UPDATE_BYTES + 1);
        }
        if (body.length > MAX_UPDATE_BYTES) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The update is larger than 256 KiB");
        }
        Incoming update;
        try {
            JsonNode json = MaxSchema.JSON.readTree(body);
            if (json == null || json.path("update_type").asText("").isBlank()) {
                return problem(HttpStatus.BAD_REQUEST, "The body is not a MAX update");
            }
            update = MaxUpdates.parse(json);
        } catch (IOException | RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not a MAX update");
        }
        try {
            sink.handle(update);
        } catch (RuntimeException e) {
            log.warn("MAX update {} was not handled; answering 503 so that MAX retries: {}", safe(update.key()),
                    safe(e.getMessage()));
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "The update could not be handled now; retry later");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{}");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
