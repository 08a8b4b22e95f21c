package ru.appealdesk.max;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.appealdesk.chat.UpdateSink;
import ru.appealdesk.chat.WebhookReceiver;

/**
 * {@code POST /max/webhook} in webhook mode: MAX's updates, with a matching {@code X-Max-Bot-Api-Secret}, answered
 * 200 only once the bot handled them, otherwise MAX delivers them again for up to 8 hours ({@link WebhookReceiver}).
 */
@RestController
@Conditional(MaxWebhookMode.class)
class MaxWebhookController {

    private final WebhookReceiver receiver;

    MaxWebhookController(UpdateSink sink, MaxProperties properties) {
        this.receiver = new WebhookReceiver("MAX", "X-Max-Bot-Api-Secret", properties.webhookSecret(), sink);
    }

    @PostMapping("/max/webhook")
    ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        return receiver.receive(request, body -> {
            JsonNode json = MaxSchema.JSON.readTree(body);
            if (json == null || json.path("update_type").asText("").isBlank()) {
                throw new IllegalArgumentException("The body is not a MAX update");
            }
            return MaxUpdates.parse(json);
        });
    }
}
