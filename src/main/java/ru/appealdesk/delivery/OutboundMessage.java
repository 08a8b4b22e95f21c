package ru.appealdesk.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

/** A messenger call the bot must make, stored in the same transaction as the change that caused it. */
@Entity
@Table(name = "outbound_message")
class OutboundMessage {

    /** Which messenger call it is. */
    enum Method { SEND_MESSAGE, EDIT_MESSAGE, SEND_MEDIA, ANSWER_CALLBACK, SET_MENU_BUTTON }

    /** Where it is in its life. */
    enum Status { PENDING, IN_FLIGHT, SENT, UNDELIVERABLE, DEAD, SUPERSEDED }

    /** What is left of a payload once it was delivered or superseded. */
    static final String DELIVERED = "{}";

    /** Replies to a person's own action go first, then cards and notices, then bulk reminders. */
    static final int PRIORITY_REPLY = 0;
    static final int PRIORITY_CARD = 1;
    static final int PRIORITY_BULK = 2;
    /** Answers to people who are not registered: after everything else. */
    static final int PRIORITY_STRANGER = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private MessengerKind messenger;
    @Column(name = "chat_id")
    private long chatId;
    @Enumerated(EnumType.STRING)
    private Method method;
    private String payload;
    @Column(name = "card_id")
    private Long cardId;
    private int priority;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "last_error")
    private String lastError;
    /** Wall-clock time before which a retry must not happen (429 retry_after, back-off). */
    @Column(name = "retry_at")
    private Instant retryAt;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected OutboundMessage() {
    }

    int priority() {
        return priority;
    }

    OutboundMessage(ChatAddress chat, Method method, String payload, Long cardId, int priority, Instant now,
                    Instant notBefore) {
        this.messenger = chat.messenger();
        this.chatId = chat.chatId();
        this.method = method;
        this.payload = payload;
        this.cardId = cardId;
        this.priority = priority;
        this.status = Status.PENDING;
        this.nextAttemptAt = notBefore != null && notBefore.isAfter(now) ? notBefore : now;
        this.createdAt = now;
    }

    /** Not to be sent before this wall-clock instant (e.g. to let the rest of an album arrive). */
    void holdUntil(Instant wallClock) {
        this.retryAt = wallClock;
    }

    /** Delivered: the content (it may quote applicants' contacts) is no longer kept. */
    void sent(Instant now) {
        status = Status.SENT;
        payload = DELIVERED;
        sentAt = now;
        attempts++;
    }

    /** Whether this instance still holds the message's lease (an expired one may have been taken over). */
    boolean leasedTo(String owner) {
        return status == Status.IN_FLIGHT && owner.equals(leaseOwner);
    }

    void retryAt(Instant wallClock, String error, int maxAttempts) {
        status = Status.PENDING;
        attempts++;
        lastError = error;
        retryAt = wallClock;
        if (attempts >= maxAttempts) {
            status = Status.DEAD;
        }
    }

    void deferTo(Instant wallClock) {
        status = Status.PENDING;
        retryAt = wallClock;
    }

    /** An admin puts a dead or undeliverable message back in the queue. */
    void requeue() {
        status = Status.PENDING;
        attempts = 0;
        retryAt = null;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    void fail(Status terminal, String error) {
        attempts++;
        status = terminal;
        lastError = error;
    }

    Long id() {
        return id;
    }

    ChatAddress chat() {
        return new ChatAddress(messenger, chatId);
    }

    long chatId() {
        return chatId;
    }

    Method method() {
        return method;
    }

    String payload() {
        return payload;
    }

    Long cardId() {
        return cardId;
    }

    int attempts() {
        return attempts;
    }

    Status status() {
        return status;
    }
}
