package ru.appealdesk.max;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says clearly at start-up whether MAX is on, and that it is off when no bot token is configured. */
@Component
class MaxStatus {

    private static final Logger log = LoggerFactory.getLogger(MaxStatus.class);

    private final MaxProperties properties;

    MaxStatus(MaxProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!properties.enabled()) {
            log.info("MAX_BOT_TOKEN is not set: MAX is OFF.");
        } else {
            log.info("MAX is on ({} against {})", properties.mode().name().toLowerCase(java.util.Locale.ROOT),
                    properties.apiUrl());
        }
    }
}
