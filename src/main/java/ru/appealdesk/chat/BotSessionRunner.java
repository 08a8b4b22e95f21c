package ru.appealdesk.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Registers the bot's commands and runs long polling for the lifetime of the application context. */
class BotSessionRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotSessionRunner.class);

    private final TelegramProperties properties;
    private final TelegramUrl url;
    private final TelegramClient telegram;
    private final OkHttpClient http;
    private final UpdateHandler handler;
    private final Duration pollTimeout;
    private volatile boolean running;
    private TelegramBotsLongPollingApplication application;
    private ScheduledExecutorService executor;

    BotSessionRunner(TelegramProperties properties, TelegramUrl url, TelegramClient telegram, OkHttpClient http,
                     UpdateHandler handler, Duration pollTimeout) {
        this.properties = properties;
        this.url = url;
        this.telegram = telegram;
        this.http = http;
        this.handler = handler;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void start() {
        running = true;
        registerCommands();
        if ("webhook".equalsIgnoreCase(properties.mode())) {
            startWebhook();
            return;
        }
        if (!"longpolling".equalsIgnoreCase(properties.mode())) {
            throw new IllegalStateException("TELEGRAM_MODE must be 'longpolling' or 'webhook', not '"
                    + properties.mode() + "'");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-poll");
            t.setDaemon(true);
            return t;
        });
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> executor,
                () -> new ExponentialBackOff.Builder().setInitialIntervalMillis(500).setMaxIntervalMillis(30_000)
                        .setMaxElapsedTimeMillis(Integer.MAX_VALUE).build());
        try {
            application.registerBot(properties.token(), () -> url,
                    lastId -> GetUpdates.builder().offset(lastId + 1).limit(100)
                            .timeout((int) pollTimeout.toSeconds())
                            .allowedUpdates(List.of("message", "callback_query")).build(),
                    updates -> updates.forEach(update -> {
                        if (!running) {
                            return;
                        }
                        try {
                            handler.handle(update);
                        } catch (Throwable e) {
                            log.error("Update {} could not be handled", update.getUpdateId(), e);
                        }
                    }));
            log.info("Telegram long polling started against {}://{}:{}", url.getSchema(), url.getHost(),
                    url.getPort());
        } catch (TelegramApiException e) {
            log.error("Telegram long polling could not start: {}", e.getMessage());
        }
    }

    /** Webhook mode: Telegram calls POST /telegram/webhook with the secret; several instances can share it. */
    private void startWebhook() {
        if (isBlank(properties.webhookUrl()) || isBlank(properties.webhookSecret())) {
            throw new IllegalStateException("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL and "
                    + "TELEGRAM_WEBHOOK_SECRET");
        }
        if (!properties.webhookSecret().matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalStateException("TELEGRAM_WEBHOOK_SECRET may contain only A-Z, a-z, 0-9, _ and -, "
                    + "1-256 characters");
        }
        try {
            telegram.execute(SetWebhook.builder().url(properties.webhookUrl()).secretToken(properties.webhookSecret())
                    .allowedUpdates(List.of("message", "callback_query")).build());
            log.info("Telegram webhook set to {}", properties.webhookUrl());
        } catch (TelegramApiException e) {
            log.error("setWebhook failed: {}", e.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private void registerCommands() {
        List<BotCommand> commands = Commands.DESCRIPTIONS.entrySet().stream()
                .map((Map.Entry<String, String> e) -> new BotCommand(e.getKey(), e.getValue())).toList();
        try {
            telegram.execute(new SetMyCommands(commands));
        } catch (TelegramApiException e) {
            log.warn("setMyCommands failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (application != null) {
                application.close();
            }
        } catch (Exception e) {
            log.warn("Closing the Telegram session failed: {}", e.getMessage());
        }
        if (executor != null) {
            executor.shutdownNow();
            http.dispatcher().cancelAll();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
