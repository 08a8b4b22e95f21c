package ru.appealdesk.bot.dialogs;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.workflow.AppealView;

public interface ConversationRepository extends JpaRepository<Conversation, Conversation.Key> {

    /** The dialog of a person's account (their private chat) in one messenger. */
    default Optional<Conversation> of(ChatAddress account) {
        return findById(Conversation.Key.of(account));
    }

    /** Starts the sender's dialog about the appeal at its current step; a dialog they had is replaced. */
    default Conversation begin(Inbound in, Conversation.State state, AppealView a, Instant now) {
        Conversation c = of(in.chat()).orElseGet(() -> new Conversation(in.chat()));
        c.start(state, a.id(), a.step(), now);
        return save(c);
    }

    /** The user's dialog if it is about this appeal at its current step (a button of an older step is stale). */
    default Optional<Conversation> about(ChatAddress account, AppealView a) {
        return of(account).filter(c -> c.appealId() == a.id() && c.step() == a.step());
    }
}
