package ru.appealdesk.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * An answer as the executor prepared it, ready to be submitted for approval; {@code applicantNotified}: how the
 * applicant was told the result beforehand (seed 000 п.15: {@code PHONE}, {@code EMAIL}), null if not asked;
 * {@code templateId}: the «вариант решения» of {@code templates.yml} its text is, null for the executor's own text.
 */
public record AnswerDraft(AnswerType type, String text, LocalDate postponedUntil,
                          List<AppealView.Attachment> attachments, String applicantNotified, String templateId) {

    public AnswerDraft(AnswerType type, String text, LocalDate postponedUntil,
                       List<AppealView.Attachment> attachments, String applicantNotified) {
        this(type, text, postponedUntil, attachments, applicantNotified, null);
    }

    public AnswerDraft(AnswerType type, String text, LocalDate postponedUntil,
                       List<AppealView.Attachment> attachments) {
        this(type, text, postponedUntil, attachments, null, null);
    }
}
