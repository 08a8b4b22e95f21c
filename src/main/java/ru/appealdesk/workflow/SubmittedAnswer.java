package ru.appealdesk.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import ru.appealdesk.workflow.TransitionRefused.Reason;

/** The answer last submitted for approval, its text as approvers edited it, and its attachments. */
@Embeddable
class SubmittedAnswer {

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_type")
    private AnswerType type;
    @Column(name = "answer_text")
    private String text;
    @Column(name = "answer_postponed_until")
    private LocalDate postponedUntil;
    @Column(name = "answer_submitted_at")
    private Instant submittedAt;
    @Column(name = "answer_submitted_by")
    private String submittedBy;
    @ElementCollection
    @CollectionTable(name = "answer_attachment", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderColumn(name = "position")
    private List<AnswerAttachment> attachments = new ArrayList<>();

    protected SubmittedAnswer() {
    }

    /** Where the source says so (seed 000 п.15), the applicant was told the result, by phone or e-mail, first. */
    static void checkNotice(AnswerDraft draft, boolean noticeRequired) {
        if (noticeRequired && !"PHONE".equals(draft.applicantNotified())
                && !"EMAIL".equals(draft.applicantNotified())) {
            throw new TransitionRefused(Reason.APPLICANT_NOT_NOTIFIED, "the applicant must be told the result "
                    + "before the answer goes for approval");
        }
    }

    /**
     * Where the source says {@code answer-evidence: required} (seed 000 п.6, 001 §4.6), an answer other than
     * «Отложено» carries at least one photo or document.
     */
    static void checkEvidence(AnswerDraft draft, boolean evidenceRequired) {
        if (evidenceRequired && draft.type() != AnswerType.POSTPONED
                && draft.type() != AnswerType.CLARIFICATION && !hasEvidence(draft.attachments())) {
            throw new TransitionRefused(Reason.EVIDENCE_REQUIRED, "a " + draft.type() + " answer needs a photo or a "
                    + "document");
        }
    }

    /** At least one photo or document among {@code attachments} (a video proves nothing here). */
    static boolean hasEvidence(java.util.List<AppealView.Attachment> attachments) {
        return attachments.stream().anyMatch(a -> a.kind().evidence());
    }

    /** Takes the draft's type, stripped text, postponed date (an «Отложено» answer only) and attachments. */
    void submit(AnswerDraft draft, String actor, Instant now) {
        type = draft.type();
        text = draft.text().strip();
        postponedUntil = draft.type() == AnswerType.POSTPONED ? draft.postponedUntil() : null;
        submittedAt = now;
        submittedBy = actor;
        attachments.clear();
        draft.attachments().forEach(a -> attachments.add(new AnswerAttachment(a.kind(), a.fileId())));
    }

    /** An approver's correction; returns the text it replaces. */
    String edit(String newText) {
        String previous = text;
        text = newText.strip();
        return previous;
    }

    AnswerType type() {
        return type;
    }

    boolean clarification() {
        return type == AnswerType.CLARIFICATION;
    }

    boolean postponed() {
        return type == AnswerType.POSTPONED;
    }

    LocalDate postponedUntil() {
        return postponedUntil;
    }

    /** Null while nothing was submitted. */
    AppealView.Answer view() {
        return type == null ? null : new AppealView.Answer(type, text, postponedUntil, submittedAt, submittedBy,
                attachments.stream().map(AnswerAttachment::view).toList());
    }
}
