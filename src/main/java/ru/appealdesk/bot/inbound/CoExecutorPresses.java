package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.dialogs.CoExecutorChoice;
import ru.appealdesk.bot.dialogs.MaterialsDelivery;
import ru.appealdesk.bot.dialogs.MaterialsDialog;
import ru.appealdesk.bot.inbound.Presses.Words;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * Co-executors' buttons (PRODUCT.md §10): «Соисполнители» and whom to add, a co-executor's «Передать материалы» and
 * «Отправить ответственному». Notes beside the step, not steps: who may is checked by the dialogs.
 */
@Component
class CoExecutorPresses implements PressHandler {

    private final AppealQueries queries;
    private final CoExecutorChoice choice;
    private final MaterialsDialog materials;
    private final MaterialsDelivery delivery;

    CoExecutorPresses(AppealQueries queries, CoExecutorChoice choice, MaterialsDialog materials,
                      MaterialsDelivery delivery) {
        this.queries = queries;
        this.choice = choice;
        this.materials = materials;
        this.delivery = delivery;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.CO_EXECUTORS, Action.ADD_CO_EXECUTOR, Action.DELIVER, Action.SEND_MATERIALS);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        switch (cb.action()) {
            case CO_EXECUTORS -> {
                // any open card of the appeal may offer it
                choice.chooseCoExecutor(in, queries.find(cb.appealId())
                        .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + cb.appealId())));
                return Words.CHOOSE_CO_EXECUTOR.text();
            }
            case ADD_CO_EXECUTOR -> {
                choice.add(in, cb.appealId(), cb.argument());
                return Words.CO_EXECUTOR_ADDED.text();
            }
            case DELIVER -> {
                materials.startMaterials(in, cb.appealId());
                return Words.DESCRIBE_MATERIALS.text();
            }
            case SEND_MATERIALS -> {
                delivery.send(in, cb.appealId());
                return Words.MATERIALS_DELIVERED.text();
            }
            default -> throw new IllegalArgumentException("not a co-executors' button: " + cb.action());
        }
    }
}
