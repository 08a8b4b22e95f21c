package ru.appealdesk.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;

/**
 * A read-only snapshot of an appeal, its answer and its history; {@code resolution} is set once it is closed;
 * {@code secondaryReview}: the answer under review goes to the secondary approver first; {@code repeatOf}: the
 * portal number of the earlier appeal (same source) this one repeats; {@code postponeCount}: how many «Отложено»
 * answers were placed (at most 2, the second after the secondary approver); {@code reviewDelegate}: who took the
 * review over («Передать согласование»); {@code chainPosition}: how many of the approval chain have approved;
 * {@code registeredBy}: the API connector that registered it (PRODUCT.md §15), null before connectors had names;
 * {@code cluster}: the surge it is linked to (the id of the cluster's first appeal, 002 п.11), null: none.
 */
public record AppealView(long id, Source source, String externalId, String category, String departmentId,
                         Priority priority, boolean fz59, boolean sociallySignificant, String text, String address,
                         Applicant applicant, List<String> photos, Instant receivedAt, Instant dueAt,
                         Instant answerDueAt, AppealStatus status, String executorId, int step, Instant stepStartedAt,
                         int postponeCount, Answer answer, List<HistoryItem> history, Resolution resolution,
                         int reopenCount, boolean secondaryReview, String repeatOf, String reviewDelegate,
                         int chainPosition, List<CoExecutor> coExecutors, String registeredBy,
                         Long cluster) {

    /**
     * A co-executor (PRODUCT.md §10): their deadline, and once they delivered, when, the text and the files they
     * handed to the responsible executor.
     */
    public record CoExecutor(String staffId, Instant dueAt, Instant addedAt, String addedBy, Instant deliveredAt,
                             String materials, List<Attachment> files) {
    }

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

    /**
     * One history entry; {@code comment}: what a person wrote (or an old row's sentence); {@code args}: the facts a
     * generated entry is put into words from, null when {@code comment} is all ({@link HistoryWords#comment} gives
     * the sentence); {@code templateId}: the answer template a submitted answer came from.
     */
    public record HistoryItem(Instant at, String actorId, HistoryType type, AppealStatus from, AppealStatus to,
                              String executorId, String comment, int step, String templateId, List<String> args) {

        /** The approval that is the deputy head's signature ({@code sign-by: DEPUTY_HEAD}, seed 000 п.6). */
        public boolean signature() {
            return type == HistoryType.ANSWER_APPROVED && args != null && args.contains(Appeal.SIGNED);
        }
    }

    /**
     * The entry that ended the last wait for the applicant (seed 004 п.13): the reply ({@code CLARIFICATION_RECEIVED},
     * its text the comment) or none came ({@code CLARIFICATION_MISSING}); empty if no clarification was ever awaited.
     */
    public java.util.Optional<HistoryItem> lastClarification() {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryType t = history.get(i).type();
            if (t == HistoryType.CLARIFICATION_RECEIVED || t == HistoryType.CLARIFICATION_MISSING) {
                return java.util.Optional.of(history.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    /** The working time the appeal's clock stood still while clarifications were awaited (seed 004 п.13). */
    public java.time.Duration pausedWorkingTime() {
        return java.time.Duration.ofMinutes(history.stream().filter(h -> h.args() != null && h.args().size() == 3
                        && (h.type() == HistoryType.CLARIFICATION_RECEIVED || h.type() == HistoryType.CLARIFICATION_MISSING
                        || h.type() == HistoryType.CLOSED_NO_CLARIFICATION))
                .mapToLong(h -> Long.parseLong(h.args().get(2))).sum());
    }

    /** The number staff know the appeal by: the portal's id. */
    public String number() {
        return externalId;
    }

    /** In work straight after its executor accepted it (no change of status since; notes may follow). */
    public boolean justAccepted() {
        return status == AppealStatus.IN_PROGRESS && stepEntry().type() == HistoryType.ACCEPTED;
    }

    /** The history entry that began the current step; later entries of the step are notes (a co-executor added…). */
    public HistoryItem stepEntry() {
        return stepEntry(step);
    }

    /** The history entry that began step {@code n} (the latest entry if the history has none of it). */
    public HistoryItem stepEntry(int n) {
        return history.stream().filter(h -> h.step() == n).findFirst().orElse(history.get(history.size() - 1));
    }

    /** A co-executor of this appeal, if {@code staffId} is one. */
    public java.util.Optional<CoExecutor> coExecutor(String staffId) {
        return coExecutors.stream().filter(c -> c.staffId().equals(staffId)).findFirst();
    }

    /** A 59-ФЗ appeal that is not the organisation's must be redirected within 7 calendar days (ст. 8 ч. 3). */
    public Instant redirectDueAt() {
        return fz59 ? receivedAt.plus(java.time.Duration.ofDays(7)) : null;
    }

    /**
     * Overdue: not closed (the answer placed on the portal, or closed otherwise) by {@code answerDueAt}, whoever
     * holds it (PRODUCT.md §9, seed 000 п.10, 12: an answer not placed in time counts as overdue). A postponed
     * appeal has the terms of its postponed date.
     */
    public boolean overdueAt(Instant now) {
        // the clock stands still while the applicant is asked (seed 004 п.13)
        return status != AppealStatus.CLOSED && status != AppealStatus.AWAITING_APPLICANT && now.isAfter(answerDueAt);
    }
}
