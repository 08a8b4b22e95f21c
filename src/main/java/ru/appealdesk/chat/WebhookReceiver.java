package ru.appealdesk.chat;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A messenger's webhook call, the same for every messenger: accepted only with the configured secret in the
 * messenger's header (compared in constant time; never logged), at most 256 KiB, parsed by the messenger's adapter,
 * and answered 200 only once the bot has handled the update; otherwise 503, and the messenger delivers it again.
 */
public final class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    /** The largest update body accepted. */
    public static final int MAX_UPDATE_BYTES = 256 * 1024;

    /** The adapter's reading of a body: the update, or {@link IllegalArgumentException} saying what is wrong. */
    @FunctionalInterface
    public interface Parser {
        Incoming parse(byte[] body) throws IOException;
    }

    private final String messenger;
    private final String secretHeader;
    private final byte[] secret;
    private final UpdateSink sink;

    /** A receiver for this messenger's calls carrying {@code secret} (null or blank: every call is refused). */
    public WebhookReceiver(String messenger, String secretHeader, String secret, UpdateSink sink) {
        this.messenger = messenger;
        this.secretHeader = secretHeader;
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.sink = sink;
    }

    /** Checks, reads, parses and hands over one webhook call; the response the messenger gets. */
    public ResponseEntity<Object> receive(HttpServletRequest request, Parser parser) throws IOException {
        String presented = request.getHeader(secretHeader);
        if (secret.length == 0 || presented == null
                || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            log.warn("{} webhook call from {} without the right secret was refused", messenger,
                    safe(request.getRemoteAddr()));
            return problem(HttpStatus.UNAUTHORIZED, "A valid " + secretHeader + " header is required");
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
            update = parser.parse(body);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not a " + messenger + " update");
        }
        try {
            sink.handle(update);
        } catch (RuntimeException e) {
            log.warn("{} update {} was not handled; answering 503 so that it is delivered again: {}", messenger,
                    safe(update.key()), safe(e.getMessage()));
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "The update could not be handled now; retry later");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{}");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
