package ru.appealdesk.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.Video;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.Sender;

/**
 * A Telegram update in no messenger's terms: a message (its text — never a caption —, its photo — the largest
 * size —, video or document, or what the bot does not take) or a button press; anything else is {@link
 * Incoming.Other}. The key is the {@code update_id}.
 */
final class TelegramUpdates {

    private TelegramUpdates() {
    }

    static Incoming of(Update update) {
        String key = String.valueOf(update.getUpdateId());
        if (update.hasCallbackQuery()) {
            return press(key, update.getCallbackQuery());
        }
        Message m = update.getMessage();
        if (m == null) {
            return new Incoming.Other(key, null, ChatAddress.telegram(0), false, "not a message");
        }
        boolean privateChat = m.getChat() != null && m.getChat().isUserChat();
        ChatAddress chat = ChatAddress.telegram(m.getChatId() == null ? 0 : m.getChatId());
        Sender from = sender(m.getFrom());
        // a caption is never the text: the bot takes a photo, video or document for its file, and a message it does
        // not take (a voice message, an audio) must not pass its caption off as a command or a dialog's answer
        String text = m.hasText() ? m.getText() : null;
        List<IncomingFile> files = new ArrayList<>();
        String unsupported = null;
        if (m.hasPhoto()) {
            PhotoSize largest = m.getPhoto().stream()
                    .max(Comparator.comparingInt(p -> p.getWidth() * p.getHeight())).orElseThrow();
            files.add(new IncomingFile(FileKind.PHOTO, largest.getFileId(), "photo_" + largest.getFileUniqueId()
                    + ".jpg", largest.getFileSize() == null ? null : largest.getFileSize().longValue(), "image/jpeg",
                    m.getMediaGroupId()));
        } else if (m.hasVideo()) {
            Video video = m.getVideo();
            String name = video.getFileName() == null || video.getFileName().isBlank()
                    ? "video_" + video.getFileUniqueId() + ".mp4" : video.getFileName();
            files.add(new IncomingFile(FileKind.VIDEO, video.getFileId(), name, video.getFileSize(),
                    video.getMimeType(), m.getMediaGroupId()));
        } else if (m.hasDocument()) {
            Document document = m.getDocument();
            String name = document.getFileName() == null || document.getFileName().isBlank() ? "document"
                    : document.getFileName();
            files.add(new IncomingFile(FileKind.DOCUMENT, document.getFileId(), name, document.getFileSize(),
                    document.getMimeType(), m.getMediaGroupId()));
        } else if (m.hasVideoNote()) {
            unsupported = "video_note";
        } else if (!m.hasText()) {
            unsupported = "other";
        }
        return new Incoming.Text(key, from, chat, privateChat && from != null, text, files, unsupported);
    }

    private static Incoming press(String key, CallbackQuery q) {
        Sender from = sender(q.getFrom());
        MaybeInaccessibleMessage message = q.getMessage();
        boolean privateChat = message != null && message.getChat() != null && message.getChat().isUserChat();
        ChatAddress chat = ChatAddress.telegram(message != null && message.getChatId() != null ? message.getChatId()
                : q.getFrom() != null ? q.getFrom().getId() : 0);
        String messageId = message != null && message.getMessageId() != null
                ? String.valueOf(message.getMessageId()) : null;
        return new Incoming.Press(key, from, chat, privateChat, q.getId(), q.getData(), messageId);
    }

    private static Sender sender(User user) {
        return user == null ? null : new Sender(user.getId(), user.getFirstName());
    }
}
