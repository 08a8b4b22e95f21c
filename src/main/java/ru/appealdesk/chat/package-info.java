/**
 * What comes in from a messenger, in no messenger's terms: a person's message or button press ({@link
 * ru.appealdesk.chat.Incoming}), the files they sent ({@link ru.appealdesk.chat.IncomingFile}, fetched through the
 * messenger's {@link ru.appealdesk.chat.FileSource}), and where it goes ({@link ru.appealdesk.chat.UpdateSink}, the
 * bot). The Telegram and MAX adapters produce it; the bot consumes it.
 */
package ru.appealdesk.chat;
