package ru.appealdesk.delivery;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.FileKind;

/**
 * Stores every message the bot must send, in the caller's transaction (the outbox pattern); {@link OutboxSender}
 * delivers them after the commit. Long texts are split into several messages, buttons go on the last one.
 */
@Component
public class Outbox {

    /**
     * What is stored for one messenger call ({@code outbound_message.payload}, JSON): the HTML text, the button rows,
     * the files, the button press answered and whether as an alert. The JSON is the same as before the messenger
     * port (rows queued by an older version still send): keep it so, or read the old shape too.
     */
    record Payload(String text, List<List<Button>> keyboard, List<Media> media, String callbackQueryId,
                   Boolean alert) {

        private static final ObjectMapper JSON = new ObjectMapper();

        static Payload parse(String json) throws JsonProcessingException {
            return JSON.readValue(json, Payload.class);
        }

        String json() throws JsonProcessingException {
            return JSON.writeValueAsString(this);
        }
    }

    /** Replies to a person's own action go first, then cards and notices, then bulk reminders. */
    public static final int PRIORITY_REPLY = OutboundMessage.PRIORITY_REPLY;
    public static final int PRIORITY_CARD = OutboundMessage.PRIORITY_CARD;
    public static final int PRIORITY_BULK = OutboundMessage.PRIORITY_BULK;
    /** Answers to people who are not registered: after everything else. */
    public static final int PRIORITY_STRANGER = OutboundMessage.PRIORITY_STRANGER;

    /**
     * A file to send: {@code ref} is the messenger's own file reference (a Telegram file_id) or a URL, or names a
     * file stored with the message to upload ({@link #uploaded}).
     */
    public record Media(FileKind kind, String ref) {
    }

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final ThreadLocal<java.time.Instant> NOT_BEFORE = new ThreadLocal<>();
    private static final ThreadLocal<java.time.Instant> HOLD_UNTIL = new ThreadLocal<>();
    private static final ThreadLocal<ChatAddress> REPLYING_TO = new ThreadLocal<>();
    /** Chats whose person is acting: bulk to them waits (read by the senders). */
    private final ActiveChats activeChats;

    private final OutboundMessageRepository messages;
    private final Clock clock;
    private final OutboxSignal signal;
    private final int maxQueuedReplies;
    private final OutboundFiles files;

    Outbox(OutboundMessageRepository messages, Clock clock, OutboxSignal signal,
           DeliveryProperties properties, OutboundFiles files) {
        this.files = files;
        this.activeChats = new ActiveChats(properties.activeChatPause(), System::nanoTime);
        this.maxQueuedReplies = properties.maxQueuedRepliesPerChat();
        this.messages = messages;
        this.clock = clock;
        this.signal = signal;
    }

    /**
     * Sends HTML text, split into several messages if long ({@link Html#chunks}: parts after the first start with
     * {@code continuation}); the last part carries the buttons.
     */
    public void send(ChatAddress chat, String header, String body, String continuation, List<List<Button>> keyboard,
                     int priority, Long key) {
        send(chat, Html.chunks(header, body, continuation), keyboard, priority, key);
    }

    /**
     * Sends messages already split to size ({@link Html#chunks}), in order; the last carries the buttons. A {@code
     * key} names the last one for a later {@link #edit} or {@link #withdraw} (the caller's card); the sender reports
     * its messenger id with {@link MessageDelivered}.
     */
    public void send(ChatAddress chat, List<String> parts, List<List<Button>> keyboard, int priority, Long key) {
        // a reply is dropped whole; a card never is: its leading parts carry no key but belong to it
        if (key == null && overCap(chat, priority)) {
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            enqueue(chat, OutboundMessage.Method.SEND_MESSAGE,
                    new Payload(parts.get(i), last ? keyboard : null, null, null, null), last ? key : null, priority);
        }
    }

    public void text(ChatAddress chat, String html, int priority) {
        send(chat, html, null, "", null, priority, null);
    }

    public void text(ChatAddress chat, String html, List<List<Button>> keyboard, int priority) {
        send(chat, html, null, "", keyboard, priority, null);
    }

    /** Sends HTML blocks (each well-formed) as few messages as the limit allows; the last one gets the buttons. */
    public void blocks(ChatAddress chat, List<String> blocks, String separator, List<List<Button>> keyboard,
                       int priority) {
        send(chat, Html.joinBlocks(blocks, separator), keyboard, priority, null);
    }

    /** Edits the keyed message to {@code text} without buttons; an edit still waiting for it is dropped. */
    public void edit(ChatAddress chat, long key, String text) {
        messages.supersedeEdits(key);
        enqueue(chat, OutboundMessage.Method.EDIT_MESSAGE, new Payload(text, List.of(), null, null, null), key,
                OutboundMessage.PRIORITY_CARD);
    }

    /**
     * Drops the keyed message if it has not gone out yet (and any edit waiting for it); returns false if it was
     * already sent, or is being sent, and so must be edited instead.
     */
    public boolean withdraw(long key) {
        if (messages.supersedeSends(key) > 0) {
            messages.supersedeEdits(key);
            return true;
        }
        return false;
    }

