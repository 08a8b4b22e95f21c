package ru.appealdesk.telegram;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaDocument;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaVideo;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Bot API calls the outbox makes, in the application's terms (HTML text, {@link Button} rows, photos and
 * documents by URL or file_id); TelegramBots' request types stay in this module. Failures are {@link
 * BotApiException}s carrying Telegram's code, description and retry_after.
 */
public class BotApi {

    /**
     * A photo, video or document ({@code kind} {@code PHOTO}, {@code VIDEO}, {@code DOCUMENT}): a URL or a Telegram
     * file_id, or a file to upload ({@code content} and its name).
     */
    public record Media(String kind, String ref, byte[] content, String fileName) {

        public Media(String kind, String ref) {
            this(kind, ref, null, null);
        }

        boolean photo() {
            return "PHOTO".equals(kind);
        }

        boolean video() {
            return "VIDEO".equals(kind);
        }

        /** Photos and videos go together in albums; documents in albums of their own. */
        boolean visual() {
            return photo() || video();
        }

        boolean upload() {
            return content != null;
        }

        InputFile input() {
            return upload() ? new InputFile(new java.io.ByteArrayInputStream(content), fileName) : new InputFile(ref);
        }
    }

    private final TelegramClient telegram;

    BotApi(TelegramClient telegram) {
        this.telegram = telegram;
    }

    /** Sends HTML text with buttons (none if {@code keyboard} is null); returns Telegram's message id. */
    public int sendMessage(long chatId, String html, List<List<Button>> keyboard) throws BotApiException {
        return call(SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML)
                .replyMarkup(markup(keyboard)).build()).getMessageId();
    }

    /** Replaces a sent message's text and buttons (an empty {@code keyboard} removes them). */
    public void editMessage(long chatId, int messageId, String html, List<List<Button>> keyboard)
            throws BotApiException {
        Serializable ignored = call(EditMessageText.builder().chatId(chatId).messageId(messageId).text(html)
                .parseMode(ParseMode.HTML).replyMarkup(markup(keyboard)).build());
    }

    /** Sends photos and videos, then documents: one at a time alone, as albums of up to ten otherwise. */
    public void sendMedia(long chatId, List<Media> media) throws BotApiException {
        for (boolean visual : new boolean[] {true, false}) {
            List<Media> group = media.stream().filter(m -> m.visual() == visual).toList();
            for (int from = 0; from < group.size(); from += 10) {
                List<Media> part = group.subList(from, Math.min(group.size(), from + 10));
                if (part.size() == 1 || part.stream().anyMatch(Media::upload)) {
                    // uploads go one by one: an album of new files would need every file attached by name
                    for (Media m : part) {
                        sendOne(chatId, m);
                    }
                } else if (part.size() == 1) {
                    sendOne(chatId, part.get(0));
                } else {
                    List<InputMedia> items = new ArrayList<>();
                    for (Media m : part) {
                        items.add(m.photo() ? InputMediaPhoto.builder().media(m.ref()).build()
                                : m.video() ? InputMediaVideo.builder().media(m.ref()).build()
                                : InputMediaDocument.builder().media(m.ref()).build());
                    }
                    run(() -> telegram.execute(SendMediaGroup.builder().chatId(chatId).medias(items).build()));
                }
            }
        }
    }

    /** Answers a button press (a toast, or an alert the person must dismiss). */
    public void answerCallback(String callbackQueryId, String text, boolean alert) throws BotApiException {
        call(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).showAlert(alert).build());
    }

    private void sendOne(long chatId, Media m) throws BotApiException {
        if (m.photo()) {
            run(() -> telegram.execute(SendPhoto.builder().chatId(chatId).photo(m.input()).build()));
        } else if (m.video()) {
            run(() -> telegram.execute(SendVideo.builder().chatId(chatId).video(m.input()).build()));
        } else {
            run(() -> telegram.execute(SendDocument.builder().chatId(chatId).document(m.input()).build()));
        }
    }

    private <T extends Serializable> T call(BotApiMethod<T> method) throws BotApiException {
        try {
            return telegram.execute(method);
        } catch (TelegramApiException e) {
            throw translate(e);
        }
    }

    /** A call of an overload {@link #call} cannot take (multipart uploads). */
    private interface Call {
        Object run() throws TelegramApiException;
    }

    private static void run(Call call) throws BotApiException {
        try {
            call.run();
        } catch (TelegramApiException e) {
            throw translate(e);
        }
    }

    private static BotApiException translate(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
            Integer retryAfter = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
            return new BotApiException(request.getErrorCode(), String.valueOf(request.getApiResponse()), retryAfter,
                    e);
        }
        return new BotApiException(0, e.getMessage(), null, e);
    }

    private static InlineKeyboardButton button(Button b) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> button = InlineKeyboardButton.builder().text(b.text());
        if (b.webApp() != null) {
            return button.webApp(new WebAppInfo(b.webApp())).build();
        }
        return b.url() != null ? button.url(b.url()).build() : button.callbackData(b.data()).build();
    }

    /** Sets this chat's menu button to open {@code url} as a Mini App labelled {@code text}. */
    public void setMenuButton(long chatId, String text, String url) throws BotApiException {
        call(SetChatMenuButton.builder().chatId(chatId).menuButton(MenuButtonWebApp.builder().text(text)
                .webAppInfo(new WebAppInfo(url)).build()).build());
    }

    private static InlineKeyboardMarkup markup(List<List<Button>> keyboard) {
        if (keyboard == null) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.stream().map(row -> new InlineKeyboardRow(row.stream()
                .map(BotApi::button)
                .toList())).toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
