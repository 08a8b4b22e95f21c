package ru.appealdesk.e2e;

/** {@link MessengerJourneys} in Telegram. */
class TelegramJourneysTest extends MessengerJourneys {
}
