package ru.appealdesk.delivery;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Button#page}: a page of the dashboard, in no messenger's terms; queued and read back as it was. */
class PageButtonTest {

    @Test
    void aPageButtonIsQueuedAndReadBackWithItsPageOnly() throws Exception {
        Button page = Button.page("Open the appeal", "https://appeals.example.test/app/?appeal=7");
        Outbox.Payload payload = Outbox.Payload.parse("{\"text\":\"<b>Card</b>\",\"keyboard\":[[{\"text\":\"Open the "
                + "appeal\",\"page\":\"https://appeals.example.test/app/?appeal=7\"}]],\"media\":null,"
                + "\"callbackQueryId\":null,\"alert\":null}");

        assertThat(payload.keyboard()).containsExactly(List.of(page));
        assertThat(page.data()).isNull();
        assertThat(page.url()).isNull();
        assertThat(page.webApp()).isNull();
        assertThat(Outbox.Payload.parse(payload.json()).keyboard()).containsExactly(List.of(page));
    }

    @Test
    void aPageIsAnAbsoluteHttpAddressAndTheOnlyTarget() {
        assertThatThrownBy(() -> Button.page("x", "/app/?appeal=7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Button("x", "d:1:2", null, null, "https://a.example/app/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Button.page("x", "http://localhost:8080/app/?appeal=7").page()).startsWith("http://");
    }
}
