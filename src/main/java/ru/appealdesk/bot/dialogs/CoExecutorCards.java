package ru.appealdesk.bot.dialogs;

import java.util.ArrayList;
import java.util.List;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealView;

/** The co-executors' dialogs' cards, drawn from facts alone: whom to add, and the materials draft's button. */
final class CoExecutorCards {

    private CoExecutorCards() {
    }

    /** «Кого добавить соисполнителем»: one button per candidate, two a row. */
    static Message choice(AppealView a, List<StaffMember> candidates) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i += 2) {
            rows.add(candidates.subList(i, Math.min(i + 2, candidates.size())).stream()
                    .map(s -> new Callback(Action.ADD_CO_EXECUTOR, a.id(), a.step(), s.id()).button("👥 "
                            + s.shortName())).toList());
        }
        return new Message(Words.CHOOSE.text(Html.escape(a.number())), null, rows);
    }

    /** «Отправить ответственному» under the materials draft (step 0: a co-executor's card outlives the steps). */
    static List<List<Button>> materialsButtons(AppealView a) {
        return List.of(List.of(Callback.of(Action.SEND_MATERIALS, a.id(), 0)
                .button(Buttons.SEND_TO_RESPONSIBLE.text())));
    }

    /** The words of the co-executors' cards. */
    enum Words implements Text {
        CHOOSE;

        @Override
        public String area() {
            return "bot.co-executors";
        }
    }
}
