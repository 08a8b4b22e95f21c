package ru.appealdesk.telegram;

import java.util.List;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * Where updates from Telegram go, by long polling or by webhook: the bot. Throwing means "not handled": the update
 * is not confirmed and Telegram delivers it again.
 */
public interface UpdateSink {

    void handle(Update update);

    /** The command menu registered at Telegram on start-up. */
    List<BotCommand> commands();
}
