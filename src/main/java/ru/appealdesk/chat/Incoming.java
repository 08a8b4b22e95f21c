package ru.appealdesk.chat;

import java.util.List;

/**
 * An update from a messenger in no messenger's terms. {@code key} identifies it within its messenger, so a
 * redelivered update is handled once (Telegram: the update_id; MAX: the message id or the callback id); {@code chat}
 * is where it happened and {@code privateChat} whether that is the private chat between the bot and {@code from}
 * (only those count; groups and channels are dropped).
 */
public sealed interface Incoming permits Incoming.Text, Incoming.Press, Incoming.Other {

    String key();

    Sender from();

    ChatAddress chat();

    boolean privateChat();

    default MessengerKind messenger() {
        return chat().messenger();
    }

    /**
     * A message: its text (or caption; null if none), the files it carries and whether it holds something the
     * bot does not take (a sticker, a voice or video note: {@code unsupported} names it).
     */
    record Text(String key, Sender from, ChatAddress chat, boolean privateChat, String text,
                List<IncomingFile> files, String unsupported) implements Incoming {

        public Text {
            files = files == null ? List.of() : List.copyOf(files);
        }

        public boolean command() {
            return text != null && text.startsWith("/");
        }
    }

    /**
     * A button press: the callback to answer, the button's data and the message it was on (null for a press on
     * an inline message or one the messenger did not name).
     */
    record Press(String key, Sender from, ChatAddress chat, boolean privateChat, String callbackId, String data,
                 String messageId) implements Incoming {
    }

    /** Anything else worth recording as handled (a chat the bot was added to, a person who stopped the bot). */
    record Other(String key, Sender from, ChatAddress chat, boolean privateChat, String what) implements Incoming {
    }
}
