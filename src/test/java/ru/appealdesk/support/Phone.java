package ru.appealdesk.support;

import java.util.List;
import java.util.function.Predicate;

import ru.appealdesk.chat.MessengerKind;

/**
 * A messenger as staff's phones see it, the same for Telegram and MAX: what a person sends or presses, and the
 * messages and answers the bot sent them (each message in its latest version after edits). The journeys that must
 * hold in every messenger are written once against this.
 */
public interface Phone {

    MessengerKind messenger();

    /** A person opens the bot with an invite code (Telegram: {@code /start <code>}; MAX: the link's payload). */
    void start(long userId, String code);

    void userSends(long userId, String text);

    void userSendsPhoto(long userId, byte[] jpeg);

    /** Presses the button with this label; returns the id of the press, to await its answer. */
    String press(long userId, Msg message, String label);

    /** A press with arbitrary button data (forged, or an old card's). */
    String pressData(long userId, Msg message, String data);

    List<Msg> messagesTo(long userId);

    Msg awaitMessage(long userId, Predicate<Msg> condition);

    /** The bot's answer to a press (its text, or null for a silent one). */
    String awaitAnswer(String pressId);

    /** Requests that broke the messenger's API description, since the last call. */
    List<String> takeViolations();

    /** Whether the fake has handed out every update and answered every call. */
    boolean idle();

    /** A message the bot sent: its id in the messenger, text (HTML as sent) and buttons. */
    record Msg(String id, long chatId, String text, List<List<Btn>> keyboard, boolean file) {

        public boolean hasButton(String label) {
            return keyboard.stream().flatMap(List::stream).anyMatch(b -> b.text().contains(label));
        }

        public Btn button(String label) {
            return keyboard.stream().flatMap(List::stream).filter(b -> b.text().contains(label)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button '" + label + "' in: " + text + " " + keyboard));
        }
    }

    /** A button: callback data, or a URL to open (a Mini App's in Telegram). */
    record Btn(String text, String data, String url) {
    }
}
