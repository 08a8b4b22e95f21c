package ru.appealdesk.bot.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.sla.Alerts.PostponedReassignDue;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealEvents.AppealAccepted;
import ru.appealdesk.workflow.AppealEvents.AppealAssigned;
import ru.appealdesk.workflow.AppealEvents.AppealRegistered;
import ru.appealdesk.workflow.AppealEvents.AppealReleased;
import ru.appealdesk.workflow.AppealEvents.AppealReturned;
import ru.appealdesk.workflow.AppealEvents.AppealSubstituted;
import ru.appealdesk.workflow.AppealEvents.PostponedConfirmed;
import ru.appealdesk.workflow.AppealEvents.PostponedReassigned;
import ru.appealdesk.workflow.AppealEvents.AppealMoved;
import ru.appealdesk.workflow.AppealEvents.RedirectRequested;
import ru.appealdesk.workflow.AppealEvents.ReturnRejected;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/**
 * Turns the workflow's events about who holds an appeal (registered, assigned, accepted, returned, released,
 * substituted, redirected, reassigned after a postponement) into messages, inside the transaction of the change:
 * closes the cards of the step that ended ({@link StepEnds}), tells those it concerns, and sends the cards of the
 * step that began ({@link StepCards}).
 */
@Component
class Notifier {

    private final Audience audience;
    private final StepEnds ends;
    private final QuietHours quiet;
    private final StepCards steps;
    private final CardTexts texts;
    private final AppealQueries appeals;

    Notifier(Audience audience, StepEnds ends, QuietHours quiet, StepCards steps, CardTexts texts,
             AppealQueries appeals) {
        this.audience = audience;
        this.ends = ends;
        this.quiet = quiet;
        this.steps = steps;
        this.texts = texts;
        this.appeals = appeals;
    }

    @EventListener
    void on(AppealRegistered e) {
        AppealView a = e.appeal();
        if (!e.routed()) {
            audience.coordinators().forEach(c -> steps.unroutedCard(a, c));
        }
        if (a.sociallySignificant()) {
            // seed 002 п.11, seed 004 п.25: a socially significant appeal goes to the head at once
            audience.heads().forEach(head -> audience.chatOf(head.id()).ifPresent(chat -> steps.send(a, chat,
                    EventCards.sociallySignificant(steps.facts(a, false)), null)));
        }
    }

    @EventListener
    void on(AppealAssigned e) {
        AppealView a = e.appeal();
        if (!e.atRegistration()) {
            ends.close(a, e.byStaffId() == null ? EventWords.LINE_ASSIGNED.text(texts.name(e.executorId()))
                    : EventWords.LINE_ASSIGNED_BY.text(texts.name(e.executorId()), texts.name(e.byStaffId())));
        }
        if (e.previousExecutorId() != null && !e.previousExecutorId().equals(e.executorId())) {
            steps.tell(e.previousExecutorId(), EventWords.ASSIGNED_TO_ANOTHER.text(Html.escape(a.number()),
                    Html.escape(texts.name(e.executorId()))));
        }
        steps.executorCard(a);
    }

    @EventListener
    void on(AppealAccepted e) {
        AppealView a = e.appeal();
        Runnable notify = () -> {
            ends.close(a, (e.automatic() ? EventWords.LINE_ACCEPTED_AUTOMATICALLY : EventWords.LINE_ACCEPTED).text());
            String title = (e.automatic() ? EventWords.ACCEPTED_AUTOMATICALLY : EventWords.ACCEPTED).text();
            steps.acceptedCard(a, title);
        };
        if (e.automatic()) {
            quiet.after(a, notify);
        } else {
            notify.run();
        }
    }

    @EventListener
    void on(AppealReleased e) {
        AppealView a = e.appeal();
        quiet.after(a, () -> {
            ends.close(a, EventWords.LINE_RELEASED.text());
            steps.tell(e.executorId(), EventWords.RELEASED.text(Html.escape(a.number())));
            audience.coordinators().forEach(c -> steps.unroutedCard(a, c));
        });
    }

    @EventListener
    void on(AppealReturned e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_RETURNED.text());
        steps.tell(e.executorId(), EventWords.RETURNED.text(Html.escape(a.number())));
        audience.coordinators().forEach(c -> steps.returnedCard(a, c, e.reason()));
    }

    @EventListener
    void on(ReturnRejected e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_RETURN_REJECTED.text(texts.name(e.coordinatorId())));
        steps.acceptedCard(a, EventWords.RETURN_REJECTED.text(Html.escape(texts.name(e.coordinatorId()))));
    }

    /** The executor is away: the substitute gets the card of the step the appeal is at (seed 002 п.4). */
    @EventListener
    void on(AppealSubstituted e) {
        AppealView a = e.appeal();
        // an absence begins at midnight: the cards wait for working time (PRODUCT.md §6)
        quiet.after(a, () -> {
            ends.close(a, EventWords.LINE_SUBSTITUTED.text(texts.name(e.substituteId()), texts.name(e.absentId())));
            switch (a.status()) {
                case ASSIGNED -> steps.executorCard(a);
                case POSTPONED -> steps.postponedCard(a);
                default -> steps.acceptedCard(a,
                        EventWords.SUBSTITUTING_TITLE.text(Html.escape(texts.name(e.absentId()))));
            }
        });
    }


    /** The same executor goes on with a postponed appeal: only the coordinators' cards close. */
    @EventListener
    void on(PostponedConfirmed e) {
        AppealView a = e.appeal();
        ends.close(a, Card.Kind.POSTPONED_REASSIGN, EventWords.LINE_EXECUTOR_CONFIRMED.text(
                texts.name(e.executorId()), texts.name(e.coordinatorId())));
        steps.tell(e.executorId(), EventWords.EXECUTOR_CONFIRMED.text(Html.escape(a.number())));
    }


    /** ПОС (seed 002 п.10): the share of the postponed period is left, the coordinators assign the executor. */
    @EventListener
    void on(PostponedReassignDue due) {
        appeals.find(due.appealId()).filter(a -> a.step() == due.step() && a.status() == AppealStatus.POSTPONED)
                .ifPresent(a -> audience.coordinators()
                        .forEach(c -> steps.postponedReassignCard(a, c)));
    }

    @EventListener
    void on(PostponedReassigned e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_POSTPONED_REASSIGNED.text(texts.name(e.executorId()),
                texts.name(e.coordinatorId())));
        if (e.previousExecutorId() != null && !e.previousExecutorId().equals(e.executorId())) {
            steps.tell(e.previousExecutorId(), EventWords.POSTPONED_ASSIGNED_TO_ANOTHER.text(Html.escape(a.number()),
                    Html.escape(texts.name(e.executorId()))));
        }
        steps.postponedCard(a);
    }

    @EventListener
    void on(RedirectRequested e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_REDIRECT_REQUESTED.text(texts.name(e.coordinatorId())));
        audience.moderators()
                .forEach(m -> steps.redirectReviewCard(a, m, e.whereAndWhy()));
    }

    @EventListener
    void on(AppealMoved e) {
        // a plain transition of the table: its own status line, then the next step's card to whoever owns it
        AppealView a = e.appeal();
        ends.close(a, e.transition().line().text(texts.name(e.actorId())));
        if (e.transition().to().isPresent()) {
            audience.stepOwners(a).forEach(owner -> audience.chatOf(owner.id())
                    .ifPresent(chat -> steps.showTo(a, owner, chat)));
        }
    }
}
