package ru.appealdesk.bot.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.appealdesk.audit.AuditLog;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.notifications.Recipients;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.ApplicantPhotos;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Approvers;
import ru.appealdesk.workflow.AttachmentStore;

/**
 * The cards of an appeal's steps, each for the person who acts on it: the executor's, the coordinators', the
 * approvers', a co-executor's; with the photos and files that go with them. {@link Notifier} decides when and to
 * whom; {@code /appeal} shows a person the card of the current step.
 */
@Component
public class StepCards {

    private static final Logger log = LoggerFactory.getLogger(StepCards.class);

    private final Directory directory;
    private final Outbox outbox;
    private final AppealAccess access;
    private final CardMessages cardMessages;
    private final CardTexts texts;
    private final AttachmentStore files;
    private final Approvers approvers;
    private final AppealService appeals;
    private final Recipients recipients;
    private final Absences absences;
    private final AuditLog audit;
    private final ApplicantPhotos photos;

    StepCards(Directory directory, Outbox outbox, AppealAccess access, CardMessages cardMessages, CardTexts texts,
              AttachmentStore files, Approvers approvers, AppealService appeals, Recipients recipients,
              Absences absences, AuditLog audit, ApplicantPhotos photos) {
        this.audit = audit;
        this.photos = photos;
        this.directory = directory;
        this.outbox = outbox;
        this.access = access;
        this.cardMessages = cardMessages;
        this.texts = texts;
        this.files = files;
        this.approvers = approvers;
        this.appeals = appeals;
        this.recipients = recipients;
        this.absences = absences;
    }

    /** «Вы соисполнитель»: the appeal, the co-executor's own deadline and «Передать материалы». */
    public void coExecutorCard(AppealView a, String staffId) {
        a.coExecutor(staffId).ifPresent(co -> chatOf(staffId).ifPresent(chat -> {
            applicantPhotos(a, chat);
            String delivered = co.deliveredAt() == null ? ""
                    : Words.MATERIALS_DELIVERED.text(texts.time(co.deliveredAt()));
            card(a, chat, texts.header(Words.CO_EXECUTOR_TITLE.text(), a, false)
                            + Words.YOUR_DUE.text(Html.bold(texts.time(co.dueAt())), texts.left(co.dueAt())),
                    Words.DELIVER_TO_EXECUTOR.text(texts.name(a.executorId()), delivered)
                            + CardTexts.Words.APPEAL_TEXT.text(a.text()),
                    List.of(List.of(Callback.of(Action.DELIVER, a.id(), 0).button(Buttons.DELIVER_MATERIALS.text()))),
                    Outbox.PRIORITY_CARD, Card.Kind.CO_EXECUTOR, a.id(), a.step());
        }));
    }

