package ru.appealdesk.bot.dialogs;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.IncomingFiles;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AttachmentKind;
import ru.appealdesk.workflow.AttachmentStore;
import ru.appealdesk.workflow.FileTypes;

/**
 * A photo, video or document, already fetched by {@link IncomingFiles}, stored as a draft file of the answer or the
 * materials being prepared, which confirm it; «not expected» outside those dialogs.
 */
@Component
public class DialogFiles {

    private final ConversationRepository conversations;
    private final AttachmentStore files;
    private final IncomingFiles incomingFiles;
    private final DialogReplies replies;
    private final AnswerDraftDialog answers;
    private final MaterialsDialog materials;

    DialogFiles(ConversationRepository conversations, AttachmentStore files, IncomingFiles incomingFiles,
                DialogReplies replies, AnswerDraftDialog answers, MaterialsDialog materials) {
        this.conversations = conversations;
        this.files = files;
        this.incomingFiles = incomingFiles;
        this.replies = replies;
        this.answers = answers;
        this.materials = materials;
    }

    public void onFile(Inbound in, Optional<IncomingFiles.Download> prefetched) {
        Optional<Conversation> found = conversations.of(in.chat())
                .filter(c -> c.state() == State.COLLECTING_ATTACHMENTS || c.state() == State.COLLECTING_MATERIALS);
        if (found.isEmpty() || prefetched.isEmpty()) {
            replies.text(in, Words.NO_FILES_EXPECTED.text());
            return;
        }
        IncomingFiles.Download download = prefetched.get();
        if (download.refusal() != null) {
            replies.text(in, download.refusal());
            return;
        }
        Conversation c = found.get();
        long used = c.attachedFiles().stream().mapToLong(Conversation.AttachedFile::sizeBytes).sum();
        if (used + download.content().length > incomingFiles.maxAnswerBytes()) {
            replies.text(in, incomingFiles.tooLarge());
            return;
        }
        AttachmentKind kind = FileTypes.isImage(download.mimeType()) ? AttachmentKind.PHOTO
                : FileTypes.isVideo(download.mimeType()) ? AttachmentKind.VIDEO : AttachmentKind.DOCUMENT;
        String name = nameFor(download.file().name(), download.mimeType());
        AttachmentStore.FileInfo stored = files.store(kind, name, download.mimeType(), download.content(),
                download.file().telegramRef());
        c.attach(new Conversation.AttachedFile(kind, stored.id(), download.file().telegramRef(),
                download.content().length));
        if (c.state() == State.COLLECTING_MATERIALS) {
            materials.fileAdded(in, c, download.file().mediaGroupId() != null);
            return;
        }
        answers.fileAdded(in, c, download.file().mediaGroupId() != null);
    }

    /** The sender's file name, with the extension of what the file really is. */
    private static String nameFor(String name, String mimeType) {
        String extension = FileTypes.extension(mimeType);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean fits = lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"))
                || (extension.equals(".mov") && lower.endsWith(".qt"))
                || (extension.equals(".tif") && lower.endsWith(".tiff"));
        String base = name.length() > 200 ? name.substring(0, 200) : name;
        return fits ? base : base + extension;
    }

    /** A file nobody asked for. */
    enum Words implements Text {
        NO_FILES_EXPECTED;

        @Override
        public String area() {
            return "bot.dialogs";
        }
    }
}
