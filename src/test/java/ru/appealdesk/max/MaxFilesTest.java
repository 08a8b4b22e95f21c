package ru.appealdesk.max;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.support.FakeMax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file a person sent in MAX, fetched by its attachment URL: bounded, and never inside a transaction. */
class MaxFilesTest {

    private final FakeMax max = new FakeMax();
    private final MaxFiles files = new MaxClients(max).files;

    @AfterEach
    void close() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        max.close();
    }

    @Test
    void fetchesByUrlWithinTheBound() throws IOException {
        byte[] content = "%PDF-1.7 act".getBytes(StandardCharsets.UTF_8);
        IncomingFile file = new IncomingFile(FileKind.DOCUMENT, max.file("act.pdf", content), "act.pdf",
                (long) content.length, null, null);

        assertThat(files.messenger()).isEqualTo(MessengerKind.MAX);
        assertThat(files.fetch(file, 100)).isEqualTo(content);
        assertThatThrownBy(() -> files.fetch(file, 5)).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than 5 bytes");
        assertThatThrownBy(() -> files.fetch(new IncomingFile(FileKind.PHOTO, max.url() + "/files/none/x.jpg", null,
                null, null, null), 100)).isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> files.fetch(new IncomingFile(FileKind.PHOTO, "file:///etc/passwd", null, null,
                null, null), 100)).isInstanceOf(IOException.class);
        assertThat(max.calls()).as("no API call, no token: the URL is enough").isEmpty();
    }

    @Test
    void refusesToHoldATransactionOpen() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(() -> files.fetch(new IncomingFile(FileKind.PHOTO, max.file("a.jpg", new byte[1]), null,
                null, null, null), 100)).isInstanceOf(IllegalStateException.class);
    }
}
