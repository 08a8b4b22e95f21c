package ru.appealdesk.delivery;

import java.util.Optional;

/** Where an edit goes: the messenger's id of the keyed message, as the owner of the key recorded it. */
public interface SentMessages {

    /** Empty while the keyed message has not gone out. */
    Optional<String> messageIdOf(long key);
}
