package ru.appealdesk.bot.dialogs;

import java.util.Set;

import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;

/** A dialog that owns some states of {@link Conversation}: a text typed in one of them is its to take. */
interface DialogOwner {

    /** The states it asks in; every state has exactly one owner ({@link Dialogs} checks at start-up). */
    Set<State> states();

    /** A text message while the conversation is in one of its states; a refusal is explained by {@link Dialogs}. */
    void text(Inbound in, Conversation c, String text);
}
