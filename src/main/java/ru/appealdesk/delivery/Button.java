package ru.appealdesk.delivery;

import java.nio.charset.StandardCharsets;

/**
 * An inline button: its label and either its callback data (at most 64 bytes), a {@code url} to open, or a
 * {@code webApp} URL opened as the messenger's Mini App (HTTPS only, private chats only). The limits are the
 * strictest of the messengers' (Telegram: 64 bytes of callback data).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Button(String text, String data, String url, String webApp) {

    public Button {
        int targets = (data == null ? 0 : 1) + (url == null ? 0 : 1) + (webApp == null ? 0 : 1);
        if (targets != 1) {
            throw new IllegalArgumentException("a button has exactly one of callback data, url, web app: " + text);
        }
        if (data != null && data.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("callback data longer than 64 bytes: " + data);
        }
        if (webApp != null && !webApp.startsWith("https://")) {
            throw new IllegalArgumentException("a Mini App opens only over HTTPS: " + webApp);
        }
    }

    /** A button that comes back as a callback query with {@code data}. */
    public Button(String text, String data) {
        this(text, data, null, null);
    }

    /** A button that opens {@code url} in the browser. */
    public static Button link(String text, String url) {
        return new Button(text, null, url, null);
    }

    /** A button that opens {@code url} as a Mini App inside the messenger. */
    public static Button miniApp(String text, String url) {
        return new Button(text, null, null, url);
    }
}
