package ru.appealdesk.max;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.appealdesk.chat.FileSource;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.MessengerKind;

/**
 * Downloads a file a person sent in MAX from its attachment URL (MAX's CDN; no token needed, none sent), within an
 * overall deadline and a size bound checked while the bytes arrive. Called outside any database transaction.
 */
class MaxFiles implements FileSource {

    /** MAX takes files of up to 4 GB; what the bot takes is bounded by its own setting. */
    static final long DOWNLOAD_LIMIT = 4L * 1024 * 1024 * 1024;

    private final HttpClient http;
    private final Duration deadline;

    MaxFiles(HttpClient http, Duration deadline) {
        this.http = http;
        this.deadline = deadline;
    }

    @Override
    public MessengerKind messenger() {
        return MessengerKind.MAX;
    }

    @Override
    public long downloadLimit() {
        return DOWNLOAD_LIMIT;
    }

    @Override
    public byte[] fetch(IncomingFile file, long maxBytes) throws IOException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a file download must not hold a database transaction open");
        }
        return download(file.ref(), maxBytes);
    }

    /** The bytes at an http(s) URL, at most {@code maxBytes} of them, within the deadline. */
    byte[] download(String url, long maxBytes) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL: " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("not an http(s) URL");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).GET().build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info -> info.statusCode() / 100 != 2
                ? HttpResponse.BodySubscribers.replacing(null) : new Bounded(maxBytes));
        try {
            HttpResponse<byte[]> response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 != 2 || response.body() == null) {
                throw new IOException("file download answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IOException("the file did not arrive within " + deadline);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Collects the body, failing as soon as it is longer than the bound. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the file is larger than " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
