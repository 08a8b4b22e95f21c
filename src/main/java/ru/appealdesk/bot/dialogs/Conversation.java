package ru.appealdesk.bot.dialogs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AttachmentKind;

/**
 * What the bot last asked a person and what they have typed so far; kept in the database so that a restart does
 * not lose a half-filled answer. The next text message from that person is taken as the reply to the question.
 */
@Entity
@Table(name = "conversation")
@IdClass(Conversation.Key.class)
public class Conversation {

    /** A person's account in one messenger: their dialog's key (the private chat is the account's). */
    public record Key(MessengerKind messenger, long userId) implements java.io.Serializable {

        public static Key of(ChatAddress chat) {
            return new Key(chat.messenger(), chat.chatId());
        }
    }

    /** The question the bot is waiting to have answered. */
    public enum State {
        AWAITING_RETURN_REASON, CHOOSING_ANSWER_TYPE, AWAITING_POSTPONE_DATE, AWAITING_ANSWER_TEXT,
        COLLECTING_ATTACHMENTS, AWAITING_REWORK_REASON, AWAITING_NO_ANSWER_COMMENT, AWAITING_DUPLICATE_COMMENT,
        AWAITING_QUALITY_RETURN_REASON, AWAITING_EDITED_ANSWER, AWAITING_REDIRECT_BASIS, AWAITING_MATERIALS_TEXT,
        COLLECTING_MATERIALS, AWAITING_HELP_TEXT, AWAITING_CLARIFICATION
    }

    @Id
    @Enumerated(EnumType.STRING)
    private MessengerKind messenger;
    @Id
    @Column(name = "user_id")
    private long userId;
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
    /** Attached files as lines {@code <kind> <stored file uuid> <telegram file reference> <size>}. */
    private String attachments;
    /** How the applicant was told the result before submission (seed 000 п.15): PHONE or EMAIL. */
    @Column(name = "applicant_notified")
    private String applicantNotified;
    @Column(name = "template_id")
    private String templateId;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Conversation() {
    }

    Conversation(ChatAddress chat) {
        this.messenger = chat.messenger();
        this.userId = chat.chatId();
        this.chatId = chat.chatId();
    }

    void start(State state, long appealId, int step, Instant now) {
        this.state = state;
        this.appealId = appealId;
        this.step = step;
        this.answerType = null;
        this.postponedUntil = null;
        this.answerText = null;
        this.attachments = null;
        this.applicantNotified = null;
        this.templateId = null;
        this.updatedAt = now;
    }

    /** The «вариант решения» the draft's text came from; null once the executor's own text replaced it. */
    String templateId() {
        return templateId;
    }

    void applicantNotified(String how) {
        this.applicantNotified = how;
    }

    String applicantNotified() {
        return applicantNotified;
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

    /** The executor's own text. */
    void answerText(String text) {
        this.answerText = text;
        this.templateId = null;
    }

    /** A template's text, filled in. */
    void answerFromTemplate(String templateId, String text) {
        this.answerText = text;
        this.templateId = templateId;
    }

    /**
     * A file attached to the answer draft: stored as {@code fileId}, sent on in Telegram by its Telegram reference
     * when it came from Telegram (null otherwise: it is uploaded).
     */
    public record AttachedFile(AttachmentKind kind, UUID fileId, String telegramRef, long sizeBytes) {

        private static final String NONE = "-";

        String line() {
            return kind + " " + fileId + " " + (telegramRef == null ? NONE : telegramRef) + " " + sizeBytes;
        }

        static AttachedFile parse(String line) {
            String[] parts = line.split(" ");
            return new AttachedFile(AttachmentKind.valueOf(parts[0]), UUID.fromString(parts[1]),
                    NONE.equals(parts[2]) ? null : parts[2], Long.parseLong(parts[3]));
        }
    }

    void attach(AttachedFile file) {
        this.attachments = attachments == null ? file.line() : attachments + "\n" + file.line();
    }

    void clearAttachments() {
        this.attachments = null;
    }

    public List<AttachedFile> attachedFiles() {
        return attachments == null ? List.of() : attachments.lines().map(AttachedFile::parse).toList();
    }

    public State state() {
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


    ChatAddress chat() {
        return new ChatAddress(messenger, chatId);
    }
}
