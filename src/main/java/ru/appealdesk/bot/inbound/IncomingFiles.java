package ru.appealdesk.bot.inbound;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import ru.appealdesk.bot.BotProperties;
import ru.appealdesk.bot.dialogs.Conversation;
import ru.appealdesk.bot.dialogs.ConversationRepository;
import ru.appealdesk.telegram.FileFetcher;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.FileTypes;

/**
 * Fetches the file of an incoming photo or document before the update's transaction starts, so a slow download
 * holds no database connection or lock. What it finds is checked again inside the transaction.
 */
@Component
public class IncomingFiles {

    private static final Logger log = LoggerFactory.getLogger(IncomingFiles.class);
    /** Seed 001 §4.6: 50 MB per answer (or one largest file, if a self-hosted Bot API server allows more). */
    private static final long ANSWER_BYTES = 50L * 1024 * 1024;
    /** The Bot API's download limit without a self-hosted server. */
    private static final long BOT_API_LIMIT = 20L * 1024 * 1024;

    /** A file as announced in the message. */
    public record Announced(String fileId, String telegramKind, String name, Long declaredSize, String mediaGroupId,
                     String declaredMime) {

        public String telegramRef() {
            return telegramKind + ":" + fileId;
        }

        boolean video() {
            return telegramKind.equals("video") || declaredMime != null && declaredMime.startsWith("video/");
        }
    }

    /** The outcome: the checked content and its real type, or why it was refused (a Russian sentence). */
    public record Download(Announced file, byte[] content, String mimeType, String refusal) {

        static Download refused(Announced file, String refusal) {
            return new Download(file, null, null, refusal);
        }
    }

    private final ConversationRepository conversations;
    private final ObjectProvider<FileFetcher> fetcher;
    private final long maxFileBytes;

    IncomingFiles(ConversationRepository conversations, ObjectProvider<FileFetcher> fetcher, BotProperties properties) {
        this.conversations = conversations;
        this.fetcher = fetcher;
        this.maxFileBytes = properties.maxFileSize().toBytes();
    }

    /** All files of one answer (or one co-executor's materials) together. */
    public long maxAnswerBytes() {
        return Math.max(ANSWER_BYTES, maxFileBytes);
    }

    /** Downloads the message's file if its sender is adding files to an answer; empty otherwise. */
    Optional<Download> prefetch(long userId, Message message) {
        if (message == null || !(message.hasPhoto() || message.hasDocument() || message.hasVideo())) {
            return Optional.empty();
        }
        Optional<Conversation> collecting;
        try {
            collecting = conversations.findById(userId)
                    .filter(c -> c.state() == Conversation.State.COLLECTING_ATTACHMENTS
                            || c.state() == Conversation.State.COLLECTING_MATERIALS);
        } catch (RuntimeException e) {
            return Optional.empty(); // the database is unreachable: the update's transaction will fail and retry
        }
        if (collecting.isEmpty()) {
            return Optional.empty();
        }
        Announced file = announced(message);
        long used = collecting.get().attachedFiles().stream().mapToLong(Conversation.AttachedFile::sizeBytes).sum();
        if (file.declaredSize() != null && (file.declaredSize() > maxFileBytes
                || used + file.declaredSize() > maxAnswerBytes())) {
            log.info("Refused a file of {} bytes from Telegram user {}: over the limit", file.declaredSize(), userId);
            return Optional.of(Download.refused(file, file.declaredSize() > maxFileBytes && file.video()
                    ? videoTooLarge(file.declaredSize()) : tooLarge()));
        }
        FileFetcher download = fetcher.getIfAvailable();
        if (download == null) {
            return Optional.of(Download.refused(file, Words.NOT_RECEIVED.text()));
        }
        byte[] content;
        try {
            content = download.fetch(file.fileId(), Math.min(maxFileBytes, maxAnswerBytes() - used));
        } catch (IOException e) {
            log.warn("Could not download a file from Telegram user {}: {}", userId, safe(e.getMessage()));
            // "larger": the download passed the limit; "too big": the Bot API would not hand the file out at all
            boolean larger = e.getMessage() != null && (e.getMessage().contains("larger")
                    || e.getMessage().contains("too big"));
            return Optional.of(Download.refused(file, !larger
                    ? Words.NOT_RECEIVED.text()
                    : file.video() ? videoTooLarge(null) : tooLarge()));
        }
        Optional<String> type = FileTypes.sniff(content);
        if (type.isEmpty()) {
            log.info("Refused a file from Telegram user {}: its content is not JPG, PNG, TIFF, PDF, MP4 or MOV", userId);
            return Optional.of(Download.refused(file, Words.WRONG_KIND.text(Html.escape(file.name()))));
        }
        return Optional.of(new Download(file, content, type.get(), null));
    }

    /** What may be attached, as the draft cards say it. */
    public String accepted() {
        return Words.ACCEPTED.text(megabytes(maxFileBytes));
    }

    public String tooLarge() {
        return Words.TOO_LARGE.text(megabytes(maxFileBytes), megabytes(maxAnswerBytes()));
    }

    /** Over the limit: the Bot API hands a bot files of at most 20 MB (more only through a self-hosted server). */
    String videoTooLarge(Long size) {
        String limit = (maxFileBytes == BOT_API_LIMIT ? Words.VIDEO_LIMIT_OF_TELEGRAM : Words.VIDEO_LIMIT)
                .text(megabytes(maxFileBytes));
        return size == null ? Words.VIDEO_TOO_LARGE.text(limit)
                : Words.VIDEO_OF_SIZE_TOO_LARGE.text(megabytes(size), limit);
    }

    private static String megabytes(long bytes) {
        double mb = bytes / 1024.0 / 1024.0;
        return mb == Math.rint(mb) ? Long.toString((long) mb)
                : String.format(java.util.Locale.ROOT, "%.1f", mb).replace('.', ',');
    }

    private static Announced announced(Message message) {
        if (message.hasPhoto()) {
            PhotoSize largest = message.getPhoto().stream()
                    .max(Comparator.comparingInt(p -> p.getWidth() * p.getHeight())).orElseThrow();
            return new Announced(largest.getFileId(), "photo", "photo_" + largest.getFileUniqueId() + ".jpg",
                    largest.getFileSize() == null ? null : largest.getFileSize().longValue(),
                    message.getMediaGroupId(), "image/jpeg");
        }
        if (message.hasVideo()) {
            org.telegram.telegrambots.meta.api.objects.Video video = message.getVideo();
            String name = video.getFileName() == null || video.getFileName().isBlank()
                    ? "video_" + video.getFileUniqueId() + ".mp4" : video.getFileName();
            return new Announced(video.getFileId(), "video", name, video.getFileSize(), message.getMediaGroupId(),
                    video.getMimeType());
        }
        Document document = message.getDocument();
        String name = document.getFileName() == null || document.getFileName().isBlank() ? "document"
                : document.getFileName();
        return new Announced(document.getFileId(), "document", name, document.getFileSize(),
                message.getMediaGroupId(), document.getMimeType());
    }

    /** The words about files sent to the bot. */
    enum Words implements Text {
        NOT_RECEIVED,
        WRONG_KIND,
        ACCEPTED,
        TOO_LARGE,
        VIDEO_LIMIT,
        VIDEO_LIMIT_OF_TELEGRAM,
        VIDEO_TOO_LARGE,
        VIDEO_OF_SIZE_TOO_LARGE;

        @Override
        public String area() {
            return "bot.files";
        }
    }
}
