package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.bot.inbound.Presses.Words;
import ru.appealdesk.workflow.AppealView;

/** A button of a list ({@code /my}, {@code /appeal}) that shows the appeal's card to whoever may see it. */
@Component
class OpenPress implements PressHandler {

    private final ViewableAppeals appeals;
    private final StepCards stepCards;

    OpenPress(ViewableAppeals appeals, StepCards stepCards) {
        this.appeals = appeals;
        this.stepCards = stepCards;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.OPEN);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        AppealView a = appeals.find(in.staff(), cb.appealId());
        stepCards.showTo(a, in.staff(), in.chat());
        return Words.CARD.text();
    }
}