    /** The person wrote to the bot: their chat is reachable again (after a block, a deleted chat). */
    public void chatReachable(ChatAddress chat) {
        messages.markReachable(chat.messenger().name(), chat.chatId());
    }

    public void media(ChatAddress chat, List<Media> media, int priority) {
        if (!chat.messenger().groupsFiles() && media.size() > 1) {
            // each file is a message of its own there: queued apart, a retry resends only the file that failed
            List<Media> ordered = new java.util.ArrayList<>(media.stream().filter(m -> m.kind().visual()).toList());
            ordered.addAll(media.stream().filter(m -> !m.kind().visual()).toList());
            ordered.forEach(m -> media(chat, List.of(m), priority));
            return;
        }
        if (!media.isEmpty() && !overCap(chat, priority)) {
            enqueue(chat, OutboundMessage.Method.SEND_MEDIA, new Payload(null, null, media, null, null), null,
                    priority);
        }
    }

    /**
     * Uploads a file the service made (a chart image as a photo, a workbook as a document); it is stored with the
     * message in the same transaction, like any message.
     */
    public void upload(ChatAddress chat, boolean photo, String fileName, byte[] content, int priority) {
        media(chat, List.of(uploaded(photo ? FileKind.PHOTO : FileKind.DOCUMENT, fileName, content)), priority);
    }

    /**
     * A file to upload with {@link #media} (an applicant's photo the service fetched), stored with the message in
     * the caller's transaction: the messenger gets its bytes, not a link to fetch.
     */
    public Media uploaded(FileKind kind, String fileName, byte[] content) {
        return new Media(kind, files.store(fileName, content));
    }

    public void answerCallback(ChatAddress chat, String callbackQueryId, String text, boolean alert) {
        enqueue(chat, OutboundMessage.Method.ANSWER_CALLBACK,
                new Payload(text, null, null, callbackQueryId, alert), null, OutboundMessage.PRIORITY_REPLY);
    }

    /** Sets the chat's menu button to a Mini App ({@link Button#miniApp}), queued like a message. */
    public void menuButton(ChatAddress chat, Button miniApp) {
        if (miniApp.webApp() == null) {
            throw new IllegalArgumentException("a menu button opens a Mini App");
        }
        enqueue(chat, OutboundMessage.Method.SET_MENU_BUTTON, new Payload(null, List.of(List.of(miniApp)), null,
                null, null), null, OutboundMessage.PRIORITY_REPLY);
    }

    /**
     * Runs {@code action}, the handling of something the person in {@code chat} just did: whatever it sends to that
     * chat (the pressed card's edit, the next step's card, a notice) is a reply to them and goes in the interactive
     * lane; what it sends to anyone else keeps its own priority.
     */
    public void replyingTo(ChatAddress chat, Runnable action) {
        activeChats.acted(chat);
        ChatAddress previous = REPLYING_TO.get();
        REPLYING_TO.set(chat);
        try {
            action.run();
        } finally {
            REPLYING_TO.set(previous);
        }
    }

    /** The chats whose person is acting now, for the senders. */
    ActiveChats activeChats() {
        return activeChats;
    }

    /** Runs {@code action} so that what it enqueues waits {@code wait} of real time before it may be sent. */
    public void holdFor(java.time.Duration wait, Runnable action) {
        java.time.Instant previous = HOLD_UNTIL.get();
        HOLD_UNTIL.set(java.time.Instant.now().plus(wait));
        try {
            action.run();
        } finally {
            HOLD_UNTIL.set(previous);
        }
    }

    /** Runs {@code action} so that what it enqueues is delivered no earlier than {@code notBefore} (quiet hours). */
    public void notBefore(java.time.Instant notBefore, Runnable action) {
        java.time.Instant previous = NOT_BEFORE.get();
        NOT_BEFORE.set(notBefore);
        try {
            action.run();
        } finally {
            NOT_BEFORE.set(previous);
        }
    }

    private void enqueue(ChatAddress chat, OutboundMessage.Method method, Payload payload, Long key, int priority) {
        if (chat.equals(REPLYING_TO.get()) && priority < OutboundMessage.PRIORITY_STRANGER) {
            priority = OutboundMessage.PRIORITY_REPLY;
        }
        try {
            OutboundMessage message = new OutboundMessage(chat, method, payload.json(), key,
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
     * A person writing in a loop cannot pile up answers: a reply (not a card) is dropped while the chat has
     * {@code max-queued-replies-per-chat} replies waiting. Cards, alerts and reports waiting do not count, or an
     * executor with a morning's reminders queued would get no answer to a press.
     */
    private boolean overCap(ChatAddress chat, int priority) {
        if (priority != OutboundMessage.PRIORITY_REPLY && priority != OutboundMessage.PRIORITY_STRANGER
                || messages.countRepliesWaiting(chat.messenger().name(), chat.chatId()) < maxQueuedReplies) {
            return false;
        }
        log.warn("Chat {} already has {} or more replies waiting; a reply to it was dropped", chat, maxQueuedReplies);
        return true;
    }

    Payload read(OutboundMessage message) {
        try {
            return Payload.parse(message.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbound message " + message.id(), e);
        }
    }
}
