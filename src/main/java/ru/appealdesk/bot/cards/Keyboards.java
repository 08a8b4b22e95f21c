package ru.appealdesk.bot.cards;

import java.util.ArrayList;
import java.util.List;

import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.telegram.Button;
import ru.appealdesk.workflow.AppealView;

/** Buttons several cards carry, made for the appeal's current step. */
public final class Keyboards {

    private Keyboards() {
    }

    /** One button for the appeal's current step. */
    public static Button button(AppealView a, Action action, Buttons label) {
        return Callback.of(action, a.id(), a.step()).button(label.text());
    }

    /** PRODUCT.md §10: on the executor's card in work and on every coordinator card. */
    static Button coExecutors(AppealView a) {
        return button(a, Action.CO_EXECUTORS, Buttons.CO_EXECUTORS);
    }

    static Button redirect(AppealView a) {
        return button(a, Action.REDIRECT, Buttons.REDIRECT);
    }

    static Button close(AppealView a) {
        return button(a, Action.CLOSE, Buttons.CLOSE_WITHOUT_ANSWER);
    }

    /** One button per candidate (at most 24), two a row, then {@code lastRow} if it has any. */
    static List<List<Button>> executors(AppealView a, List<StaffMember> candidates, List<Button> lastRow) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (StaffMember s : candidates.subList(0, Math.min(candidates.size(), 24))) {
            row.add(new Callback(Action.ASSIGN, a.id(), a.step(), s.id()).button("👤 " + s.shortName()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        if (!lastRow.isEmpty()) {
            rows.add(lastRow);
        }
        return rows;
    }
}
