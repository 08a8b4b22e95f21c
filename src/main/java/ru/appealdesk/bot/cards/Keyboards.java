package ru.appealdesk.bot.cards;

import java.util.ArrayList;
import java.util.List;

import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/**
 * Buttons several cards carry, made for the appeal's current step. A button that starts a transition is made by
 * {@link #offer}: its action and words come from the table ({@link Transition}), and a card cannot offer one the
 * table does not allow in the appeal's status.
 */
public final class Keyboards {

    private Keyboards() {
    }

    /** One button for the appeal's current step. */
    public static Button button(AppealView a, Action action, Buttons label) {
        return Callback.of(action, a.id(), a.step()).button(label.text());
    }

    /** The button of transition {@code t} in the table's words, for the appeal's current step. */
    public static Button offer(AppealView a, Transition t) {
        return offer(a, t, t.button().orElseThrow(() -> new IllegalArgumentException(t + " offers no button"))
                .text());
    }

    /** The button of transition {@code t} with other words (a stage, a date), for the appeal's current step. */
    public static Button offer(AppealView a, Transition t, String label) {
        return offer(a, t, a.step(), label);
    }

    /** The button of {@code t} for {@code step} (0: one that outlives steps, such as a co-executor's delivery). */
    static Button offer(AppealView a, Transition t, int step, String label) {
        Action action = offered(a, t);
        return new Callback(action, a.id(), step, action == Action.PERFORM ? t.name() : null).button(label);
    }

    /** The action of {@code t}'s button, if the table lets {@code t} start in the appeal's status. */
    private static Action offered(AppealView a, Transition t) {
        if (!t.startsIn(a.status())) {
            throw new IllegalStateException("a card offers " + t + " in " + a.status() + "; the table does not");
        }
        return Action.starting(t);
    }

    /**
     * The card's rows and, when the card carries no personal data and the appeal has a page of the dashboard,
     * «Открыть обращение» below them: a {@link Button#page} each messenger opens its own way (PRODUCT.md §15).
     */
    public static List<List<Button>> withPage(CardFacts f, List<List<Button>> rows) {
        if (f.page() == null) {
            return rows;
        }
        List<List<Button>> all = new ArrayList<>(rows == null ? List.of() : rows);
        all.add(List.of(Button.page(Buttons.OPEN_APPEAL.text(), f.page())));
        return all;
    }

    /**
     * The rows as a messenger draws them: Telegram opens a {@link Button#page} as its Mini App; a messenger without
     * Mini Apps (MAX) gets a button that asks the bot for a one-time login link to the page ({@link Action#PAGE}),
     * because a link put into the card itself would expire long before the card is read.
     */
    public static List<List<Button>> forMessenger(List<List<Button>> rows, MessengerKind messenger, long appealId,
                                                  int step) {
        if (rows == null || messenger == MessengerKind.TELEGRAM) {
            return rows;
        }
        return rows.stream().map(row -> row.stream().map(b -> b.page() == null ? b
                : new Callback(Action.PAGE, appealId, step, null).button(b.text())).toList()).toList();
    }

    /** PRODUCT.md §10: on the executor's card in work and on every coordinator card. */
    static Button coExecutors(AppealView a) {
        return offer(a, Transition.ADD_CO_EXECUTOR);
    }

    static Button redirect(AppealView a) {
        return offer(a, Transition.REDIRECT);
    }

    static Button close(AppealView a) {
        return offer(a, Transition.CLOSE);
    }

    /**
     * One button per candidate (at most 24), two a row, then {@code lastRow} if it has any: an assignment by a
     * coordinator, or the reassignment of a postponed appeal.
     */
    static List<List<Button>> executors(AppealView a, List<StaffMember> candidates, List<Button> lastRow) {
        Action assign = offered(a, Transition.ASSIGN.startsIn(a.status()) ? Transition.ASSIGN
                : Transition.DECIDE.startsIn(a.status()) ? Transition.DECIDE : Transition.REASSIGN_POSTPONED);
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (StaffMember s : candidates.subList(0, Math.min(candidates.size(), 24))) {
            row.add(new Callback(assign, a.id(), a.step(), s.id()).button("👤 " + s.shortName()));
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
