package ru.appealdesk.bot.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.cards.CardFiles;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealEvents.AnswerApproved;
import ru.appealdesk.workflow.AppealEvents.AnswerEdited;
import ru.appealdesk.workflow.AppealEvents.AnswerPreApproved;
import ru.appealdesk.workflow.AppealEvents.AnswerSentToRework;
import ru.appealdesk.workflow.AppealEvents.AnswerSubmitted;
import ru.appealdesk.workflow.AppealEvents.AppealClosed;
import ru.appealdesk.workflow.AppealEvents.AppealPostponed;
import ru.appealdesk.workflow.AppealEvents.AppealReopened;
import ru.appealdesk.workflow.AppealEvents.ReviewDelegated;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.HistoryType;
import ru.appealdesk.workflow.HistoryWords;
import ru.appealdesk.workflow.Resolution;

/**
 * Turns the workflow's events about the answer (submitted, postponed, delegated, edited, approved, sent to rework,
 * published, closed, reopened) into messages, as {@link Notifier} does for the appeal's holder.
 */
@Component
class AnswerNotifier {

    private final Audience audience;
    private final StepEnds ends;
    private final StepCards steps;
    private final CardTexts texts;
    private final CardFiles files;

    AnswerNotifier(Audience audience, StepEnds ends, StepCards steps, CardTexts texts, CardFiles files) {
        this.audience = audience;
        this.ends = ends;
        this.steps = steps;
        this.texts = texts;
        this.files = files;
    }

    @EventListener
    void on(AnswerSubmitted e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_SUBMITTED.text());
        steps.tell(e.executorId(), EventWords.SUBMITTED.text(Html.escape(a.number())));
        audience.approversOf(a).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AppealPostponed e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_POSTPONED.text(texts.name(e.coordinatorId())));
        steps.postponedCard(a);
    }

    /** «Передать согласование»: the card moves to the person the review was handed to (003 Руководитель). */
    @EventListener
    void on(ReviewDelegated e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_DELEGATED.text(texts.name(e.toId()), texts.name(e.fromId())));
        audience.staff(e.toId()).ifPresent(to -> steps.reviewCard(a, to));
    }


    @EventListener
    void on(AnswerEdited e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_ANSWER_EDITED.text(texts.name(e.moderatorId())));
        steps.tell(a.executorId(), EventWords.ANSWER_EDITED.text(Html.escape(texts.name(e.moderatorId())),
                Html.escape(a.number())));
        audience.approversOf(a).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AnswerPreApproved e) {
        AppealView a = e.appeal();
        AppealView.HistoryItem stage = a.stepEntry();
        ends.close(a, stage.type() == HistoryType.CHAIN_APPROVED
                ? EventWords.LINE_CHAIN_APPROVED.text(HistoryWords.comment(stage), texts.name(e.approverId()))
                : EventWords.LINE_APPROVED_AGAIN.text(texts.name(e.approverId())));
        audience.approversOf(a).forEach(m -> steps.reviewCard(a, m));
    }

    @EventListener
    void on(AppealReopened e) {
        AppealView a = e.appeal();
        String disagreement = EventWords.DISAGREEMENT.text(e.comment());
        if (a.status() == AppealStatus.NEW) {
            steps.tell(e.previousExecutorId(), EventWords.REOPENED_TO_COORDINATORS.text(Html.escape(a.number())));
            audience.coordinators().forEach(c -> steps.unroutedCard(a, c));
        } else {
            audience.chatOf(a.executorId()).ifPresent(chat -> {
                files.applicantPhotos(a, chat.address());
                steps.send(a, chat, EventCards.reopened(steps.facts(a, true), e.count(), e.comment()),
                        Card.Kind.ACCEPTED);
            });
        }
        if (e.count() == 3) {
            // seed 001 §2: after the third disagreement the operator of the portal decides
            Message card = EventCards.thirdDisagreement(steps.facts(a, false), e.comment());
            audience.coordinators().forEach(c -> audience.chatOf(c.id())
                    .ifPresent(chat -> steps.send(a, chat, card, Card.Kind.OVERSIGHT)));
        }
    }

    @EventListener
    void on(AnswerApproved e) {
        AppealView a = e.appeal();
        EventWords line = a.stepEntry().signature() ? EventWords.LINE_SIGNED : EventWords.LINE_APPROVED;
        ends.close(a, line.text(texts.name(e.moderatorId())));
        steps.tell(a.executorId(), EventWords.APPROVED.text(Html.escape(a.number()),
                Html.escape(texts.name(e.moderatorId()))));
        audience.stepOwners(a).forEach(placer -> steps.approvedCard(a, placer)); // Transition.PUBLISH's actor
    }

    @EventListener
    void on(AnswerSentToRework e) {
        AppealView a = e.appeal();
        ends.close(a, EventWords.LINE_REWORK.text(texts.name(e.moderatorId())));
        audience.chatOf(e.executorId()).ifPresent(chat -> {
            steps.send(a, chat, EventCards.rework(steps.facts(a, true), e.moderatorId(), e.reason()),
                    Card.Kind.REWORK);
        });
    }

    @EventListener
    void on(AppealClosed e) {
        AppealView a = e.appeal();
        String by = e.byStaffId() == null ? EventWords.PORTAL.text() : texts.name(e.byStaffId());
        if (a.resolution() == Resolution.PUBLISHED) {
            ends.close(a, EventWords.LINE_PUBLISHED.text(by));
            steps.tell(a.executorId(), EventWords.PUBLISHED.text(Html.escape(a.number())));
            return;
        }
        if (a.resolution() == Resolution.TO_OPERATOR) {
            ends.close(a, EventWords.LINE_TO_OPERATOR.text(by));
            steps.tell(a.executorId(), EventWords.TO_OPERATOR.text(Html.escape(a.number())));
            return;
        }
        ends.close(a, EventWords.LINE_CLOSED.text(a.resolution().title(), by));
        String comment = "—";
        for (AppealView.HistoryItem h : a.history()) {
            if (h.type() == HistoryType.REOPENED && !texts.personalDataInChats()) {
                continue; // the applicant's own words
            }
            String said = HistoryWords.comment(h);
            comment = said == null || h.type().note() ? comment : said;
        }
        steps.tell(a.executorId(), EventWords.CLOSED.text(Html.escape(a.number()), Html.escape(a.resolution().title()),
                Html.escape(by), Html.escape(comment)));
    }
}
