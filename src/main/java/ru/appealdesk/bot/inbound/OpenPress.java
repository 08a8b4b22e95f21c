package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.bot.inbound.Presses.Words;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/** A button of a list ({@code /my}, {@code /appeal}) that shows the appeal's card to whoever may see it. */
@Component
class OpenPress implements PressHandler {

    private final AppealQueries queries;
    private final AppealAccess access;
    private final StepCards stepCards;

    OpenPress(AppealQueries queries, AppealAccess access, StepCards stepCards) {
        this.queries = queries;
        this.access = access;
        this.stepCards = stepCards;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.OPEN);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        AppealView a = queries.find(cb.appealId())
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + cb.appealId()));
        if (!access.mayView(in.staff(), a)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, "may not view");
        }
        stepCards.showTo(a, in.staff(), in.chat());
        return Words.CARD.text();
    }
}
