package ru.appealdesk.directory;

/** A {@code bot-config/} file is missing or wrong; the message names the file, the line and the reason. */
public class BotConfigException extends RuntimeException {

    BotConfigException(String message) {
        super(message);
    }

    BotConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
