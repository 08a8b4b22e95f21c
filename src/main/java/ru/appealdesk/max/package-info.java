/**
 * The MAX messenger (PRODUCT.md §14): the outbox's messenger on MAX's Bot API ({@code MaxMessenger}), MAX's updates
 * as {@link ru.appealdesk.chat.Incoming} by long polling or by webhook ({@code POST /max/webhook}), the files people
 * send ({@link ru.appealdesk.chat.FileSource}), health and settings ({@link ru.appealdesk.max.MaxProperties}).
 * There is no released official Java client for MAX's Bot API (the official one names only a snapshot version), so
 * this is a thin adapter over Spring's {@code RestClient} with records written by hand against the schema (API
 * 0.0.32; a copy is in the test resources, {@code max/max-bot-api.yaml}), only for what AppealDesk uses.
 */
package ru.appealdesk.max;
