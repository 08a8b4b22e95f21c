package ru.appealdesk.max;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.Sender;
import ru.appealdesk.support.FakeMax;

import static org.assertj.core.api.Assertions.assertThat;

/** Each of MAX's update bodies (the copied examples, as long polling and as webhook) as the bot gets it. */
class MaxUpdatesTest {

    private static final Sender JOHN = new Sender(123456789L, "John Doe");

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("bot_added", Incoming.Other.class, false),
                Arguments.of("bot_removed", Incoming.Other.class, false),
                Arguments.of("bot_started", Incoming.Text.class, true),
                Arguments.of("bot_stopped", Incoming.Other.class, true),
                Arguments.of("chat_title_changed", Incoming.Other.class, false),
                Arguments.of("dialog_cleared", Incoming.Other.class, true),
                Arguments.of("dialog_muted", Incoming.Other.class, true),
                Arguments.of("dialog_removed", Incoming.Other.class, true),
                Arguments.of("dialog_unmuted", Incoming.Other.class, true),
                Arguments.of("message_callback", Incoming.Press.class, true),
                Arguments.of("message_created", Incoming.Text.class, false),
                Arguments.of("message_edited", Incoming.Other.class, true),
                Arguments.of("message_removed", Incoming.Other.class, false),
                Arguments.of("user_added", Incoming.Other.class, false),
                Arguments.of("user_removed", Incoming.Other.class, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleMapsAsPolledAndAsPosted(String type, Class<? extends Incoming> kind, boolean dialog)
            throws IOException {
        JsonNode polled = FakeMax.example("update." + type + ".json").get("updates").get(0);
        JsonNode posted = FakeMax.example("webhook." + type + ".json");

        Incoming update = MaxUpdates.parse(polled);

        assertThat(update).isInstanceOf(kind);
        assertThat(update.privateChat()).as("private").isEqualTo(dialog);
        assertThat(MaxUpdates.parse(posted)).isEqualTo(update);
        assertThat(update.chat().messenger()).isEqualTo(ru.appealdesk.chat.MessengerKind.MAX);
        if (update instanceof Incoming.Other other) {
            assertThat(other.what()).isEqualTo(type);
        }
    }

    @Test
    void aMessageIsTextKeyedByItsMid() throws IOException {
        Incoming.Text text = (Incoming.Text) MaxUpdates.parse(FakeMax.example("update.message_created.json")
                .get("updates").get(0));

        assertThat(text.key()).isEqualTo("m:mid.ffffbdb48e6c3775019d496b34394b84");
        assertThat(text.from()).isEqualTo(JOHN);
        assertThat(text.chat()).isEqualTo(ChatAddress.max(123456789L));
        assertThat(text.text()).isEqualTo("...");
        assertThat(text.privateChat()).as("a group chat (chat_type chat)").isFalse();
        assertThat(text.files()).isEmpty();
        assertThat(text.unsupported()).isNull();
    }

    @Test
    void aPressCarriesTheCallbackItsPayloadAndTheMessage() throws IOException {
        Incoming.Press press = (Incoming.Press) MaxUpdates.parse(FakeMax.example("webhook.message_callback.json"));

        String id = "f9LHodD0cOJf4_DkJGeq8BkDgc5vgSwZocVrn44oirfMzUQ4mv5k_h1-yQvExmZNjV7gVcaO2Z3Gv6LJpZQ-nj_0H"
                + "TcX7NwSdT4fDtXou9i0A51TjSj9";
        assertThat(press).isEqualTo(new Incoming.Press("c:" + id, JOHN, ChatAddress.max(123456789L), true, id,
                "picture", "mid.000000000adf429c019d47d58f2b3d9e"));
    }

    @Test
    void botStartedIsStartWithTheDeepLinksPayload() throws IOException {
        Incoming.Text plain = (Incoming.Text) MaxUpdates.parse(FakeMax.example("webhook.bot_started.json"));
        Incoming.Text invite = (Incoming.Text) MaxUpdates.parse(ours("bot_started.deep_link.json"));

        assertThat(plain.text()).isEqualTo("/start");
        assertThat(plain.key()).isEqualTo("s:123456789:1775025604499");
        assertThat(plain.command()).isTrue();
        assertThat(invite.text()).isEqualTo("/start inv-7Qx2Lp");
        assertThat(invite.chat()).isEqualTo(ChatAddress.max(123456789L));
        assertThat(invite.privateChat()).isTrue();
    }

    @Test
    void filesInADialogAreTakenByTheirUrlAndAStickerIsNamedUnsupported() throws IOException {
        Incoming.Text text = (Incoming.Text) MaxUpdates.parse(ours("message_created.dialog_with_files.json"));

        assertThat(text.privateChat()).isTrue();
        assertThat(text.text()).isEqualTo("Pothole fixed, photos attached");
        assertThat(text.files()).containsExactly(
                new IncomingFile(FileKind.PHOTO, "https://i.oneme.ru/i?r=photo1", "photo_9001.jpg", null, null, null),
                new IncomingFile(FileKind.VIDEO, "https://vd.okcdn.ru/?id=video1", "video_3b6c9df7.mp4", null, null,
                        null),
                new IncomingFile(FileKind.DOCUMENT, "https://fd.oneme.ru/getfile?id=file1", "act.pdf", 52344L, null,
                        null));
        assertThat(text.unsupported()).isEqualTo("sticker");
    }

    @Test
    void theFakesOwnUpdatesMapLikeMaxs() throws IOException {
        try (FakeMax max = new FakeMax()) {
            Incoming.Text text = (Incoming.Text) MaxUpdates.parse(max.textFrom(42L, "/my"));
            assertThat(text.command()).isTrue();
            assertThat(text.privateChat()).isTrue();
            assertThat(text.chat()).isEqualTo(ChatAddress.max(42L));
            Incoming.Press press = (Incoming.Press) MaxUpdates.parse(max.pressFrom(42L,
                    new FakeMax.Sent("mid.7", 42L, "t", "html", null, List.of()), "a:1"));
            assertThat(press.data()).isEqualTo("a:1");
            assertThat(press.messageId()).isEqualTo("mid.7");
        }
    }

    private static JsonNode ours(String name) throws IOException {
        try (InputStream in = MaxUpdatesTest.class.getResourceAsStream("/max/ours/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
