package ru.appealdesk.telegram;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import ru.appealdesk.chat.UpdateSink;
import ru.appealdesk.chat.WebhookReceiver;

/**
 * {@code POST /telegram/webhook} in webhook mode: Telegram's updates, with a matching
 * {@code X-Telegram-Bot-Api-Secret-Token}, handled like polled ones ({@link WebhookReceiver}).
 */
@RestController
@Conditional(WebhookMode.class)
class WebhookController {

    private final WebhookReceiver receiver;
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    WebhookController(UpdateSink handler, TelegramProperties properties) {
        this.receiver = new WebhookReceiver("Telegram", "X-Telegram-Bot-Api-Secret-Token",
                properties.webhookSecret(), handler);
    }

    @PostMapping("/telegram/webhook")
    ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        return receiver.receive(request, body -> {
            Update update = json.readValue(body, Update.class);
            if (update.getUpdateId() == null) {
                throw new IllegalArgumentException("The update has no update_id");
            }
            return TelegramUpdates.of(update);
        });
    }
}
