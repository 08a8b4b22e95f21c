package ru.appealdesk.bot.notifications;

import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardRepository;
import ru.appealdesk.bot.cards.CardFiles;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.workflow.ApplicantPhotos;

/**
 * An applicant's photo is fetched after the appeal's first cards went out: once stored, it follows them to every
 * chat that holds a live card of the appeal that shows the applicant's photos (the executor's, the coordinators'
 * for an unrouted appeal, a co-executor's), uploaded.
 */
@Component
class LatePhotos {

    /** The cards that come with the applicant's photos ({@link StepCards}). */
    private static final Set<Card.Kind> WITH_PHOTOS = Set.of(Card.Kind.EXECUTOR, Card.Kind.ACCEPTED,
            Card.Kind.UNROUTED, Card.Kind.CO_EXECUTOR);

    private final CardRepository cards;
    private final CardFiles files;
    private final Outbox outbox;

    LatePhotos(CardRepository cards, CardFiles files, Outbox outbox) {
        this.cards = cards;
        this.files = files;
        this.outbox = outbox;
    }

    @EventListener
    void on(ApplicantPhotos.Stored stored) {
        cards.activeOf(stored.appealId()).stream().filter(c -> WITH_PHOTOS.contains(c.kind())).map(Card::chat)
                .distinct().forEach(chat -> files.uploadedPhoto(stored.fileId())
                        .ifPresent(photo -> outbox.media(chat, List.of(photo), Outbox.PRIORITY_CARD)));
    }
}
