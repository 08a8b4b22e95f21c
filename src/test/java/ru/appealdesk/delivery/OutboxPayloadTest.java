package ru.appealdesk.delivery;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import ru.appealdesk.chat.FileKind;

/** {@code outbound_message.payload}: rows queued before the messenger port still send, and new rows read the same. */
class OutboxPayloadTest {

    /** As the version before the port wrote them (telegram.Button, media kinds as strings). */
    static final String OLD_TEXT = "{\"text\":\"<b>Card</b>\",\"keyboard\":[[{\"text\":\"Take\",\"data\":\"a:1:2\"},"
            + "{\"text\":\"Open\",\"url\":\"https://example.org\"}],[{\"text\":\"App\",\"webApp\":\"https://x.example/app/\"}]],"
            + "\"media\":null,\"callbackQueryId\":null,\"alert\":null}";
    static final String OLD_MEDIA = "{\"text\":null,\"keyboard\":null,\"media\":[{\"kind\":\"PHOTO\",\"ref\":\"upload:"
            + "7f0e3c9a-2b1d-4c3e-9f10-1a2b3c4d5e6f\"},{\"kind\":\"VIDEO\",\"ref\":\"BAACAgIAAx\"},{\"kind\":\"DOCUMENT\","
            + "\"ref\":\"BQACAgIAAx\"}],\"callbackQueryId\":null,\"alert\":null}";
    static final String OLD_CALLBACK = "{\"text\":\"Done\",\"keyboard\":null,\"media\":null,\"callbackQueryId\":\"cb-9\","
            + "\"alert\":true}";

    @Test
    void oldRowsReadIntoTheNeutralTypes() throws Exception {
        Outbox.Payload text = Outbox.Payload.parse(OLD_TEXT);
        assertThat(text.text()).isEqualTo("<b>Card</b>");
        assertThat(text.keyboard()).containsExactly(
                List.of(new Button("Take", "a:1:2"), Button.link("Open", "https://example.org")),
                List.of(Button.miniApp("App", "https://x.example/app/")));

        assertThat(Outbox.Payload.parse(OLD_MEDIA).media()).containsExactly(
                new Outbox.Media(FileKind.PHOTO, "upload:7f0e3c9a-2b1d-4c3e-9f10-1a2b3c4d5e6f"),
                new Outbox.Media(FileKind.VIDEO, "BAACAgIAAx"), new Outbox.Media(FileKind.DOCUMENT, "BQACAgIAAx"));

        Outbox.Payload callback = Outbox.Payload.parse(OLD_CALLBACK);
        assertThat(callback.callbackQueryId()).isEqualTo("cb-9");
        assertThat(callback.alert()).isTrue();
    }

    @Test
    void newRowsAreWrittenInTheSameShape() throws Exception {
        for (String old : List.of(OLD_TEXT, OLD_MEDIA, OLD_CALLBACK)) {
            assertThat(Outbox.Payload.parse(old).json()).isEqualTo(old);
        }
    }
}
