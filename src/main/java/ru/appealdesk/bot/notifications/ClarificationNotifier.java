package ru.appealdesk.bot.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.sla.Alerts.ClarificationOverdue;
import ru.appealdesk.workflow.AppealEvents.ClarificationAwaited;
import ru.appealdesk.workflow.AppealEvents.ClarificationEnded;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/**
 * A clarification in the chats (seed 004 п.13): placed, the coordinators get the card of the wait and the executor
 * is told; answered (or not), the executor gets the appeal back with the reply; when {@code clarification-wait}
 * passes without one, the coordinators get the card again with the closing.
 */
@Component
class ClarificationNotifier {

    private final Audience audience;
    private final StepEnds ends;
    private final StepCards steps;
    private final CardTexts texts;
    private final AppealQueries queries;

    ClarificationNotifier(Audience audience, StepEnds ends, StepCards steps, CardTexts texts, AppealQueries queries) {
        this.audience = audience;
        this.ends = ends;
        this.steps = steps;
        this.texts = texts;
        this.queries = queries;
    }

    @EventListener
    void on(ClarificationAwaited e) {
        AppealView a = e.appeal();
        ends.close(a, Words.LINE_CLARIFICATION_PLACED.text(texts.name(e.placerId())));
        steps.tell(a.executorId(), Words.CLARIFICATION_PLACED.text(Html.escape(a.number()),
                texts.time(queries.clarificationWaitEnds(a))));
        audience.coordinators().forEach(c -> steps.awaitingCard(a, c, false));
    }

    @EventListener
    void on(ClarificationEnded e) {
        AppealView a = e.appeal();
        String by = e.actorId() == null ? EventWords.PORTAL.text() : texts.name(e.actorId());
        Words line = e.transition() == Transition.NO_CLARIFICATION_REPLY ? Words.LINE_NO_CLARIFICATION
                : e.transition() == Transition.CLOSE_NO_CLARIFICATION ? Words.LINE_CLOSED_NO_CLARIFICATION
                : Words.LINE_CLARIFICATION_RECEIVED;
        ends.close(a, line.text(by));
        if (a.status() == AppealStatus.CLOSED) {
            steps.tell(a.executorId(), Words.CLOSED_NO_CLARIFICATION.text(Html.escape(a.number())));
            return;
        }
        steps.acceptedCard(a, Words.BACK_TO_WORK.text());
    }

    @EventListener
    void on(ClarificationOverdue e) {
        queries.find(e.appealId()).filter(a -> a.status() == AppealStatus.AWAITING_APPLICANT && a.step() == e.step())
                .ifPresent(a -> audience.coordinators().forEach(c -> steps.awaitingCard(a, c, true)));
    }

    /** The status lines and messages of a clarification. */
    enum Words implements ru.appealdesk.text.Text {
        LINE_CLARIFICATION_PLACED,
        CLARIFICATION_PLACED,
        LINE_CLARIFICATION_RECEIVED,
        LINE_NO_CLARIFICATION,
        LINE_CLOSED_NO_CLARIFICATION,
        CLOSED_NO_CLARIFICATION,
        BACK_TO_WORK;

        @Override
        public String area() {
            return "bot.notifier";
        }
    }
}
