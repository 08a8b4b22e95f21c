package ru.appealdesk.bot.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.ChatProperties;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.AttachmentKind;
import ru.appealdesk.workflow.ApplicantPhotos;
import ru.appealdesk.workflow.AttachmentStore;

/**
 * The files that go before a card: the applicant's photos (only where the chats carry the applicant's personal data,
 * {@code appealdesk.chat.personal-data: full}), the answer's and co-executors' files.
 */
@Component
public class CardFiles {

    private final Outbox outbox;
    private final AttachmentStore files;
    private final ApplicantPhotos photos;
    private final ChatProperties chat;

    CardFiles(Outbox outbox, AttachmentStore files, ApplicantPhotos photos, ChatProperties chat) {
        this.outbox = outbox;
        this.files = files;
        this.photos = photos;
        this.chat = chat;
    }

    /** The applicant's photos the service fetched, uploaded (a portal's link is never handed to Telegram). */
    public void applicantPhotos(AppealView a, ChatAddress chat) {
        if (!this.chat.personalDataInChats()) {
            return;
        }
        outbox.media(chat, photos.of(a.id()).stream().filter(p -> p.state() == ApplicantPhotos.State.STORED)
                .map(p -> uploadedPhoto(p.fileId())).flatMap(Optional::stream).toList(), Outbox.PRIORITY_CARD);
    }

    /** A stored applicant's photo as a media item to upload, if it is still kept and may go to a chat. */
    public Optional<Outbox.Media> uploadedPhoto(UUID fileId) {
        if (!chat.personalDataInChats()) {
            return Optional.empty();
        }
        return files.info(fileId).flatMap(info -> files.content(fileId)
                .map(content -> outbox.uploaded(FileKind.PHOTO, info.fileName(), content)));
    }

    /** The answer's files, then the co-executors' (the moderator sees them with the answer, PRODUCT.md §10). */
    void answerFiles(AppealView a, ChatAddress chat) {
        if (a.answer() == null) {
            return;
        }
        List<AppealView.Attachment> all = new ArrayList<>(a.answer().attachments());
        a.coExecutors().forEach(co -> all.addAll(co.files()));
        send(all, chat);
    }

    /**
     * Staff's files: in Telegram by Telegram's reference when the file came from Telegram; otherwise (another
     * messenger, or a file from one) its stored bytes are uploaded with the message.
     */
    public void send(List<AppealView.Attachment> attachments, ChatAddress chat) {
        if (attachments.isEmpty()) {
            return;
        }
        Map<UUID, AttachmentStore.FileInfo> known = files.infos(attachments.stream()
                        .map(AppealView.Attachment::fileId).toList()).stream()
                .collect(Collectors.toMap(AttachmentStore.FileInfo::id, f -> f));
        List<Outbox.Media> media = attachments.stream()
                .map(att -> Optional.ofNullable(known.get(att.fileId())).flatMap(f -> media(f, chat)))
                .flatMap(Optional::stream).toList();
        outbox.media(chat, media, Outbox.PRIORITY_CARD);
    }

    private Optional<Outbox.Media> media(AttachmentStore.FileInfo f, ChatAddress chat) {
        String ref = f.telegramFileId();
        if (ref != null && chat.messenger() == MessengerKind.TELEGRAM) {
            FileKind kind = ref.startsWith("photo:") ? FileKind.PHOTO
                    : ref.startsWith("video:") ? FileKind.VIDEO : FileKind.DOCUMENT;
            return Optional.of(new Outbox.Media(kind, ref.substring(ref.indexOf(':') + 1)));
        }
        FileKind kind = f.kind() == AttachmentKind.PHOTO ? FileKind.PHOTO
                : f.kind() == AttachmentKind.VIDEO ? FileKind.VIDEO : FileKind.DOCUMENT;
        return files.content(f.id()).map(content -> outbox.uploaded(kind, f.fileName(), content));
    }
}
