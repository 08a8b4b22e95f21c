package ru.appealdesk.bot.inbound;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import ru.appealdesk.bot.dialogs.Conversation;

interface ProcessedUpdates extends org.springframework.data.repository.Repository<Conversation, Long> {

    /** Records an update's key in its messenger; 0 when it was handled before. */
    @Modifying
    @Query(value = "insert into processed_update (messenger, update_id, processed_at) values (?1, ?2, ?3) "
            + "on conflict do nothing", nativeQuery = true)
    int markProcessed(String messenger, String updateKey, Instant at);
}
