package ru.appealdesk.chat;

import java.util.Map;

/**
 * Where updates from every messenger go, by long polling or by webhook: the bot. Throwing means "not handled":
 * the update is not confirmed and the messenger delivers it again.
 */
public interface UpdateSink {

    void handle(Incoming update);

    /** The command menu (command without the slash, its description) registered with a messenger on start-up. */
    Map<String, String> commands();
}
