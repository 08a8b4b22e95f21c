/**
 * A shared module every other module may use: how a value that came from outside (a request, a header, a Telegram
 * message, a file, a remote error) is written into a log line, so that nobody can forge log lines.
 */
package ru.appealdesk.logging;
