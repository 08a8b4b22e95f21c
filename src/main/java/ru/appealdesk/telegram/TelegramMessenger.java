package ru.appealdesk.telegram;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaDocument;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaVideo;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.appealdesk.delivery.Button;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.delivery.Messenger;
import ru.appealdesk.delivery.MessengerException;
import ru.appealdesk.chat.MessengerKind;

/**
 * The outbox's {@link Messenger} on the Telegram Bot API: HTML parse mode, inline keyboards, photos, videos and
 * documents by file_id, URL or upload; TelegramBots' request types stay here. Telegram's errors become {@link
 * MessengerException}s: 429 waits retry_after, 5xx and no answer are transient, 403 / "chat not found" / "user is
 * deactivated" mean the chat is unreachable, a callback query "too old" has expired, "message is not modified" is
 * no error, anything else is refused.
 */
class TelegramMessenger implements Messenger {

    /** Telegram's limit for a message text. */
    static final int TEXT_LIMIT = 4096;

    private final TelegramClient telegram;

    TelegramMessenger(TelegramClient telegram) {
        this.telegram = telegram;
    }

    @Override
    public MessengerKind kind() {
        return MessengerKind.TELEGRAM;
    }

    @Override
    public int textLimit() {
        return TEXT_LIMIT;
    }

    @Override
    public String send(long chatId, String html, List<List<Button>> keyboard) throws MessengerException {
        return String.valueOf(call(SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML)
                .replyMarkup(markup(keyboard)).build(), false).getMessageId());
    }

    @Override
    public void edit(long chatId, String messageId, String html, List<List<Button>> keyboard)
            throws MessengerException {
        try {
            telegram.execute(EditMessageText.builder().chatId(chatId).messageId(Integer.valueOf(messageId)).text(html)
                    .parseMode(ParseMode.HTML).replyMarkup(markup(keyboard)).build());
        } catch (TelegramApiException e) {
            if (!TelegramErrors.notModified(e)) {
                throw TelegramErrors.translate(e, false);
            }
        }
    }

    /** Photos and videos, then documents: one at a time alone or when uploaded, as albums of up to ten otherwise. */
    @Override
    public void sendFiles(long chatId, List<Attachment> files) throws MessengerException {
        for (boolean visual : new boolean[] {true, false}) {
            List<Attachment> group = files.stream().filter(f -> f.kind().visual() == visual).toList();
            for (int from = 0; from < group.size(); from += 10) {
                List<Attachment> part = group.subList(from, Math.min(group.size(), from + 10));
                if (part.size() == 1 || part.stream().anyMatch(Attachment::upload)) {
                    // uploads go one by one: an album of new files would need every file attached by name
                    for (Attachment f : part) {
                        sendOne(chatId, f);
                    }
                } else {
                    List<InputMedia> items = new ArrayList<>();
                    for (Attachment f : part) {
                        items.add(f.kind() == FileKind.PHOTO ? InputMediaPhoto.builder().media(f.ref()).build()
                                : f.kind() == FileKind.VIDEO ? InputMediaVideo.builder().media(f.ref()).build()
                                : InputMediaDocument.builder().media(f.ref()).build());
                    }
                    run(() -> telegram.execute(SendMediaGroup.builder().chatId(chatId).medias(items).build()));
                }
            }
        }
    }

    @Override
    public void answerCallback(String callbackId, String text, boolean alert) throws MessengerException {
        call(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).showAlert(alert).build(), true);
    }

    @Override
    public void setMenuButton(long chatId, Button miniApp) throws MessengerException {
        call(SetChatMenuButton.builder().chatId(chatId).menuButton(MenuButtonWebApp.builder().text(miniApp.text())
                .webAppInfo(new WebAppInfo(miniApp.webApp())).build()).build(), false);
    }

    private void sendOne(long chatId, Attachment f) throws MessengerException {
        InputFile input = f.upload() ? new InputFile(new java.io.ByteArrayInputStream(f.content()), f.name())
                : new InputFile(f.ref());
        switch (f.kind()) {
            case PHOTO -> run(() -> telegram.execute(SendPhoto.builder().chatId(chatId).photo(input).build()));
            case VIDEO -> run(() -> telegram.execute(SendVideo.builder().chatId(chatId).video(input).build()));
            case DOCUMENT -> run(() -> telegram.execute(SendDocument.builder().chatId(chatId).document(input)
                    .build()));
        }
    }

    private <T extends Serializable> T call(BotApiMethod<T> method, boolean callback) throws MessengerException {
        try {
            return telegram.execute(method);
        } catch (TelegramApiException e) {
            throw TelegramErrors.translate(e, callback);
        }
    }

    /** A call of an overload {@link #call} cannot take (multipart uploads, albums). */
    private interface Call {
        Object run() throws TelegramApiException;
    }

    private static void run(Call call) throws MessengerException {
        try {
            call.run();
        } catch (TelegramApiException e) {
            throw TelegramErrors.translate(e, false);
        }
    }

    private static InlineKeyboardButton button(Button b) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> button = InlineKeyboardButton.builder().text(b.text());
        if (b.webApp() != null) {
            return button.webApp(new WebAppInfo(b.webApp())).build();
        }
        if (b.page() != null) {
            // a dashboard page opens as the Mini App, which signs the reader in; Telegram opens those over HTTPS only
            return b.page().startsWith("https://") ? button.webApp(new WebAppInfo(b.page())).build()
                    : button.url(b.page()).build();
        }
        return b.url() != null ? button.url(b.url()).build() : button.callbackData(b.data()).build();
    }

    private static InlineKeyboardMarkup markup(List<List<Button>> keyboard) {
        if (keyboard == null) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.stream().map(row -> new InlineKeyboardRow(row.stream()
                .map(TelegramMessenger::button)
                .toList())).toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
