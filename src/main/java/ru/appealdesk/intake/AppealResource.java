package ru.appealdesk.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.AttachmentKind;
import ru.appealdesk.workflow.HistoryWords;
import ru.appealdesk.workflow.Resolution;

/**
 * The appeal resource of the REST API; instants carry the organisation's offset; {@code cluster}: the surge it is
 * linked to (the id of the cluster's first appeal), null for none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AppealResource(long id, Source source, String externalId, String category, Priority priority,
                      boolean fz59, boolean sociallySignificant, AppealStatus status, String executor,
                      String text, String address, AppealView.Applicant applicant, List<String> photos,
                      OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime answerDueAt, boolean overdue,
                      Resolution resolution, int reopenCount, int postponeCount, String repeatOf, List<Event> history,
                      Answer answer, List<CoExecutor> coExecutors, Long cluster) {

    /** A co-executor: their deadline and when they delivered their materials (null: not yet). */
    record CoExecutor(String staffId, OffsetDateTime dueAt, OffsetDateTime deliveredAt) {
    }

    /** One history entry; {@code template}: the answer template («вариант решения») a submitted answer came from. */
    record Event(OffsetDateTime at, String actor, String type, AppealStatus from, AppealStatus to, String executor,
                 String comment, String template) {
    }

    /** The submitted answer. */
    record Answer(AnswerType type, String text, LocalDate postponedUntil, OffsetDateTime submittedAt,
                  String submittedBy, List<Attachment> attachments) {
    }

    /** An answer attachment. */
    record Attachment(UUID fileId, AttachmentKind kind) {
    }

    static AppealResource of(AppealView a, ZoneId zone, Instant now) {
        Answer answer = a.answer() == null ? null : new Answer(a.answer().type(), a.answer().text(),
                a.answer().postponedUntil(), at(a.answer().submittedAt(), zone), a.answer().submittedBy(),
                a.answer().attachments().stream().map(x -> new Attachment(x.fileId(), x.kind())).toList());
        return new AppealResource(a.id(), a.source(), a.externalId(), a.category(), a.priority(), a.fz59(),
                a.sociallySignificant(), a.status(), a.executorId(), a.text(), a.address(), a.applicant(), a.photos(),
                at(a.receivedAt(), zone), at(a.dueAt(), zone), at(a.answerDueAt(), zone), a.overdueAt(now),
                a.resolution(), a.reopenCount(), a.postponeCount(), a.repeatOf(),
                a.history().stream().map(h -> new Event(at(h.at(), zone), h.actorId(), h.type().name(), h.from(),
                        h.to(), h.executorId(), HistoryWords.comment(h), h.templateId())).toList(),
                answer, a.coExecutors().stream().map(c -> new CoExecutor(c.staffId(), at(c.dueAt(), zone),
                        at(c.deliveredAt(), zone))).toList(), a.cluster());
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
