package ru.appealdesk.bot.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.appealdesk.chat.FileKind;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.ApplicantPhotos;
import ru.appealdesk.workflow.AttachmentStore;

/** The files that go before a card: the applicant's photos, the answer's and co-executors' files. */
@Component
public class CardFiles {

    private final Outbox outbox;
    private final AttachmentStore files;
    private final ApplicantPhotos photos;

    CardFiles(Outbox outbox, AttachmentStore files, ApplicantPhotos photos) {
        this.outbox = outbox;
        this.files = files;
        this.photos = photos;
    }

    /** The applicant's photos the service fetched, uploaded (a portal's link is never handed to Telegram). */
    public void applicantPhotos(AppealView a, long chat) {
        outbox.media(chat, photos.of(a.id()).stream().filter(p -> p.state() == ApplicantPhotos.State.STORED)
                .map(p -> uploadedPhoto(p.fileId())).flatMap(Optional::stream).toList(), Outbox.PRIORITY_CARD);
    }

    /** A stored applicant's photo as a media item to upload, if it is still kept. */
    public Optional<Outbox.Media> uploadedPhoto(UUID fileId) {
        return files.info(fileId).flatMap(info -> files.content(fileId)
                .map(content -> outbox.uploaded(FileKind.PHOTO, info.fileName(), content)));
    }

    /** The answer's files, then the co-executors' (the moderator sees them with the answer, PRODUCT.md §10). */
    void answerFiles(AppealView a, long chat) {
        if (a.answer() == null) {
            return;
        }
        List<AppealView.Attachment> all = new ArrayList<>(a.answer().attachments());
        a.coExecutors().forEach(co -> all.addAll(co.files()));
        send(all, chat);
    }

    /** Files Telegram already has, sent again by their reference. */
    public void send(List<AppealView.Attachment> attachments, long chat) {
        if (attachments.isEmpty()) {
            return;
        }
        Map<UUID, AttachmentStore.FileInfo> known = files.infos(attachments.stream()
                        .map(AppealView.Attachment::fileId).toList()).stream()
                .collect(Collectors.toMap(AttachmentStore.FileInfo::id, f -> f));
        List<Outbox.Media> media = attachments.stream()
                .map(att -> Optional.ofNullable(known.get(att.fileId())).filter(f -> f.telegramFileId() != null)
                        .map(f -> new Outbox.Media(f.telegramFileId().startsWith("photo:") ? FileKind.PHOTO
                                : f.telegramFileId().startsWith("video:") ? FileKind.VIDEO : FileKind.DOCUMENT,
                                f.telegramFileId().substring(f.telegramFileId().indexOf(':') + 1))))
                .flatMap(Optional::stream).toList();
        outbox.media(chat, media, Outbox.PRIORITY_CARD);
    }
}
