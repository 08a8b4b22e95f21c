package ru.appealdesk.chat;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ru.appealdesk.workflow.AnswerType;

/**
 * What the bot last asked a person and what they have typed so far; kept in the database so that a restart does
 * not lose a half-filled answer. The next text message from that person is taken as the reply to the question.
 */
@Entity
@Table(name = "conversation")
class Conversation {

    /** The question the bot is waiting to have answered. */
    enum State {
        AWAITING_RETURN_REASON, CHOOSING_ANSWER_TYPE, AWAITING_POSTPONE_DATE, AWAITING_ANSWER_TEXT,
        COLLECTING_ATTACHMENTS, AWAITING_REWORK_REASON
    }

    @Id
    @Column(name = "telegram_user_id")
    private long telegramUserId;
    @Column(name = "chat_id")
    private long chatId;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "appeal_id")
    private Long appealId;
    private Integer step;
    @Enumerated(EnumType.STRING)
    @Column(name = "answer_type")
    private AnswerType answerType;
    @Column(name = "postponed_until")
    private LocalDate postponedUntil;
    @Column(name = "answer_text")
    private String answerText;
    /** Attached files as lines {@code <kind> <stored file uuid> <telegram file id> <size>}. */
    private String attachments;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Conversation() {
    }

    Conversation(long telegramUserId, long chatId) {
        this.telegramUserId = telegramUserId;
        this.chatId = chatId;
    }

    void start(State state, long appealId, int step, Instant now) {
        this.state = state;
        this.appealId = appealId;
        this.step = step;
        this.answerType = null;
        this.postponedUntil = null;
        this.answerText = null;
        this.attachments = null;
        this.updatedAt = now;
    }

    void moveTo(State next, Instant now) {
        this.state = next;
        this.updatedAt = now;
    }

    void chooseType(AnswerType type) {
        this.answerType = type;
    }

    void postponeUntil(LocalDate date) {
        this.postponedUntil = date;
    }

    void answerText(String text) {
        this.answerText = text;
    }

    void attach(String line) {
        this.attachments = attachments == null ? line : attachments + "\n" + line;
    }

    State state() {
        return state;
    }

    long appealId() {
        return appealId;
    }

    int step() {
        return step;
    }

    AnswerType answerType() {
        return answerType;
    }

    LocalDate postponedUntil() {
        return postponedUntil;
    }

    String answerText() {
        return answerText;
    }

    String attachments() {
        return attachments == null ? "" : attachments;
    }

    long chatId() {
        return chatId;
    }
}
