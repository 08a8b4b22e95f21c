package ru.appealdesk.bot.cards;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

/**
 * A message with buttons for one step of an appeal, sent to one person. When the step ends every active copy is
 * edited to say what happened and who acted, and its buttons are removed.
 */
@Entity
@Table(name = "card")
public class Card {

    /** What the card asks its reader to do. */
    public enum Kind {
        EXECUTOR, ACCEPTED, ANSWER_TYPE, ANSWER_DRAFT, UNROUTED, RETURNED, REVIEW, APPROVED, REWORK, OVERSIGHT,
        CLOSE_CHOICE, POSTPONED_REASSIGN, CO_EXECUTOR_CHOICE, CO_EXECUTOR, DELEGATE_CHOICE, MATERIALS_DRAFT;

        /** Cards that stay live while the appeal moves on: a co-executor works to their own deadline. */
        public boolean outlivesSteps() {
            return this == CO_EXECUTOR || this == MATERIALS_DRAFT;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "card_ids")
    @SequenceGenerator(name = "card_ids", sequenceName = "card_id_seq", allocationSize = 50)
    private Long id;
    @Column(name = "appeal_id")
    private long appealId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private MessengerKind messenger;
    @Column(name = "chat_id")
    private long chatId;
    // written only by the delivery (CardRepository.recordDelivered): a transaction that changes the card while its
    // message is in flight must not write back the id it read before delivery (a lost update left the id null and
    // the card's next edit dead, «the card was never delivered»)
    @Column(name = "message_id", updatable = false)
    private String messageId;
    private int step;
    private String text;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Card() {
    }

    Card(long appealId, Kind kind, ChatAddress chat, int step, String text, Instant now) {
        this.appealId = appealId;
        this.kind = kind;
        this.messenger = chat.messenger();
        this.chatId = chat.chatId();
        this.step = step;
        this.text = text;
        this.active = true;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    public ChatAddress chat() {
        return new ChatAddress(messenger, chatId);
    }

    String messageId() {
        return messageId;
    }

    String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** No more buttons; the text (it may quote applicants' contacts) is no longer kept. */
    void close() {
        this.active = false;
        this.text = "";
    }
}
