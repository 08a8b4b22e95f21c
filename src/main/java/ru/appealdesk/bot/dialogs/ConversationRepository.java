package ru.appealdesk.bot.dialogs;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.workflow.AppealView;

public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    /** Starts the sender's dialog about the appeal at its current step; a dialog they had is replaced. */
    default Conversation begin(Inbound in, Conversation.State state, AppealView a, Instant now) {
        Conversation c = findById(in.userId()).orElseGet(() -> new Conversation(in.userId(), in.chatId()));
        c.start(state, a.id(), a.step(), now);
        return save(c);
    }

    /** The user's dialog if it is about this appeal at its current step (a button of an older step is stale). */
    default Optional<Conversation> about(long userId, AppealView a) {
        return findById(userId).filter(c -> c.appealId() == a.id() && c.step() == a.step());
    }
}
