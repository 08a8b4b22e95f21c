package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of an appeal's append-only history: who, when, from, to, reason. */
@Entity
@Immutable
@Table(name = "appeal_history")
class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "appeal_id")
    private Appeal appeal;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private String actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HistoryType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private AppealStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private AppealStatus toStatus;

    @Column(name = "executor_id")
    private String executorId;

    /** What a person wrote (a reason, a comment, the previous answer), or, in rows older than V30, a sentence. */
    private String comment;

    /** The facts a generated entry is put into words from ({@code HistoryWords}); null: {@code comment} is all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "args")
    private String[] args;

    /** The step of the appeal this entry belongs to: a change of status starts one, a note is part of it. */
    private int step;

    /** The answer deadline in force when the entry was recorded (reports judge "on time" by it). */
    @Column(name = "answer_due_at")
    private Instant answerDueAt;

    /** The answer template («вариант решения») an ANSWER_SUBMITTED entry's answer came from. */
    @Column(name = "template_id")
    private String templateId;

    protected HistoryEntry() {
    }

    void fromTemplate(String id) {
        this.templateId = id;
    }

    HistoryEntry(Appeal appeal, Instant at, String actorId, HistoryType type, AppealStatus from, AppealStatus to,
                 String executorId, String comment, List<String> args, int step, Instant answerDueAt) {
        this.appeal = appeal;
        this.step = step;
        this.answerDueAt = answerDueAt;
        this.at = at;
        this.actorId = actorId;
        this.type = type;
        this.fromStatus = from;
        this.toStatus = to;
        this.executorId = executorId;
        this.comment = comment;
        this.args = args == null ? null : args.toArray(String[]::new);
    }

    AppealView.HistoryItem view() {
        return new AppealView.HistoryItem(at, actorId, type, fromStatus, toStatus, executorId, comment, step,
                templateId, args == null ? null : List.of(args));
    }
}
