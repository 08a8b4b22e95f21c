package ru.appealdesk.telegram;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The {@code telegram} component of {@code /actuator/health}: UP when the Bot API answers {@code getMe}, DOWN when
 * it does not, UNKNOWN when the messenger is off. Checked at most every 30 seconds
 * however often the (public) endpoint is called.
 */
@Component("telegram")
class TelegramHealth extends AbstractHealthIndicator {

    private static final Duration CACHE = Duration.ofSeconds(30);

    private final ObjectProvider<TelegramClient> telegram;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile Health last = Health.unknown().build();

    TelegramHealth(ObjectProvider<TelegramClient> telegram) {
        super("Telegram health check failed");
        this.telegram = telegram;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TelegramClient client = telegram.getIfAvailable();
        if (client == null) {
            builder.unknown().withDetail("messenger", "off: TELEGRAM_BOT_TOKEN is not set");
            return;
        }
        if (Instant.now().isAfter(checkedAt.plus(CACHE))) {
            Health.Builder fresh = new Health.Builder();
            try {
                client.execute(new GetMe());
                fresh.up();
            } catch (TelegramApiException e) {
                fresh.down().withDetail("error", e.getClass().getSimpleName());
            }
            last = fresh.build();
            checkedAt = Instant.now();
        }
        builder.status(last.getStatus()).withDetails(last.getDetails());
    }
}
