package ru.appealdesk.bot.inbound;

import java.util.Set;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;

/** The presses of some buttons, by job: what the press does and the toast that answers it. */
interface PressHandler {

    /** The actions it answers; every action but the plain ones has exactly one handler ({@link Presses} checks). */
    Set<Action> actions();

    /** Carries out the press and returns the toast; a {@code TransitionRefused} is explained by {@link Presses}. */
    String press(Inbound in, Callback cb);
}
