package ru.appealdesk.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

/**
 * The accounts bound by invite ({@code account_binding}: one per staff member and messenger, a user id bound to one
 * person per messenger) and the messenger each person chose with {@code /messenger} ({@code messenger_choice}).
 */
@Repository
class AccountBindings {

    /** An account bound by invite, and when. */
    record Binding(ChatAddress account, Instant boundAt) {
    }

    private final JdbcTemplate jdbc;

    AccountBindings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The staff member this account is bound to by invite, if any. */
    Optional<String> staffOf(ChatAddress account) {
        return jdbc.queryForList("select staff_id from account_binding where messenger = ? and user_id = ?",
                String.class, account.messenger().name(), account.chatId()).stream().findFirst();
    }

    /** The staff member's accounts bound by invite, in the messengers' order. */
    List<Binding> of(String staffId) {
        return jdbc.query("select messenger, user_id, bound_at from account_binding where staff_id = ?",
                (rs, n) -> new Binding(new ChatAddress(MessengerKind.valueOf(rs.getString(1)), rs.getLong(2)),
                        rs.getTimestamp(3).toInstant()), staffId).stream()
                .sorted(java.util.Comparator.comparing(b -> b.account().messenger())).toList();
    }

    /**
     * Binds the account to the staff member in its messenger, in place of their earlier account there; whoever else
     * had this account loses it. Returns the earlier account when it was another one.
     */
    Optional<ChatAddress> bind(String staffId, ChatAddress account, Instant at) {
        String messenger = account.messenger().name();
        jdbc.update("delete from account_binding where messenger = ? and user_id = ? and staff_id <> ?", messenger,
                account.chatId(), staffId);
        Optional<Long> earlier = jdbc.queryForList("select user_id from account_binding where staff_id = ? and "
                + "messenger = ? for update", Long.class, staffId, messenger).stream().findFirst();
        jdbc.update("insert into account_binding (staff_id, messenger, user_id, bound_at) values (?, ?, ?, ?) "
                + "on conflict (staff_id, messenger) do update set user_id = excluded.user_id, "
                + "bound_at = excluded.bound_at", staffId, messenger, account.chatId(), Timestamp.from(at));
        return earlier.filter(id -> id != account.chatId()).map(id -> new ChatAddress(account.messenger(), id));
    }

    /** The messenger the staff member chose with {@code /messenger}, if they did. */
    Optional<MessengerKind> choice(String staffId) {
        return jdbc.queryForList("select messenger from messenger_choice where staff_id = ?", String.class, staffId)
                .stream().findFirst().map(MessengerKind::valueOf);
    }

    void choose(String staffId, MessengerKind messenger, Instant at) {
        jdbc.update("insert into messenger_choice (staff_id, messenger, chosen_at) values (?, ?, ?) on conflict "
                + "(staff_id) do update set messenger = excluded.messenger, chosen_at = excluded.chosen_at", staffId,
                messenger.name(), Timestamp.from(at));
    }
}
