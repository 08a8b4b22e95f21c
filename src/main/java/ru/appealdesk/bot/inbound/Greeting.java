package ru.appealdesk.bot.inbound;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.inbound.Commands.Words;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;

/**
 * {@code /start [code]} and {@code /help}: the greeting with the help for one's roles; a stranger's invite code
 * binds their Telegram account to the staff member it was made for.
 */
@Component
class Greeting implements ChatCommand {

    /** The one command a stranger may give. */
    static final String START = "start";

    private final StaffAccounts accounts;
    private final Strangers strangers;
    private final Outbox outbox;

    Greeting(StaffAccounts accounts, Strangers strangers, Outbox outbox) {
        this.accounts = accounts;
        this.strangers = strangers;
        this.outbox = outbox;
    }

    @Override
    public Set<String> names() {
        return Set.of(START, "help");
    }

    @Override
    public void run(Inbound in, String name, String argument) {
        if (name.equals(START)) {
            start(in, argument);
        } else {
            reply(in, help(in.staff()));
        }
    }

    private void start(Inbound in, String code) {
        if (in.registered()) {
            reply(in, Words.GREETING.text(Html.escape(in.staff().name()), help(in.staff())));
            return;
        }
        if (code.isEmpty() || code.length() > 64) {
            strangers.answer(in, Replies.NOT_REGISTERED);
            return;
        }
        Optional<StaffMember> bound = accounts.redeemInvite(code, in.chat());
        if (bound.isEmpty()) {
            strangers.answer(in, Words.INVITE_INVALID.text(Replies.NOT_REGISTERED));
            return;
        }
        StaffMember s = bound.get();
        reply(in, Words.CONNECTED.text(Html.escape(s.name()),
                s.position() == null ? "" : ", " + Html.escape(s.position()), help(s)));
    }

    private static String help(StaffMember s) {
        StringBuilder sb = new StringBuilder(Words.HELP.text());
        if (s.hasRole(Role.EXECUTOR)) {
            sb.append(Words.HELP_EXECUTOR.text());
        }
        if (s.hasRole(Role.MODERATOR)) {
            sb.append(Words.HELP_MODERATOR.text());
        }
        if (s.hasRole(Role.COORDINATOR)) {
            sb.append(Words.HELP_COORDINATOR.text());
        }
        sb.append(Words.HELP_COMMANDS.text());
        return sb.toString();
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chat(), html, Outbox.PRIORITY_REPLY);
    }
}
