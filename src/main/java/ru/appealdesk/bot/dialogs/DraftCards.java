package ru.appealdesk.bot.dialogs;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardMessages;
import ru.appealdesk.bot.cards.CardRepository;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.bot.inbound.IncomingFiles;
import ru.appealdesk.bot.notifications.Notices;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.workflow.AppealView;

/**
 * The answer dialog's buttons live on its latest message only: each new step (type chosen, text saved, file added,
 * files removed) retires the buttons of the dialog's earlier messages and sends them again under the new one.
 * A message not yet sent is simply not sent; one already sent is edited to lose its buttons.
 */
@Component
public class DraftCards {

    /** The kinds whose buttons live on the latest message of a dialog only. */
    public static final Set<Card.Kind> DIALOG = EnumSet.of(Card.Kind.ANSWER_TYPE, Card.Kind.ANSWER_DRAFT,
            Card.Kind.MATERIALS_DRAFT);
    private static final String MOVED_ON = Notices.DRAFT_MOVED_ON.text();
    /** Photos of one album arrive as separate updates: the confirmation waits for the rest of them. */
    static final Duration ALBUM_WAIT = Duration.ofMillis(1500);

    private final CardRepository cards;
    private final Outbox outbox;
    private final CardMessages cardMessages;
    private final IncomingFiles incomingFiles;

    DraftCards(CardRepository cards, Outbox outbox, CardMessages cardMessages, IncomingFiles incomingFiles) {
        this.cards = cards;
        this.outbox = outbox;
        this.cardMessages = cardMessages;
        this.incomingFiles = incomingFiles;
    }

    /** Removes the buttons of the dialog's earlier messages in this chat. */
    void retire(ChatAddress chat, long appealId) {
        for (Card card : cards.activeOf(appealId)) {
            if (card.chat().equals(chat) && DIALOG.contains(card.kind())) {
                cardMessages.retire(card, MOVED_ON);
            }
        }
    }

    /**
     * Sends the draft's message with the live buttons: «Отправить на согласование», and «Убрать вложения» once
     * there are files. {@code album}: held briefly so that the rest of an album replaces it.
     */
    void show(Inbound in, AppealView a, int step, String header, String body, int files, boolean album) {
        show(in, a, step, header, body, AnswerCards.draftButtons(a, step, files), album, Card.Kind.ANSWER_DRAFT);
    }

    /** The answer draft with its text: {@code lead}, the type and the files accepted over the text. */
    void showAnswer(Inbound in, Conversation c, AppealView a, String lead, String text) {
        show(in, a, c.step(), AnswerCards.draftHeader(a, lead, c.answerType(), incomingFiles.accepted()), text,
                c.attachedFiles().size(), false);
    }

    /** The same for another dialog with its own live buttons (a co-executor's materials). */
    void show(Inbound in, AppealView a, int step, String header, String body, List<List<Button>> keyboard,
              boolean album, Card.Kind kind) {
        retire(in.chat(), a.id());
        Runnable send = () -> cardMessages.send(in.chat(), header, body, keyboard, Outbox.PRIORITY_REPLY,
                kind, a.id(), step);
        if (album) {
            outbox.holdFor(ALBUM_WAIT, send);
        } else {
            send.run();
        }
    }
}
