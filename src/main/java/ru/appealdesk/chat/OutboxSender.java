package ru.appealdesk.chat;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaDocument;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;


/**
 * Delivers the outbox: claims due messages with {@code FOR UPDATE SKIP LOCKED}, calls the Bot API and records the
 * outcome. Temporary failures (429 with {@code retry_after}, 5xx, network) are retried with back-off; a message
 * that keeps failing is kept as DEAD, never dropped.
 */
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final int MAX_ATTEMPTS = 12;
    private static final int BATCH = 20;

    private final OutboundMessageRepository messages;
    private final CardRepository cards;
    private final Outbox outbox;
    private final TelegramClient telegram;
    private final TransactionTemplate tx;
    private final Clock clock;

    OutboxSender(OutboundMessageRepository messages, CardRepository cards, Outbox outbox, TelegramClient telegram,
                 TransactionTemplate tx, Clock clock) {
        this.messages = messages;
        this.cards = cards;
        this.outbox = outbox;
        this.telegram = telegram;
        this.tx = tx;
        this.clock = clock;
    }

    /** Sends what is due; returns how many messages were handled. */
    int drainOnce() {
        Integer handled = tx.execute(status -> {
            List<OutboundMessage> due = messages.claimDue(clock.instant(), BATCH);
            due.forEach(this::deliver);
            return due.size();
        });
        return handled == null ? 0 : handled;
    }

    private void deliver(OutboundMessage message) {
        Instant now = clock.instant();
        try {
            Outbox.Payload payload = outbox.read(message);
            switch (message.method()) {
                case SEND_MESSAGE -> {
                    Message sent = telegram.execute(SendMessage.builder().chatId(message.chatId())
                            .text(payload.text()).parseMode(ParseMode.HTML).replyMarkup(markup(payload.keyboard()))
                            .linkPreviewOptions(null).build());
                    if (message.cardId() != null) {
                        cards.findById(message.cardId()).ifPresent(c -> c.delivered(sent.getMessageId()));
                    }
                }
                case EDIT_MESSAGE -> {
                    Card card = cards.findById(message.cardId()).orElseThrow();
                    if (card.messageId() == null) {
                        if (messages.pendingSendsOfCard(card.id()) > 0) {
                            message.deferTo(now.plusSeconds(1));
                        } else {
                            message.fail(OutboundMessage.Status.DEAD, "the card was never delivered");
                        }
                        return;
                    }
                    Serializable ignored = telegram.execute(EditMessageText.builder().chatId(message.chatId())
                            .messageId(card.messageId()).text(payload.text()).parseMode(ParseMode.HTML)
                            .replyMarkup(markup(payload.keyboard())).build());
                }
                case SEND_MEDIA -> sendMedia(message.chatId(), payload.media());
                case ANSWER_CALLBACK -> telegram.execute(AnswerCallbackQuery.builder()
                        .callbackQueryId(payload.callbackQueryId()).text(payload.text())
                        .showAlert(Boolean.TRUE.equals(payload.alert())).build());
            }
            message.sent(now);
        } catch (TelegramApiRequestException e) {
            handleApiError(message, e, now);
        } catch (TelegramApiException e) {
            retry(message, now, backoff(message.attempts()), "network: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("Outbound message {} cannot be sent", message.id(), e);
            message.fail(OutboundMessage.Status.DEAD, e.toString());
        }
    }

    private void handleApiError(OutboundMessage message, TelegramApiRequestException e, Instant now) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = String.valueOf(e.getApiResponse()).toLowerCase(Locale.ROOT);
        if (code == 429) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            retry(message, now, Duration.ofSeconds(retryAfter == null ? 1 : retryAfter), "429 too many requests");
        } else if (code >= 500 || code == 0) {
            retry(message, now, backoff(message.attempts()), code + " " + e.getApiResponse());
        } else if (description.contains("message is not modified")) {
            message.sent(now);
        } else if (code == 403 || description.contains("chat not found")) {
            log.warn("Outbound message {} to chat {} is undeliverable: {}", message.id(), message.chatId(),
                    e.getApiResponse());
            message.fail(OutboundMessage.Status.UNDELIVERABLE, code + " " + e.getApiResponse());
        } else {
            log.error("Outbound message {} was refused by the Bot API: {} {}", message.id(), code, e.getApiResponse());
            message.fail(OutboundMessage.Status.DEAD, code + " " + e.getApiResponse());
        }
    }

    private void retry(OutboundMessage message, Instant now, Duration delay, String error) {
        message.retryAt(now.plus(delay), error, MAX_ATTEMPTS);
        if (message.status() == OutboundMessage.Status.DEAD) {
            log.error("Outbound message {} failed {} times and is kept as dead: {}", message.id(),
                    message.attempts(), error);
        } else {
            log.warn("Outbound message {} will be retried in {}: {}", message.id(), delay, error);
        }
    }

    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
    }

    private void sendMedia(long chatId, List<Outbox.Media> media) throws TelegramApiException {
        List<Outbox.Media> photos = media.stream().filter(m -> m.kind().equals("PHOTO")).toList();
        List<Outbox.Media> documents = media.stream().filter(m -> !m.kind().equals("PHOTO")).toList();
        for (List<Outbox.Media> group : List.of(photos, documents)) {
            for (int from = 0; from < group.size(); from += 10) {
                List<Outbox.Media> part = group.subList(from, Math.min(group.size(), from + 10));
                if (part.size() == 1) {
                    sendOne(chatId, part.get(0));
                } else {
                    List<InputMedia> items = new ArrayList<>();
                    for (Outbox.Media m : part) {
                        items.add(m.kind().equals("PHOTO") ? InputMediaPhoto.builder().media(m.ref()).build()
                                : InputMediaDocument.builder().media(m.ref()).build());
                    }
                    telegram.execute(SendMediaGroup.builder().chatId(chatId).medias(items).build());
                }
            }
        }
    }

    private void sendOne(long chatId, Outbox.Media m) throws TelegramApiException {
        if (m.kind().equals("PHOTO")) {
            telegram.execute(SendPhoto.builder().chatId(chatId).photo(new InputFile(m.ref())).build());
        } else {
            telegram.execute(SendDocument.builder().chatId(chatId).document(new InputFile(m.ref())).build());
        }
    }

    private static InlineKeyboardMarkup markup(List<List<Button>> keyboard) {
        if (keyboard == null) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.stream().map(row -> new InlineKeyboardRow(row.stream()
                .map(b -> InlineKeyboardButton.builder().text(b.text()).callbackData(b.data()).build())
                .toList())).toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

}
