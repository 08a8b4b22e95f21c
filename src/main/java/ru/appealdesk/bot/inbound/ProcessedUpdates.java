package ru.appealdesk.bot.inbound;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import ru.appealdesk.bot.dialogs.Conversation;

interface ProcessedUpdates extends org.springframework.data.repository.Repository<Conversation, Long> {

    /** Records an update id; 0 when it was handled before. */
    @Modifying
    @Query(value = "insert into processed_update (update_id, processed_at) values (?1, ?2) "
            + "on conflict do nothing", nativeQuery = true)
    int markProcessed(long updateId, Instant at);
}
