package ru.appealdesk.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says clearly at start-up when the messenger is off because no bot token is configured. */
@Component
class MessengerStatus {

    private static final Logger log = LoggerFactory.getLogger(MessengerStatus.class);

    private final TelegramProperties properties;

    MessengerStatus(TelegramProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!properties.enabled()) {
            log.warn("TELEGRAM_BOT_TOKEN is not set: the messenger is OFF. The REST API works; messages are "
                    + "stored in the outbox and will be sent once a token is configured.");
        }
    }
}
