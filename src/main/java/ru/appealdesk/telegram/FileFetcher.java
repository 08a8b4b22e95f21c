package ru.appealdesk.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.appealdesk.chat.FileSource;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.MessengerKind;

/**
 * Downloads a file a person sent: {@code getFile}, then {@code <TELEGRAM_API_URL>/file/bot<token>/<path>} (the
 * library's own download hardcodes api.telegram.org), within an overall deadline. Called outside any database
 * transaction.
 */
public class FileFetcher implements FileSource {

    private final TelegramClient telegram;
    private final OkHttpClient http;
    private final TelegramProperties properties;
    private final Duration deadline;

    FileFetcher(TelegramClient telegram, OkHttpClient http, TelegramProperties properties, Duration deadline) {
        this.telegram = telegram;
        this.http = http;
        this.properties = properties;
        this.deadline = deadline;
    }

    /** The Bot API hands a bot files of at most 20 MB (more only through a self-hosted Bot API server). */
    static final long BOT_API_LIMIT = 20L * 1024 * 1024;

    @Override
    public MessengerKind messenger() {
        return MessengerKind.TELEGRAM;
    }

    @Override
    public long downloadLimit() {
        return BOT_API_LIMIT;
    }

    @Override
    public byte[] fetch(IncomingFile incoming, long maxBytes) throws IOException {
        return fetch(incoming.ref(), maxBytes);
    }

    public byte[] fetch(String fileId, long maxBytes) throws IOException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a file download must not hold a database transaction open");
        }
        File file;
        try {
            file = telegram.execute(new GetFile(fileId));
        } catch (TelegramApiException e) {
            throw new IOException("getFile failed: " + e.getMessage(), e);
        }
        if (file.getFilePath() == null) {
            throw new IOException("the Bot API gave no file_path for the file");
        }
        Request request = new Request.Builder().url(properties.fileUrl(file.getFilePath())).build();
        Call call = http.newCall(request);
        call.timeout().timeout(deadline.toMillis(), TimeUnit.MILLISECONDS); // the whole download, not each read
        try (Response response = call.execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("file download answered HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IOException("the file is larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        }
    }
}
