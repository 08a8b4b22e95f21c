package ru.appealdesk.bot.cards;

import java.util.List;
import java.util.Optional;

import ru.appealdesk.delivery.Button;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/**
 * The callback data of a button: {@code <action>:<appeal id>:<step>[:<argument>]}. The step is the appeal's step
 * the button was made for; a press on an older step is refused.
 */
public record Callback(Action action, long appealId, int step, String argument) {

    /** What a button does; a button that begins (or carries out) a transition of the table names it. */
    public enum Action {
        ACCEPT("acc", Transition.ACCEPT), RETURN("ret", Transition.RETURN),
        ASSIGN("asg", Transition.ASSIGN, Transition.REASSIGN_POSTPONED, Transition.DECIDE),
        REJECT_RETURN("rjr", Transition.REJECT_RETURN), PREPARE_ANSWER("ans", Transition.SUBMIT_ANSWER),
        ANSWER_TYPE("typ", Transition.SUBMIT_ANSWER), SUBMIT("sub", Transition.SUBMIT_ANSWER),
        APPROVE("apr", Transition.APPROVE), SIGN("sgn", Transition.SIGN), REWORK("rwk", Transition.SEND_TO_REWORK),
        PUBLISHED("pub", Transition.PUBLISH), OPEN("opn", null), REMOVE_FILES("rmf", Transition.SUBMIT_ANSWER),
        CLOSE("cls", Transition.CLOSE), CLOSE_AS("clo", Transition.CLOSE),
        TO_OPERATOR("opr", Transition.HAND_TO_OPERATOR), QUALITY_RETURN("qrt", Transition.QUALITY_RETURN),
        EDIT_ANSWER("edt", Transition.EDIT_ANSWER), REDIRECT("rdr", Transition.REDIRECT),
        REDIRECT_APPROVE("rda", Transition.APPROVE_REDIRECT), REDIRECT_REJECT("rdj", Transition.REJECT_REDIRECT),
        TO_CASE_DECIDER("tcd", Transition.TO_CASE_DECIDER), BACK_TO_COORDINATORS("bcd", Transition.BACK_TO_COORDINATORS),
        CO_EXECUTORS("coe", Transition.ADD_CO_EXECUTOR, Transition.ADD_OWN_CO_EXECUTOR),
        ADD_CO_EXECUTOR("cad", Transition.ADD_CO_EXECUTOR),
        DELIVER("dlv", Transition.DELIVER_MATERIALS), SEND_MATERIALS("snd", Transition.DELIVER_MATERIALS),
        DELEGATE("dlg", Transition.DELEGATE_REVIEW), DELEGATE_TO("dlt", Transition.DELEGATE_REVIEW),
        NOTIFIED("ntf", Transition.SUBMIT_ANSWER), HELP("hlp", Transition.REQUEST_HELP),
        TEMPLATE("tpl", Transition.SUBMIT_ANSWER),
        /** «Ответ получен», «Ответа нет», «Закрыть: нет уточнения» (seed 004 п.13). */
        CLARIFICATION_RECEIVED("clr", Transition.RECEIVE_CLARIFICATION),
        NO_CLARIFICATION("cln", Transition.NO_CLARIFICATION_REPLY),
        CLOSE_NO_CLARIFICATION("clz", Transition.CLOSE_NO_CLARIFICATION),
        /** «Открыть обращение» where the messenger has no Mini App (MAX): a fresh login link to the appeal's page. */
        PAGE("pg", null),
        /** A plain transition with no action of its own: the argument names it ({@link #plain()}). */
        PERFORM("do", null);

        final String code;
        private final Transition transition;
        /** Every transition whose button this is (the coordinator's and the executor's «Соисполнители»). */
        final List<Transition> transitions;

        Action(String code, Transition transition, Transition... more) {
            this.code = code;
            this.transition = transition;
            List<Transition> all = new java.util.ArrayList<>();
            if (transition != null) {
                all.add(transition);
            }
            all.addAll(List.of(more));
            this.transitions = List.copyOf(all);
        }

        /** The transition the button leads to; null for one that only shows something. */
        public Transition transition() {
            return transition;
        }

        /**
         * The action of the button a card shows for {@code t} (the first declared for it): a card builds its
         * buttons as {@code Transition.offeredIn(status, actor)} mapped through this and {@code t.button()}.
         */
        static Action starting(Transition t) {
            for (Action a : values()) {
                if (a.transitions.contains(t)) {
                    return a;
                }
            }
            if (t.plain()) {
                return PERFORM;
            }
            throw new IllegalArgumentException("no button starts " + t);
        }
    }

    String data() {
        return action.code + ":" + appealId + ":" + step + (argument == null ? "" : ":" + argument);
    }

    public Button button(String label) {
        return new Button(label, data());
    }

    /**
     * The buttons of the transitions the table offers {@code actor} in the appeal's status, for its current step, in
     * the table's order ({@code Transition.offeredIn}); a card lays them out and may leave out one its appeal rules
     * out (a return after the window, the operator before the third disagreement).
     */
    static List<Button> offered(AppealView a, Transition.Actor actor) {
        return Transition.offeredIn(a.status(), actor).stream()
                .map(t -> of(Action.starting(t), a.id(), a.step()).button(t.button().orElseThrow().text())).toList();
    }

    /**
     * The plain transition the button carries out, if it does: named by {@link Action#PERFORM}'s argument (none if
     * the argument names no plain transition), or the one of an older action that became plain.
     */
    public Optional<Transition> plain() {
        if (action == Action.PERFORM) {
            return java.util.Arrays.stream(Transition.values()).filter(t -> t.plain() && t.name().equals(argument))
                    .findFirst();
        }
        return Optional.ofNullable(action.transition()).filter(Transition::plain);
    }

    public static Callback of(Action action, long appealId, int step) {
        return new Callback(action, appealId, step, null);
    }

    public static Optional<Callback> parse(String data) {
        if (data == null || data.length() > 64) {
            return Optional.empty();
        }
        String[] parts = data.split(":", -1);
        if (parts.length < 3 || parts.length > 4 || !parts[1].matches("\\d{1,18}") || !parts[2].matches("\\d{1,9}")) {
            return Optional.empty();
        }
        for (Action action : Action.values()) {
            if (action.code.equals(parts[0])) {
                return Optional.of(new Callback(action, Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                        parts.length == 4 ? parts[3] : null));
            }
        }
        return Optional.empty();
    }
}
