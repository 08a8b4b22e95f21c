package ru.appealdesk.bot.notifications;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardMessages;
import ru.appealdesk.bot.cards.CardRepository;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/**
 * Closes the cards of a step that ended: each live copy ends with what happened and who acted, and loses its
 * buttons.
 */
@Component
class StepEnds {

    private final CardRepository cards;
    private final CardMessages cardMessages;
    private final CardTexts texts;

    StepEnds(CardRepository cards, CardMessages cardMessages, CardTexts texts) {
        this.cards = cards;
        this.cardMessages = cardMessages;
        this.texts = texts;
    }

    /** The step's cards end with {@code statusLine} and the time the new step began. */
    void close(AppealView a, String statusLine) {
        String line = "<i>" + Html.escape(statusLine) + ", " + texts.time(a.stepStartedAt()) + "</i>";
        // a co-executor's card and materials draft stay live until the appeal is closed (PRODUCT.md §10)
        cards.activeOf(a.id()).stream().filter(card -> a.status() == AppealStatus.CLOSED || card.kind() == null
                || !card.kind().outlivesSteps()).forEach(card -> cardMessages.close(card, line));
    }

    /** Only the cards of this kind end, with {@code statusLine} as it is. */
    void close(AppealView a, Card.Kind kind, String statusLine) {
        String line = "<i>" + Html.escape(statusLine) + "</i>";
        cards.activeOf(a.id()).stream().filter(c -> c.kind() == kind).forEach(c -> cardMessages.close(c, line));
    }
}
