package ru.appealdesk.bot.inbound;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.CardRepository;
import ru.appealdesk.bot.dialogs.DraftCards;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.TransitionRefused.Reason;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.TransitionRefused;

/**
 * Handles button presses: a stranger, unknown data and a dialog's earlier message are refused here, a plain
 * transition is carried out from the table, any other press goes to the {@link PressHandler} of its action; the
 * press is answered with the toast, or with an alert that explains a refusal. Every press is checked: the presser
 * must be the person (or hold the role) the step belongs to, and the appeal must still be at the step the button
 * was made for; otherwise an alert, no change.
 */
@Component
class Presses {

    static final String RETIRED = Words.RETIRED.text();

    private final Outbox outbox;
    private final Refusals refusals;
    private final CardRepository cards;
    private final AppealCommands appeals;
    private final Map<Action, PressHandler> handlers = new EnumMap<>(Action.class);

    Presses(Outbox outbox, Refusals refusals, CardRepository cards, AppealCommands appeals,
            List<PressHandler> handlers) {
        this.outbox = outbox;
        this.refusals = refusals;
        this.cards = cards;
        this.appeals = appeals;
        for (PressHandler handler : handlers) {
            for (Action action : handler.actions()) {
                if (this.handlers.put(action, handler) != null) {
                    throw new IllegalStateException("two handlers answer the button " + action);
                }
            }
        }
        for (Action action : Action.values()) {
            boolean plain = action == Action.PERFORM || Callback.of(action, 0, 0).plain().isPresent();
            if (plain == this.handlers.containsKey(action)) {
                throw new IllegalStateException(plain ? "a plain transition's button " + action + " has a handler"
                        : "no handler answers the button " + action);
            }
        }
    }

    void handle(Inbound in, Incoming.Press query) {
        if (!in.registered()) {
            outbox.answerCallback(in.chat(), query.callbackId(), Replies.NOT_REGISTERED, true);
            return;
        }
        Optional<Callback> parsed = Callback.parse(query.data());
        if (parsed.isEmpty()) {
            outbox.answerCallback(in.chat(), query.callbackId(), Words.UNKNOWN_BUTTON.text(), true);
            return;
        }
        Callback cb = parsed.get();
        if (query.messageId() != null && cards.isRetired(in.chat(), query.messageId(), DraftCards.DIALOG)) {
            // a dialog's earlier message: its buttons are gone or going (the edit may not have reached the phone),
            // the latest message has them. Other cards end with their step, which the refusal below explains.
            outbox.answerCallback(in.chat(), query.callbackId(), RETIRED, true);
            return;
        }
        try {
            String reply = perform(in, cb);
            outbox.answerCallback(in.chat(), query.callbackId(), reply, false);
        } catch (TransitionRefused refused) {
            outbox.answerCallback(in.chat(), query.callbackId(), refusals.explain(refused, cb.appealId(), in.staff()),
                    true);
            if (refused.reason() == Reason.PHOTOS_REQUIRED) {
                outbox.text(in.chat(), Refusals.PHOTOS_NEXT_STEP, Outbox.PRIORITY_REPLY);
            }
            if (refused.reason() == Reason.PROOF_REQUIRED) {
                outbox.text(in.chat(), Refusals.PROOF_NEXT_STEP, Outbox.PRIORITY_REPLY);
            }
            if (refused.reason() == Reason.EVIDENCE_REQUIRED) {
                outbox.text(in.chat(), Refusals.EVIDENCE_NEXT_STEP, Outbox.PRIORITY_REPLY);
            }
        }
    }

    private String perform(Inbound in, Callback cb) {
        Optional<Transition> plain = cb.plain();
        if (plain.isPresent()) {
            // the table is all of it: who may, from where, to where (Transition.plain)
            appeals.perform(cb.appealId(), cb.step(), in.staff().id(), plain.get());
            return plain.get().reply().text();
        }
        PressHandler handler = handlers.get(cb.action());
        if (handler == null) {
            throw new TransitionRefused(Reason.STALE, "no plain transition " + cb.argument());
        }
        return handler.press(in, cb);
    }

    /** What a press answers (the toast over the chat). */
    enum Words implements Text {
        RETIRED,
        UNKNOWN_BUTTON,
        ACCEPTED,
        GIVE_RETURN_REASON,
        ASSIGNED,
        RETURN_REJECTED,
        CHOOSE_ANSWER_TYPE,
        ANSWER_TYPE_CHOSEN,
        SUBMITTED,
        CONFIRM_NOTICE,
        DESCRIBE_HELP,
        FILES_REMOVED,
        PRE_APPROVED,
        APPROVED,
        SIGNED,
        GIVE_REWORK_REASON,
        CARD,
        CHOOSE_BASIS,
        WRITE_COMMENT,
        SEND_CORRECTED_TEXT,
        WHERE_AND_WHY,
        REDIRECT_APPROVED,
        MARKED_TO_OPERATOR,
        CHOOSE_DELEGATE,
        DELEGATED,
        CHOOSE_CO_EXECUTOR,
        CO_EXECUTOR_ADDED,
        DESCRIBE_MATERIALS,
        MATERIALS_DELIVERED,
        MARKED_PUBLISHED;

        @Override
        public String area() {
            return "bot.presses";
        }
    }
}
