package ru.appealdesk.telegram;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.appealdesk.chat.CachedHealth;

/** The {@code telegram} component of {@code /actuator/health}: the Bot API answering {@code getMe}. */
@Component("telegram")
class TelegramHealth extends CachedHealth {

    private final ObjectProvider<TelegramClient> telegram;

    TelegramHealth(ObjectProvider<TelegramClient> telegram) {
        super("Telegram health check failed");
        this.telegram = telegram;
    }

    @Override
    protected Optional<String> off() {
        return telegram.getIfAvailable() == null ? Optional.of("TELEGRAM_BOT_TOKEN is not set") : Optional.empty();
    }

    @Override
    protected Optional<String> ask() {
        try {
            telegram.getObject().execute(new GetMe());
            return Optional.empty();
        } catch (TelegramApiException e) {
            return Optional.of(e.getClass().getSimpleName());
        }
    }
}
