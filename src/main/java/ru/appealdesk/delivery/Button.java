package ru.appealdesk.delivery;

import java.nio.charset.StandardCharsets;

/**
 * An inline button: its label and either its callback data (at most 64 bytes), a {@code url} to open, a
 * {@code webApp} URL opened as the messenger's Mini App (HTTPS only, private chats only), or a {@code page} of the
 * service's own dashboard that the reader opens as themselves (see {@link #page}). The limits are the strictest of
 * the messengers' (Telegram: 64 bytes of callback data).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Button(String text, String data, String url, String webApp, String page) {

    public Button {
        int targets = (data == null ? 0 : 1) + (url == null ? 0 : 1) + (webApp == null ? 0 : 1)
                + (page == null ? 0 : 1);
        if (targets != 1) {
            throw new IllegalArgumentException("a button has exactly one of callback data, url, web app, page: "
                    + text);
        }
        if (data != null && data.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("callback data longer than 64 bytes: " + data);
        }
        if (webApp != null && !webApp.startsWith("https://")) {
            throw new IllegalArgumentException("a Mini App opens only over HTTPS: " + webApp);
        }
        if (page != null && !page.startsWith("https://") && !page.startsWith("http://")) {
            throw new IllegalArgumentException("a page is an absolute http(s) address: " + page);
        }
    }

    /** A button that comes back as a callback query with {@code data}. */
    public Button(String text, String data) {
        this(text, data, null, null, null);
    }

    /** A button that opens {@code url} in the browser. */
    public static Button link(String text, String url) {
        return new Button(text, null, url, null, null);
    }

    /** A button that opens {@code url} as a Mini App inside the messenger. */
    public static Button miniApp(String text, String url) {
        return new Button(text, null, null, url, null);
    }

    /**
     * A button that opens {@code url}, a page of the service's dashboard (e.g. one appeal's), for the person reading
     * the chat, signed in as themselves. Each messenger decides how: one with Mini Apps opens it as one (Telegram,
     * over HTTPS: the Mini App signs them in); one without makes it a link that signs them in first (a one-time login
     * link that lands on the page). The card that carries it says only which page.
     */
    public static Button page(String text, String url) {
        return new Button(text, null, null, null, url);
    }
}
