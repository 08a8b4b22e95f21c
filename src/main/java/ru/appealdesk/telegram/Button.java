package ru.appealdesk.telegram;

/** An inline button: its label and its callback data (at most 64 bytes). */
public record Button(String text, String data) {

    public Button {
        if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("callback data longer than 64 bytes: " + data);
        }
    }
}