    /** Approvers of the answer choose whom to hand the review to. */
    public void chooseDelegate(AppealView a, StaffMember presser, long chatId) {
        List<StaffMember> candidates = approvers.delegates(a, presser);
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(candidates.size(), 24); i += 2) {
            rows.add(candidates.subList(i, Math.min(i + 2, candidates.size())).stream()
                    .map(s -> new Callback(Action.DELEGATE_TO, a.id(), a.step(), s.id()).button("↪️ " + s.shortName()))
                    .toList());
        }
        cardMessages.send(chatId, Words.CHOOSE_DELEGATE.text(Html.escape(a.number())), null, rows,
                Outbox.PRIORITY_REPLY, Card.Kind.DELEGATE_CHOICE, a.id(), a.step());
    }

    /** «Отложенное обращение: назначьте исполнителя»: one button per candidate executor, the previous one first. */
    public void postponedReassignCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            List<StaffMember> candidates = new ArrayList<>(directory.category(a.category())
                    .map(directory::executorsFor).filter(l -> !l.isEmpty()).orElseGet(directory::allExecutors));
            candidates.removeIf(s -> s.id().equals(a.executorId()));
            directory.staff(a.executorId()).filter(s -> s.hasRole(Role.EXECUTOR)).ifPresent(s -> candidates.add(0, s));
            Integer share = directory.regulation(a.source()).postponedReassignAtPercent();
            String why = share == null ? "" : Words.REASSIGN_WHY.text(share);
            card(a, chat, texts.header(Words.POSTPONED_REASSIGN_TITLE.text(), a, false),
                    why + Words.PREVIOUS_EXECUTOR.text(texts.name(a.executorId()), previousAnswer(a)),
                    executorButtons(a, candidates, List.of(coExecutorsButton(a))), Outbox.PRIORITY_CARD,
                    Card.Kind.POSTPONED_REASSIGN,
                    a.id(), a.step());
        });
    }

    /** PRODUCT.md §9: after «Отложено» was placed, the executor owes the final answer by the postponed date. */
    public void postponedCard(AppealView a) {
        chatOf(a.executorId()).ifPresent(chat -> card(a, chat,
                texts.header(Words.POSTPONED_TITLE.text(), a, true),
                Words.PREVIOUS.text(previousAnswer(a)),
                List.of(List.of(Callback.of(Action.PREPARE_ANSWER, a.id(), a.step())
                        .button(Buttons.PREPARE_FINAL_ANSWER.text())), List.of(coExecutorsButton(a))), Outbox.PRIORITY_CARD,
                Card.Kind.ACCEPTED, a.id(), a.step()));
    }

    public void redirectReviewCard(AppealView a, StaffMember moderator, String whereAndWhy) {
        chatOf(moderator.id()).ifPresent(chat -> card(a, chat,
                texts.header(Words.REDIRECT_REVIEW_TITLE.text(), a, true),
                Words.WHERE_AND_WHY.text(whereAndWhy) + CardTexts.Words.APPEAL_TEXT.text(a.text()),
                List.of(List.of(Callback.of(Action.REDIRECT_APPROVE, a.id(), a.step()).button(Buttons.APPROVE.text()),
                        Callback.of(Action.REDIRECT_REJECT, a.id(), a.step()).button(Buttons.REJECT.text()))),
                Outbox.PRIORITY_CARD, Card.Kind.REVIEW, a.id(), a.step()));
    }

    /** Seed 004 п.18: a repeat shows the earlier appeal's answer, so the same reply is not given twice. */
    private String repeatNote(AppealView a) {
        if (a.repeatOf() == null) {
            return "";
        }
        Optional<AppealView> earlier = appeals.find(a.source(), a.repeatOf());
        String about = earlier.map(e -> e.answer() == null ? Words.EARLIER_NOT_ANSWERED.text()
                        : Words.EARLIER_ANSWER.text(e.answer().type().title(), e.answer().text()))
                .orElse(Words.EARLIER_NOT_FOUND.text());
        return Words.REPEAT_NOTE.text(a.repeatOf(), about);
    }

    public static String previousAnswer(AppealView a) {
        return a.answer() == null ? Words.NO_ANSWER.text()
                : Words.ANSWER.text(a.answer().type().title(), a.answer().text());
    }

    /** Sends a person the card of the appeal's current step: with buttons if the step is theirs. */
    public void showTo(AppealView a, StaffMember person, long chatId) {
        boolean executor = person.id().equals(a.executorId());
        boolean coordinator = absences.actsAs(person, Role.COORDINATOR);
        boolean approver = approvers.mayApprove(person, a);
        if (a.coExecutor(person.id()).isPresent() && a.status() != AppealStatus.CLOSED && !coordinator && !approver) {
            coExecutorCard(a, person.id());
            return;
        }
        switch (a.status()) {
            case NEW -> {
                if (coordinator) {
                      unroutedCard(a, person);
                    return;
                }
            }
            case ASSIGNED -> {
                if (executor) {
                      executorCard(a);
                    return;
                }
            }
            case IN_PROGRESS -> {
                if (executor) {
                      acceptedCard(a, Words.IN_WORK.text());
                    return;
                }
                if (coordinator) {
                    oversightCard(a, person, chatId);
                    return;
                }
            }
            case REWORK -> {
                if (executor) {
                    acceptedCard(a, Words.IN_REWORK.text());
                    return;
                }
            }
            case RETURNED -> {
                if (coordinator) {
                    String reason = a.stepEntry().comment();
                      returnedCard(a, person, reason);
                    return;
                }
            }
            case ANSWER_REVIEW -> {
                if (approver) {
                      reviewCard(a, person);
                    return;
                }
            }
            case APPROVED -> {
                if (coordinator) {
                      approvedCard(a, person);
                    return;
                }
            }
            case POSTPONED -> {
                if (executor) {
                    postponedCard(a);
                    return;
                }
                if (coordinator) {
                    postponedReassignCard(a, person);
                    return;
                }
            }
            case REDIRECT_REVIEW -> {
                if (person.hasRole(Role.MODERATOR)) {
                    redirectReviewCard(a, person, a.stepEntry().comment());
                    return;
                }
            }
            case CLOSED -> {
            }
        }
        boolean contacts = access.maySeeContacts(person, a);
        card(a, chatId, texts.header(Words.CARD_TITLE.text(), a, contacts),
                texts.appealAndAnswer(a), null, Outbox.PRIORITY_REPLY, null, 0, 0);
    }

    public void executorCard(AppealView a) {
        Optional<Recipients.Chat> chat = chatOf(a.executorId());
        if (chat.isEmpty()) {
            log.warn("Executor {} of appeal {} has no Telegram binding", a.executorId(), a.id());
            recipients.distinct(directory.withRole(Role.COORDINATOR)).forEach(c -> tell(c.id(),
                    Words.EXECUTOR_NOT_CONNECTED.text(Html.escape(texts.name(a.executorId())),
                            Html.escape(a.number()))));
            return;
        }
        applicantPhotos(a, chat.get());
        List<List<Button>> keyboard = List.of(List.of(
                Callback.of(Action.ACCEPT, a.id(), a.step()).button(Buttons.ACCEPT.text()),
                Callback.of(Action.RETURN, a.id(), a.step()).button(Buttons.RETURN.text())));
        String title = (a.repeatOf() == null ? Words.NEW_FOR_YOU : Words.REPEAT_FOR_YOU).text();
        card(a, chat.get(), texts.header(title, a, true), repeatNote(a) + CardTexts.Words.APPEAL_TEXT.text(a.text()),
                keyboard, Outbox.PRIORITY_CARD, Card.Kind.EXECUTOR, a.id(), a.step());
    }

    public void acceptedCard(AppealView a, String title) {
        chatOf(a.executorId()).ifPresent(chat -> {
            List<Button> row = new ArrayList<>(List.of(
                    Callback.of(Action.PREPARE_ANSWER, a.id(), a.step()).button(Buttons.PREPARE_ANSWER.text())));
            java.time.Instant returnable = appeals.returnableUntil(a);
            if (returnable != null) {
                // ЕЦУР (seed 000 п.9): accepted by mistake, it can still be returned for a day
                row.add(Callback.of(Action.RETURN, a.id(), a.step())
                        .button(Words.RETURN_UNTIL.text(texts.time(returnable))));
            }
            List<List<Button>> keyboard = List.of(row, List.of(coExecutorsButton(a),
                    Callback.of(Action.HELP, a.id(), a.step()).button(Buttons.HELP.text())));
            card(a, chat, texts.header(title, a, true), CardTexts.Words.APPEAL_TEXT.text(a.text()) + texts.materials(a),
                    keyboard, Outbox.PRIORITY_CARD, Card.Kind.ACCEPTED, a.id(), a.step());
        });
    }

    public void unroutedCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            List<StaffMember> candidates = directory.category(a.category()).map(directory::executorsFor)
                    .filter(l -> !l.isEmpty()).orElseGet(directory::allExecutors);
            applicantPhotos(a, chat);
            card(a, chat, texts.header(Words.UNROUTED_TITLE.text(), a, false),
                    repeatNote(a) + CardTexts.Words.APPEAL_TEXT.text(a.text()),
                    executorButtons(a, candidates, List.of(redirectButton(a), closeButton(a), coExecutorsButton(a))),
                    Outbox.PRIORITY_CARD, Card.Kind.UNROUTED, a.id(), a.step());
        });
    }

    public void returnedCard(AppealView a, StaffMember coordinator, String reason) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            List<StaffMember> candidates = new ArrayList<>(directory.category(a.category())
                    .map(directory::executorsFor).orElse(List.of()));
            candidates.removeIf(s -> s.id().equals(a.executorId()));
            if (candidates.isEmpty()) {
                candidates.addAll(directory.allExecutors());
                candidates.removeIf(s -> s.id().equals(a.executorId()));
            }
            List<List<Button>> keyboard = executorButtons(a, candidates, List.of(
                    Callback.of(Action.REJECT_RETURN, a.id(), a.step()).button(Buttons.REJECT_RETURN.text()),
                    redirectButton(a), closeButton(a), coExecutorsButton(a)));
            card(a, chat, texts.header(Words.RETURNED_TITLE.text(), a, false),
                    Words.RETURN_REASON.text(texts.name(a.executorId()), reason)
                            + CardTexts.Words.APPEAL_TEXT.text(a.text()),
                    keyboard, Outbox.PRIORITY_CARD, Card.Kind.RETURNED, a.id(), a.step());
        });
    }

    public void reviewCard(AppealView a, StaffMember moderator) {
        chatOf(moderator.id()).ifPresent(chat -> {
            answerFiles(a, chat);
            // 001 §4.6: in a department's approval chain the card says which stage it is
            String approve = approvers.stage(a).map(s -> Words.APPROVE_STAGE.text(s.stage(), s.of()))
                    .orElse(Buttons.APPROVE.text());
            List<List<Button>> keyboard = List.of(List.of(
                    Callback.of(Action.APPROVE, a.id(), a.step()).button(approve),
                    Callback.of(Action.REWORK, a.id(), a.step()).button(Buttons.TO_REWORK.text())),
                    List.of(Callback.of(Action.EDIT_ANSWER, a.id(), a.step()).button(Buttons.EDIT_TEXT.text()),
                            Callback.of(Action.DELEGATE, a.id(), a.step()).button(Buttons.DELEGATE_REVIEW.text())));
            // seed 000 п.14: a repeated postponement is agreed by the director of МКУ «МЦУР» first
            boolean repeatedPostponement = a.secondaryReview() && a.postponeCount() > 0
                    && a.answer().type() == AnswerType.POSTPONED;
            card(a, chat, texts.header((repeatedPostponement ? Words.REPEATED_POSTPONEMENT_TITLE : Words.REVIEW_TITLE)
                            .text(), a, true), texts.appealAndAnswer(a),
                    keyboard, Outbox.PRIORITY_CARD, Card.Kind.REVIEW, a.id(), a.step());
        });
    }

    public void approvedCard(AppealView a, StaffMember coordinator) {
        chatOf(coordinator.id()).ifPresent(chat -> {
            answerFiles(a, chat);
            List<List<Button>> keyboard = List.of(List.of(
                    Callback.of(Action.PUBLISHED, a.id(), a.step()).button(Buttons.PUBLISHED.text()),
                    Callback.of(Action.QUALITY_RETURN, a.id(), a.step()).button(Buttons.QUALITY_RETURN.text())),
                    List.of(coExecutorsButton(a)));
            card(a, chat, texts.header(Words.APPROVED_TITLE.text(), a, false)
                            + Words.TEXT_TO_PUBLISH.text(Html.escape(a.answer().type().title())),
                    a.answer().text(), keyboard, Outbox.PRIORITY_CARD, Card.Kind.APPROVED, a.id(), a.step());
        });
    }

    /** A coordinator's view of an appeal in work: the executor has it; the coordinator may still close it. */
    private void oversightCard(AppealView a, StaffMember coordinator, long chat) {
        card(a, chat, texts.header(Words.OVERSIGHT_TITLE.text(Html.escape(texts.name(a.executorId()))), a,
                        access.maySeeContacts(coordinator, a)), CardTexts.Words.APPEAL_TEXT.text(a.text()),
                List.of(List.of(closeButton(a), coExecutorsButton(a))), Outbox.PRIORITY_REPLY, Card.Kind.OVERSIGHT,
                a.id(), a.step());
    }

    /** PRODUCT.md §10: on the executor's card in work and on every coordinator card. */
    private static Button coExecutorsButton(AppealView a) {
        return Callback.of(Action.CO_EXECUTORS, a.id(), a.step()).button(Buttons.CO_EXECUTORS.text());
    }

    private static Button redirectButton(AppealView a) {
        return Callback.of(Action.REDIRECT, a.id(), a.step()).button(Buttons.REDIRECT.text());
    }

    private static Button closeButton(AppealView a) {
        return Callback.of(Action.CLOSE, a.id(), a.step()).button(Buttons.CLOSE_WITHOUT_ANSWER.text());
    }

    private List<List<Button>> executorButtons(AppealView a, List<StaffMember> candidates, List<Button> lastRow) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (StaffMember s : candidates.subList(0, Math.min(candidates.size(), 24))) {
            row.add(new Callback(Action.ASSIGN, a.id(), a.step(), s.id()).button("👤 " + s.shortName()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        if (!lastRow.isEmpty()) {
            rows.add(lastRow);
        }
        return rows;
    }

    /** The applicant's photos the service fetched, uploaded (a portal's link is never handed to Telegram). */
    private void applicantPhotos(AppealView a, long chat) {
        outbox.media(chat, photos.of(a.id()).stream().filter(p -> p.state() == ApplicantPhotos.State.STORED)
                .map(p -> uploadedPhoto(p.fileId())).flatMap(Optional::stream).toList(), Outbox.PRIORITY_CARD);
    }

    /** A stored applicant's photo as a media item to upload, if it is still kept. */
    public Optional<Outbox.Media> uploadedPhoto(UUID fileId) {
        return files.info(fileId).flatMap(info -> files.content(fileId)
                .map(content -> outbox.uploaded("PHOTO", info.fileName(), content)));
    }

    /** The answer's files, then the co-executors' (the moderator sees them with the answer, PRODUCT.md §10). */
    private void answerFiles(AppealView a, long chat) {
        if (a.answer() == null) {
            return;
        }
        List<AppealView.Attachment> all = new ArrayList<>(a.answer().attachments());
        a.coExecutors().forEach(co -> all.addAll(co.files()));
          sendFiles(all, chat);
    }

    public void sendFiles(List<AppealView.Attachment> attachments, long chat) {
        if (attachments.isEmpty()) {
            return;
        }
        Map<UUID, AttachmentStore.FileInfo> known = files.infos(attachments.stream()
                        .map(AppealView.Attachment::fileId).toList()).stream()
                .collect(Collectors.toMap(AttachmentStore.FileInfo::id, f -> f));
        List<Outbox.Media> media = attachments.stream()
                .map(att -> Optional.ofNullable(known.get(att.fileId())).filter(f -> f.telegramFileId() != null)
                        .map(f -> new Outbox.Media(f.telegramFileId().startsWith("photo:") ? "PHOTO"
                                : f.telegramFileId().startsWith("video:") ? "VIDEO" : "DOCUMENT",
                                f.telegramFileId().substring(f.telegramFileId().indexOf(':') + 1))))
                .flatMap(Optional::stream).toList();
        outbox.media(chat, media, Outbox.PRIORITY_CARD);
    }

    public void card(AppealView a, Recipients.Chat chat, String header, String body, List<List<Button>> keyboard,
                      int priority, Card.Kind kind, long appealId, int step) {
        card(a, chat.id(), chat.mark() + header, body, keyboard, priority, kind, appealId, step);
    }

    public void applicantPhotos(AppealView a, Recipients.Chat chat) {
        applicantPhotos(a, chat.id());
    }

    private void answerFiles(AppealView a, Recipients.Chat chat) {
        answerFiles(a, chat.id());
    }

    private void card(AppealView a, long chat, String header, String body, List<List<Button>> keyboard,
                      int priority, Card.Kind kind, long appealId, int step) {
        cardMessages.send(chat, header, body, Words.CONTINUATION.text(Html.escape(a.number())),
                keyboard, priority, kind, appealId, step);
        if (texts.showsContacts(header, a)) {
            audit.contactsRead(recipients.staffIdOf(chat), AuditLog.Channel.TELEGRAM,
                    AuditLog.Action.CARD_WITH_CONTACTS, a);
        }
    }

    public void tell(String staffId, String html) {
        chatOf(staffId).ifPresent(chat -> outbox.text(chat.id(), chat.mark() + html, Outbox.PRIORITY_CARD));
    }

    /** The person's chat, or their substitute's while they are away (the message then marked «за …»). */
    private Optional<Recipients.Chat> chatOf(String staffId) {
        return recipients.of(staffId);
    }

    /** The titles and bodies of the step cards (titles in Telegram HTML). */
    public enum Words implements Text {
        MATERIALS_DELIVERED,
        CO_EXECUTOR_TITLE,
        YOUR_DUE,
        DELIVER_TO_EXECUTOR,
        CHOOSE_DELEGATE,
        REASSIGN_WHY,
        POSTPONED_REASSIGN_TITLE,
        PREVIOUS_EXECUTOR,
        POSTPONED_TITLE,
        PREVIOUS,
        REDIRECT_REVIEW_TITLE,
        WHERE_AND_WHY,
        EARLIER_NOT_ANSWERED,
        EARLIER_ANSWER,
        EARLIER_NOT_FOUND,
        REPEAT_NOTE,
        NO_ANSWER,
        ANSWER,
        IN_WORK,
        IN_REWORK,
        CARD_TITLE,
        EXECUTOR_NOT_CONNECTED,
        NEW_FOR_YOU,
        REPEAT_FOR_YOU,
        RETURN_UNTIL,
        UNROUTED_TITLE,
        RETURNED_TITLE,
        RETURN_REASON,
        APPROVE_STAGE,
        REPEATED_POSTPONEMENT_TITLE,
        REVIEW_TITLE,
        APPROVED_TITLE,
        TEXT_TO_PUBLISH,
        OVERSIGHT_TITLE,
        CONTINUATION;

        @Override
        public String area() {
            return "bot.step";
        }
    }
}
