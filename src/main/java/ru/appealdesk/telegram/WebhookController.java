package ru.appealdesk.telegram;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.telegram.telegrambots.meta.api.objects.Update;

import ru.appealdesk.chat.UpdateSink;

/**
 * {@code POST /telegram/webhook} in webhook mode: Telegram's updates are accepted only with a matching
 * {@code X-Telegram-Bot-Api-Secret-Token} (compared in constant time), and handled like polled ones.
 */
@RestController
@Conditional(WebhookMode.class)
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    static final int MAX_UPDATE_BYTES = 256 * 1024;

    private final UpdateSink handler;
    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    WebhookController(UpdateSink handler, TelegramProperties properties) {
        this.handler = handler;
        this.secret = properties.webhookSecret() == null ? new byte[0]
                : properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/telegram/webhook")
    ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        String presented = request.getHeader("X-Telegram-Bot-Api-Secret-Token");
        if (secret.length == 0 || presented == null
                || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            log.warn("Webhook call from {} without the right secret token was refused", safe(request.getRemoteAddr()));
            return problem(HttpStatus.UNAUTHORIZED, "A valid X-Telegram-Bot-Api-Secret-Token header is required");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_UPDATE_BYTES + 1);
        }
        if (body.length > MAX_UPDATE_BYTES) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The update is larger than 256 KiB");
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not a Telegram update");
        }
        if (update.getUpdateId() == null) {
            return problem(HttpStatus.BAD_REQUEST, "The update has no update_id");
        }
        try {
            handler.handle(TelegramUpdates.of(update));
        } catch (RuntimeException e) {
            // not confirmed: Telegram delivers the update again later
            log.warn("Update {} was not handled; answering 503 so that Telegram retries: {}", update.getUpdateId(),
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
