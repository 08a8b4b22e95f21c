/**
 * A shared module every other module may use: the one catalog of the words a person reads (chat, dashboard,
 * workbooks, problem details), {@code messages_ru.properties}, behind typed keys ({@link ru.appealdesk.text.Text}).
 */
package ru.appealdesk.text;
