package ru.appealdesk.bot.inbound;

import java.util.Set;

/** Commands of the chat, by job: the names they answer to and what they do. */
interface ChatCommand {

    /** The names without the slash, e.g. {@code my}; every name has one command ({@link Commands} checks). */
    Set<String> names();

    /** Runs the command {@code name} with what follows it ({@code ""} if nothing). */
    void run(Inbound in, String name, String argument);
}
