package ru.appealdesk.max;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import ru.appealdesk.chat.CachedHealth;

/** The {@code max} component of {@code /actuator/health}: MAX's API answering {@code GET /me}. */
@Component("max")
class MaxHealth extends CachedHealth {

    private final ObjectProvider<MaxApi> api;

    MaxHealth(ObjectProvider<MaxApi> api) {
        super("MAX health check failed");
        this.api = api;
    }

    @Override
    protected Optional<String> off() {
        return api.getIfAvailable() == null ? Optional.of("MAX_BOT_TOKEN is not set") : Optional.empty();
    }

    @Override
    protected Optional<String> ask() {
        try {
            api.getObject().me();
            return Optional.empty();
        } catch (MaxApiException e) {
            return Optional.of(e.status() == 0 ? "no answer" : e.status() + " " + e.code());
        }
    }
}
