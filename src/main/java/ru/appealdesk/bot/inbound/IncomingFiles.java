package ru.appealdesk.bot.inbound;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.BotProperties;
import ru.appealdesk.bot.dialogs.Conversation;
import ru.appealdesk.bot.dialogs.ConversationRepository;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.FileSource;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.MessengerKind;
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

    /** A file as announced in the message, in the messenger it came from. */
    public record Announced(MessengerKind messenger, IncomingFile file) {

        /** Telegram's reference to send the file on by ({@code <kind>:<file_id>}); null for other messengers. */
        public String telegramRef() {
            return messenger == MessengerKind.TELEGRAM
                    ? file.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + file.ref() : null;
        }

        public String name() {
            return file.name();
        }

        public String mediaGroupId() {
            return file.groupId();
        }

        Long declaredSize() {
            return file.declaredSize();
        }

        boolean video() {
            return file.kind() == FileKind.VIDEO
                    || file.declaredMime() != null && file.declaredMime().startsWith("video/");
        }
    }

    /** The outcome: the checked content and its real type, or why it was refused (a Russian sentence). */
    public record Download(Announced file, byte[] content, String mimeType, String refusal) {

        static Download refused(Announced file, String refusal) {
            return new Download(file, null, null, refusal);
        }
    }

    private final ConversationRepository conversations;
    private final Map<MessengerKind, FileSource> sources = new EnumMap<>(MessengerKind.class);
    private final long maxFileBytes;

    IncomingFiles(ConversationRepository conversations, List<FileSource> sources, BotProperties properties) {
        this.conversations = conversations;
        sources.forEach(source -> this.sources.put(source.messenger(), source));
        this.maxFileBytes = properties.maxFileSize().toBytes();
    }

    /** All files of one answer (or one co-executor's materials) together. */
    public long maxAnswerBytes() {
        return Math.max(ANSWER_BYTES, maxFileBytes);
    }

    /** Downloads the message's file if its sender is adding files to an answer; empty otherwise. */
    Optional<Download> prefetch(Incoming.Text message) {
        if (message.files().isEmpty()) {
            return Optional.empty();
        }
        ChatAddress account = message.chat();
        long userId = message.from().userId();
        Optional<Conversation> collecting;
        try {
            collecting = conversations.of(account)
                    .filter(c -> c.state() == Conversation.State.COLLECTING_ATTACHMENTS
                            || c.state() == Conversation.State.COLLECTING_MATERIALS);
        } catch (RuntimeException e) {
            return Optional.empty(); // the database is unreachable: the update's transaction will fail and retry
        }
        if (collecting.isEmpty()) {
            return Optional.empty();
        }
        Announced file = new Announced(account.messenger(), message.files().get(0));
        long used = collecting.get().attachedFiles().stream().mapToLong(Conversation.AttachedFile::sizeBytes).sum();
        if (file.declaredSize() != null && (file.declaredSize() > maxFileBytes
                || used + file.declaredSize() > maxAnswerBytes())) {
            log.info("Refused a file of {} bytes from {} user {}: over the limit", file.declaredSize(),
                    account.messenger(), userId);
            return Optional.of(Download.refused(file, file.declaredSize() > maxFileBytes && file.video()
                    ? videoTooLarge(account.messenger(), file.declaredSize()) : tooLarge()));
        }
        FileSource download = sources.get(account.messenger());
        if (download == null) {
            return Optional.of(Download.refused(file, Words.NOT_RECEIVED.text(account.messenger().displayName())));
        }
        byte[] content;
        try {
            content = download.fetch(file.file(), Math.min(maxFileBytes, maxAnswerBytes() - used));
        } catch (IOException e) {
            log.warn("Could not download a file from {} user {}: {}", account.messenger(), userId,
                    safe(e.getMessage()));
            // "larger": the download passed the limit; "too big": the Bot API would not hand the file out at all
            boolean larger = e.getMessage() != null && (e.getMessage().contains("larger")
                    || e.getMessage().contains("too big"));
            return Optional.of(Download.refused(file, !larger
                    ? Words.NOT_RECEIVED.text(account.messenger().displayName())
                    : file.video() ? videoTooLarge(account.messenger(), null) : tooLarge()));
        }
        Optional<String> type = FileTypes.sniff(content);
        if (type.isEmpty()) {
            log.info("Refused a file from {} user {}: its content is not JPG, PNG, TIFF, PDF, MP4 or MOV",
                    account.messenger(), userId);
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

    /**
     * Over the limit: Telegram's Bot API hands a bot files of at most 20 MB (more only through a self-hosted server),
     * which is said only to someone writing in Telegram.
     */
    String videoTooLarge(MessengerKind messenger, Long size) {
        boolean telegramsLimit = messenger == MessengerKind.TELEGRAM && maxFileBytes == BOT_API_LIMIT;
        String limit = (telegramsLimit ? Words.VIDEO_LIMIT_OF_TELEGRAM : Words.VIDEO_LIMIT)
                .text(megabytes(maxFileBytes));
        return size == null ? Words.VIDEO_TOO_LARGE.text(limit)
                : Words.VIDEO_OF_SIZE_TOO_LARGE.text(megabytes(size), limit);
    }

    private static String megabytes(long bytes) {
        double mb = bytes / 1024.0 / 1024.0;
        return mb == Math.rint(mb) ? Long.toString((long) mb)
                : String.format(java.util.Locale.ROOT, "%.1f", mb).replace('.', ',');
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
