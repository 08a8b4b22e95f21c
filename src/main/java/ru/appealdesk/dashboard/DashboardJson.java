package ru.appealdesk.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Department;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealTable;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.ApplicantPhotos;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.HistoryWords;

/** The dashboard's JSON (README «Dashboard»): table rows, an appeal's page, names and labels resolved. */
@Component
class DashboardJson {

    /** Someone or something referred to by id, with its display name. */
    record Ref(String id, String name) {
    }

    record Row(long id, String number, String source, String sourceLabel, String category, String categoryLabel,
               Ref department, Ref executor, String status, String statusLabel, String address,
               OffsetDateTime receivedAt, OffsetDateTime answerDueAt, OffsetDateTime dueAt, long secondsLeft,
               String urgency, Long cluster) {
    }

    record File(String url, String kind, String name) {
    }

    record Answer(String type, String typeLabel, String text, LocalDate postponedUntil, OffsetDateTime submittedAt,
                  Ref submittedBy, List<File> files) {
    }

    record CoExecutor(Ref staff, OffsetDateTime dueAt, OffsetDateTime deliveredAt, String materials,
                      List<File> files) {
    }

    record HistoryItem(OffsetDateTime at, Ref actor, String type, String label, String statusLabel, Ref executor,
                       String comment) {
    }

    record Appeal(long id, String number, String source, String sourceLabel, String category, String categoryLabel,
                  Ref department, Ref executor, String status, String statusLabel, String resolution,
                  String resolutionLabel, String priority, String priorityLabel, boolean fz59,
                  boolean sociallySignificant, String text, String address, String applicantName,
                  boolean contactsAllowed, List<String> photos, OffsetDateTime receivedAt,
                  OffsetDateTime answerDueAt, OffsetDateTime dueAt, long secondsLeft, String urgency, Answer answer,
                  List<CoExecutor> coExecutors, List<HistoryItem> history, List<LateStage> lateStages, Long cluster,
                  List<Ref> clusterAppeals) {
    }

    /** A stage of the answer that overran its own term (PRODUCT.md §13.2): which, whose, by how much. */
    record LateStage(String stage, String stageLabel, Ref holder, OffsetDateTime term, OffsetDateTime endedAt,
                     long lateMinutes) {
    }

    private final Directory directory;
    private final AttachmentStore files;
    private final ApplicantPhotos photos;
    private final ru.appealdesk.reports.StageLateness stages;
    private final ru.appealdesk.workflow.AppealQueries queries;

    DashboardJson(Directory directory, AttachmentStore files, ApplicantPhotos photos,
                  ru.appealdesk.reports.StageLateness stages, ru.appealdesk.workflow.AppealQueries queries) {
        this.stages = stages;
        this.queries = queries;
        this.directory = directory;
        this.files = files;
        this.photos = photos;
    }

    /** The applicant's photos the service fetched, as its own paths (a portal's link is never shown). */
    private List<String> photos(long appealId) {
        return photos.of(appealId).stream().filter(p -> p.state() == ApplicantPhotos.State.STORED)
                .map(p -> fileUrl(appealId, p.fileId())).toList();
    }

    ZoneId zone() {
        return directory.organization().timeZone();
    }

    OffsetDateTime local(Instant at) {
        return at == null ? null : at.atZone(zone()).toOffsetDateTime();
    }

    Row row(AppealTable.Row r, Instant now) {
        return new Row(r.id(), r.externalId(), r.source().name(), r.source().title(), r.category(),
                categoryName(r.category()), department(r.departmentId()), staff(r.executorId()), r.status().name(),
                r.status().title(), r.address(), local(r.receivedAt()), local(r.answerDueAt()), local(r.dueAt()),
                secondsLeft(r.answerDueAt(), now), urgency(r.answerDueAt(), now, r.status()), r.cluster());
    }

