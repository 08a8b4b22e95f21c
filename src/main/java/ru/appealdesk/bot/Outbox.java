package ru.appealdesk.bot;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/**
 * Stores every message the bot must send, in the caller's transaction; {@link OutboxSender} delivers them after
 * the commit. Long texts are split into several messages, buttons go on the last one.
 */
@Component
class Outbox {

    /** What is stored for one Bot API call. */
    record Payload(String text, List<List<Button>> keyboard, List<Media> media, String callbackQueryId,
                   Boolean alert) {
    }

    /** A photo or document to send: a URL or a Telegram file_id. */
    record Media(String kind, String ref) {
    }

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final ThreadLocal<java.time.Instant> NOT_BEFORE = new ThreadLocal<>();
    private static final ThreadLocal<java.time.Instant> HOLD_UNTIL = new ThreadLocal<>();

    private final OutboundMessageRepository messages;
    private final CardRepository cards;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final OutboxSignal signal;
    private final int maxQueuedReplies;

    Outbox(OutboundMessageRepository messages, CardRepository cards, Clock clock, OutboxSignal signal,
           @Value("${appealdesk.telegram.max-queued-replies-per-chat:20}") int maxQueuedReplies) {
        this.maxQueuedReplies = maxQueuedReplies;
        this.messages = messages;
        this.cards = cards;
        this.clock = clock;
        this.signal = signal;
    }

    /** Sends HTML text (split if long); the last part carries the buttons and, if {@code kind} is set, is a card. */
    Card send(long chatId, String header, String body, List<List<Button>> keyboard, int priority, Card.Kind kind,
              long appealId, int step) {
        return send(chatId, header, body, "", keyboard, priority, kind, appealId, step);
    }

    /** As above; parts after the first start with {@code continuation} so a reader knows what they continue. */
    Card send(long chatId, String header, String body, String continuation, List<List<Button>> keyboard,
              int priority, Card.Kind kind, long appealId, int step) {
        List<String> parts = Html.chunks(header, body, continuation);
        for (int i = 0; i < parts.size() - 1; i++) {
            enqueue(chatId, OutboundMessage.Method.SEND_MESSAGE, new Payload(parts.get(i), null, null, null, null),
                    null, priority);
        }
        String last = parts.get(parts.size() - 1);
        Card card = null;
        if (kind != null) {
            card = cards.save(new Card(appealId, kind, chatId, step, last, clock.instant()));
        }
        enqueue(chatId, OutboundMessage.Method.SEND_MESSAGE, new Payload(last, keyboard, null, null, null),
                card == null ? null : card.id(), priority);
        return card;
    }

    void text(long chatId, String html, int priority) {
        send(chatId, html, null, null, priority, null, 0, 0);
    }

    void text(long chatId, String html, List<List<Button>> keyboard, int priority) {
        send(chatId, html, null, keyboard, priority, null, 0, 0);
    }

    /** Sends HTML blocks (each well-formed) as few messages as the limit allows; the last one gets the buttons. */
    void blocks(long chatId, List<String> blocks, String separator, List<List<Button>> keyboard, int priority) {
        List<String> parts = Html.joinBlocks(blocks, separator);
        for (int i = 0; i < parts.size(); i++) {
            enqueue(chatId, OutboundMessage.Method.SEND_MESSAGE, new Payload(parts.get(i),
                    i == parts.size() - 1 ? keyboard : null, null, null, null), null, priority);
        }
    }

    /** Closes a card: edits its text to end with {@code statusLine} and removes its buttons. */
    void closeCard(Card card, String statusLine) {
        String closed = card.text() + "\n\n" + statusLine;
        card.close();
        messages.supersedeEdits(card.id());
        enqueue(card.chatId(), OutboundMessage.Method.EDIT_MESSAGE,
                new Payload(closed, List.of(), null, null, null), card.id(), OutboundMessage.PRIORITY_CARD);
    }

    void media(long chatId, List<Media> media, int priority) {
        if (!media.isEmpty()) {
            enqueue(chatId, OutboundMessage.Method.SEND_MEDIA, new Payload(null, null, media, null, null), null,
                    priority);
        }
    }

    void answerCallback(long chatId, String callbackQueryId, String text, boolean alert) {
        enqueue(chatId, OutboundMessage.Method.ANSWER_CALLBACK,
                new Payload(text, null, null, callbackQueryId, alert), null, OutboundMessage.PRIORITY_REPLY);
    }

    /**
     * Closes a card whatever became of it: if its message is still waiting, it is not sent at all; if it was sent,
     * it is edited to end with {@code statusLine} and lose its buttons.
     */
    void retireCard(Card card, String statusLine) {
        if (messages.supersedeSends(card.id()) > 0) {
            card.close();
            messages.supersedeEdits(card.id());
            return;
        }
        closeCard(card, statusLine);
    }

    /** Runs {@code action} so that what it enqueues waits {@code wait} of real time before it may be sent. */
    void holdFor(java.time.Duration wait, Runnable action) {
        java.time.Instant previous = HOLD_UNTIL.get();
        HOLD_UNTIL.set(java.time.Instant.now().plus(wait));
        try {
            action.run();
        } finally {
            HOLD_UNTIL.set(previous);
        }
    }

    /** Runs {@code action} so that what it enqueues is delivered no earlier than {@code notBefore} (quiet hours). */
    void notBefore(java.time.Instant notBefore, Runnable action) {
        java.time.Instant previous = NOT_BEFORE.get();
        NOT_BEFORE.set(notBefore);
        try {
            action.run();
        } finally {
            NOT_BEFORE.set(previous);
        }
    }

    private void enqueue(long chatId, OutboundMessage.Method method, Payload payload, Long cardId, int priority) {
        if (isReply(method, cardId, priority) && messages.countPendingInChat(chatId) >= maxQueuedReplies) {
            log.warn("Chat {} already has {} or more messages waiting; a reply to it was dropped", chatId,
                    maxQueuedReplies);
            return;
        }
        try {
            OutboundMessage message = new OutboundMessage(chatId, method, json.writeValueAsString(payload), cardId,
                    priority, clock.instant(), NOT_BEFORE.get());
            if (HOLD_UNTIL.get() != null) {
                message.holdUntil(HOLD_UNTIL.get());
            }
            messages.save(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an outbound message", e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
    }

    /**
     * An answer to what someone typed (not a card, alert or edit): dropped when the chat already has too much
     * waiting, so one person writing in a loop cannot grow the queue without bound.
     */
    private static boolean isReply(OutboundMessage.Method method, Long cardId, int priority) {
        return cardId == null && (priority == OutboundMessage.PRIORITY_REPLY
                || priority == OutboundMessage.PRIORITY_STRANGER)
                && (method == OutboundMessage.Method.SEND_MESSAGE || method == OutboundMessage.Method.SEND_MEDIA);
    }

    Payload read(OutboundMessage message) {
        try {
            return json.readValue(message.payload(), Payload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbound message " + message.id(), e);
        }
    }
}
