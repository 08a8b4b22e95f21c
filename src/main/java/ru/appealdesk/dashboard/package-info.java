/**
 * The dashboard (PRODUCT.md §12): the web page at {@code /app/} and its JSON under {@code /app/api/}, opened as a
 * Telegram Mini App (initData checked with the bot token) or in a browser after a one-time login link.
 */
package ru.appealdesk.dashboard;