    Appeal appeal(AppealView a, boolean contactsAllowed, Instant now) {
        Answer answer = a.answer() == null ? null : new Answer(a.answer().type().name(), a.answer().type().title(),
                a.answer().text(), a.answer().postponedUntil(), local(a.answer().submittedAt()),
                staff(a.answer().submittedBy()), files(a.id(), a.answer().attachments()));
        List<CoExecutor> co = a.coExecutors().stream().map(c -> new CoExecutor(staff(c.staffId()),
                local(c.dueAt()), local(c.deliveredAt()), c.materials(), files(a.id(), c.files()))).toList();
        List<HistoryItem> history = a.history().stream().map(h -> new HistoryItem(local(h.at()), staff(h.actorId()),
                h.type().name(), h.type().title(), h.to() == null ? null : h.to().title(), staff(h.executorId()),
                HistoryWords.comment(h))).toList();
        return new Appeal(a.id(), a.number(), a.source().name(), a.source().title(), a.category(),
                categoryName(a.category()), department(a.departmentId()), staff(a.executorId()), a.status().name(),
                a.status().title(), a.resolution() == null ? null : a.resolution().name(),
                a.resolution() == null ? null : a.resolution().title(), a.priority().name(),
                priorityLabel(a.priority()), a.fz59(), a.sociallySignificant(), a.text(), a.address(),
                a.applicant() == null ? null : a.applicant().name(), contactsAllowed, photos(a.id()),
                local(a.receivedAt()), local(a.answerDueAt()), local(a.dueAt()), secondsLeft(a.answerDueAt(), now),
                urgency(a.answerDueAt(), now, a.status()), answer, co, history, stages.of(a).stream()
                        .map(l -> new LateStage(l.stage().name(), l.stageLabel(), staff(l.holderId()), local(l.term()),
                                local(l.endedAt()), l.lateMinutes())).toList(),
                a.cluster(), a.cluster() == null ? List.of() : queries.cluster(a.cluster()).stream()
                        .map(e -> new Ref(String.valueOf(e.getKey()), e.getValue())).toList());
    }

    Ref staff(String id) {
        return id == null ? null : new Ref(id, directory.staff(id).map(StaffMember::shortName).orElse(id));
    }

    Ref department(String id) {
        return id == null ? null : new Ref(id, directory.department(id).map(Department::name).orElse(id));
    }

    String categoryName(String code) {
        return directory.category(code).map(Category::name).orElse(code);
    }

    private List<File> files(long appealId, List<AppealView.Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return List.of();
        }
        List<AttachmentStore.FileInfo> infos = files.infos(attachments.stream().map(AppealView.Attachment::fileId)
                .toList());
        return attachments.stream().map(att -> {
            Optional<AttachmentStore.FileInfo> info = infos.stream().filter(i -> i.id().equals(att.fileId()))
                    .findFirst();
            String name = info.map(AttachmentStore.FileInfo::fileName).filter(n -> n != null && !n.isBlank())
                    .orElse(switch (att.kind()) {
                        case PHOTO -> DashboardWords.FILE_PHOTO.text();
                        case VIDEO -> DashboardWords.FILE_VIDEO.text();
                        case DOCUMENT -> DashboardWords.FILE_DOCUMENT.text();
                    });
            return new File(fileUrl(appealId, att.fileId()), att.kind().name(), name);
        }).toList();
    }

    private static String fileUrl(long appealId, java.util.UUID fileId) {
        return "/app/api/appeals/" + appealId + "/files/" + fileId;
    }

    private static long secondsLeft(Instant due, Instant now) {
        return Duration.between(now, due).toSeconds();
    }

    /** Overdue, under 4 hours, under 24 hours, or not pressing; a closed appeal (or one awaiting the applicant) never. */
    static String urgency(Instant due, Instant now, ru.appealdesk.workflow.AppealStatus status) {
        if (status == ru.appealdesk.workflow.AppealStatus.CLOSED
                || status == ru.appealdesk.workflow.AppealStatus.AWAITING_APPLICANT) {
            // a clarification stops the clock until the applicant replies (seed 004 п.13)
            return "OK";
        }
        Duration left = Duration.between(now, due);
        if (left.isNegative()) {
            return "OVERDUE";
        }
        return left.compareTo(Duration.ofHours(4)) < 0 ? "UNDER_4H"
                : left.compareTo(Duration.ofHours(24)) < 0 ? "UNDER_24H" : "OK";
    }

    private static String priorityLabel(ru.appealdesk.directory.Priority p) {
        return switch (p) {
            case NORMAL -> DashboardWords.PRIORITY_NORMAL.text();
            case FAST_TRACK -> DashboardWords.PRIORITY_FAST_TRACK.text();
            case HIGH -> DashboardWords.PRIORITY_HIGH.text();
        };
    }
}
