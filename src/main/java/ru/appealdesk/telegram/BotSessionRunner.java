package ru.appealdesk.telegram;

import static ru.appealdesk.logging.LogSafe.safe;

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

import ru.appealdesk.chat.UpdateSink;

/** Registers the bot's commands and runs long polling for the lifetime of the application context. */
class BotSessionRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotSessionRunner.class);

    private final TelegramProperties properties;
    private final TelegramUrl url;
    private final TelegramClient telegram;
    private final OkHttpClient http;
    private final UpdateSink handler;
    private final Duration pollTimeout;
    private volatile boolean running;
    private TelegramBotsLongPollingApplication application;
    private ScheduledExecutorService executor;

    BotSessionRunner(TelegramProperties properties, TelegramUrl url, TelegramClient telegram, OkHttpClient http,
                     UpdateSink handler, Duration pollTimeout) {
        this.properties = properties;
        this.url = url;
        this.telegram = telegram;
        this.http = http;
        this.handler = handler;
        this.pollTimeout = pollTimeout;
    }

    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 30_000;

    @Override
    public void start() {
        running = true;
        if (properties.mode() == TelegramProperties.Mode.WEBHOOK) {
            startWebhook();
            registerCommands();
            return;
        }
        registerCommands();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-poll");
            t.setDaemon(true);
            return t;
        });
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> executor,
                () -> new ExponentialBackOff.Builder().setInitialIntervalMillis(500).setMaxIntervalMillis(30_000)
                        .setMaxElapsedTimeMillis(Integer.MAX_VALUE).build());
        register(FIRST_RETRY_MILLIS);
    }

    /** Starts polling; while Telegram cannot be reached, tries again with growing pauses. */
    private void register(long retryMillis) {
        if (!running) {
            return;
        }
        try {
            application.registerBot(properties.token(), () -> url,
                    lastId -> GetUpdates.builder().offset(lastId + 1).limit(100)
                            .timeout((int) pollTimeout.toSeconds())
                            .allowedUpdates(List.of("message", "callback_query")).build(),
                    updates -> updates.forEach(this::handleUntilDone));
            log.info("Telegram long polling started against {}://{}:{}", url.getSchema(), url.getHost(),
                    url.getPort());
        } catch (TelegramApiException | RuntimeException e) {
            log.error("Telegram long polling could not start ({}); trying again in {} ms", safe(e.getMessage()),
                    retryMillis);
            try {
                application.unregisterBot(properties.token());
            } catch (TelegramApiException | RuntimeException ignored) {
                // it was never registered
            }
            executor.schedule(() -> register(Math.min(retryMillis * 2, MAX_RETRY_MILLIS)), retryMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Handles one polled update, retrying with growing pauses while it can be neither handled nor recorded (the
     * database is down). Until then no further getUpdates is made, so Telegram keeps the update unconfirmed and
     * delivers it again after a restart: nothing a person typed or pressed is lost.
     */
    private void handleUntilDone(org.telegram.telegrambots.meta.api.objects.Update update) {
        long pause = FIRST_RETRY_MILLIS;
        while (running) {
            try {
                handler.handle(TelegramUpdates.of(update));
                return;
            } catch (RuntimeException e) {
                log.warn("Update {} is not confirmed ({}); trying again in {} ms", update.getUpdateId(),
                        safe(e.getMessage()), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped before update " + update.getUpdateId() + " was handled");
                }
                pause = Math.min(pause * 2, MAX_RETRY_MILLIS);
            }
        }
        throw new IllegalStateException("stopped before update " + update.getUpdateId() + " was handled");
    }

    /**
     * Webhook mode: Telegram calls POST /telegram/webhook with the secret; several instances can share it. The URL
     * and secret were checked when the properties were bound.
     */
    private void startWebhook() {
        try {
            telegram.execute(SetWebhook.builder().url(properties.webhookUrl()).secretToken(properties.webhookSecret())
                    .allowedUpdates(List.of("message", "callback_query")).build());
            log.info("Telegram webhook set to {}", properties.webhookUrl());
        } catch (TelegramApiException e) {
            // a half-registered instance (serving the endpoint Telegram does not call) must not pass for a working one
            throw new IllegalStateException("setWebhook failed: " + e.getMessage(), e);
        }
    }

    private void registerCommands() {
        try {
            telegram.execute(new SetMyCommands(handler.commands().entrySet().stream()
                    .map(c -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(c.getKey(),
                            c.getValue())).toList()));
        } catch (TelegramApiException e) {
            log.warn("setMyCommands failed: {}", safe(e.getMessage()));
        }
    }

    @Override
    public void stop() {
        running = false;
        // the long poll in flight is cancelled on purpose; TelegramBots logs that as an ERROR («Error received from
        // Telegram GetUpdates Request», IOException: Canceled), and an ERROR line means someone must act. Nothing is
        // polled after this, so its session's log is quiet until the poller has ended
        org.springframework.boot.logging.LoggingSystem logging =
                org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader());
        String session = org.telegram.telegrambots.longpolling.BotSession.class.getName();
        org.springframework.boot.logging.LoggerConfiguration before = logging.getLoggerConfiguration(session);
        logging.setLogLevel(session, org.springframework.boot.logging.LogLevel.OFF);
        try {
            if (application != null) {
                application.close();
            }
        } catch (Exception e) {
            log.warn("Closing the Telegram session failed: {}", safe(e.getMessage()));
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
        logging.setLogLevel(session, before == null ? null : before.getConfiguredLevel());
        log.info("Telegram polling stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
