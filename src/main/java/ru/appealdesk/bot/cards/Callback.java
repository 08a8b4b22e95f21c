package ru.appealdesk.bot.cards;

import java.util.Optional;

import ru.appealdesk.telegram.Button;

/**
 * The callback data of a button: {@code <action>:<appeal id>:<step>[:<argument>]}. The step is the appeal's step
 * the button was made for; a press on an older step is refused.
 */
public record Callback(Action action, long appealId, int step, String argument) {

    /** What a button does. */
    public enum Action {
        ACCEPT("acc"), RETURN("ret"), ASSIGN("asg"), REJECT_RETURN("rjr"), PREPARE_ANSWER("ans"), ANSWER_TYPE("typ"),
        SUBMIT("sub"), APPROVE("apr"), REWORK("rwk"), PUBLISHED("pub"), OPEN("opn"), REMOVE_FILES("rmf"),
        CLOSE("cls"), CLOSE_AS("clo"), TO_OPERATOR("opr"), QUALITY_RETURN("qrt"), EDIT_ANSWER("edt"),
        REDIRECT("rdr"), REDIRECT_APPROVE("rda"), REDIRECT_REJECT("rdj"), CO_EXECUTORS("coe"), ADD_CO_EXECUTOR("cad"),
        DELIVER("dlv"), SEND_MATERIALS("snd"), DELEGATE("dlg"), DELEGATE_TO("dlt"), NOTIFIED("ntf"),
        HELP("hlp"), TEMPLATE("tpl");

        final String code;

        Action(String code) {
            this.code = code;
        }
    }

    String data() {
        return action.code + ":" + appealId + ":" + step + (argument == null ? "" : ":" + argument);
    }

    public Button button(String label) {
        return new Button(label, data());
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
