package ru.appealdesk.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;

/**
 * A read-only snapshot of an appeal, its answer and its history; {@code resolution} is set once it is closed;
 * {@code secondaryReview}: the answer under review goes to the secondary approver first.
 */
public record AppealView(long id, Source source, String externalId, String category, String departmentId,
                         Priority priority, boolean fz59, boolean sociallySignificant, String text, String address,
                         Applicant applicant, List<String> photos, Instant receivedAt, Instant dueAt,
                         Instant answerDueAt, AppealStatus status, String executorId, int step, Instant stepStartedAt,
                         boolean postponedOnce, Answer answer, List<HistoryItem> history, Resolution resolution,
                         int reopenCount, boolean secondaryReview) {

    /** The citizen who wrote; contacts are shown only to the assigned executor and moderators. */
    public record Applicant(String name, String phone, String email) {
    }

    /** The submitted answer. */
    public record Answer(AnswerType type, String text, LocalDate postponedUntil, Instant submittedAt,
                         String submittedBy, List<Attachment> attachments) {
    }

    /** An answer attachment stored in the database. */
    public record Attachment(UUID fileId, AttachmentKind kind) {
    }

    /** One history entry. */
    public record HistoryItem(Instant at, String actorId, String type, AppealStatus from, AppealStatus to,
                              String executorId, String comment) {
    }

    /** The number staff know the appeal by: the portal's id. */
    public String number() {
        return externalId;
    }

    /** No answer has been submitted (or it was sent back): the answer deadline still applies. */
    public boolean answerPending() {
        return status != AppealStatus.ANSWER_REVIEW && status != AppealStatus.APPROVED
                && status != AppealStatus.CLOSED;
    }

    public boolean overdueAt(Instant now) {
        return (answerPending() && now.isAfter(answerDueAt)) || (status != AppealStatus.CLOSED && now.isAfter(dueAt));
    }
}
