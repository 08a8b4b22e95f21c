package ru.appealdesk.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

/**
 * Who an account of a messenger is, and where a person's cards go (PRODUCT.md §3, §14). A staff member may have an
 * account in Telegram, in MAX, or in both: fixed in {@code staff.yml} ({@code telegram-id}, {@code max-id}) or bound
 * with a one-time, expiring invite code, which binds the account of whichever messenger it is redeemed in (never by
 * {@literal @}username). An account fixed in {@code staff.yml} outranks a binding of the same messenger.
 *
 * <p>Someone bound in both gets cards and alerts in one ({@link #addressOf}): the one they chose last with
 * {@code /messenger}, else the one {@code messenger:} in {@code staff.yml} names, else the one bound last (an
 * account in {@code staff.yml} counts as bound before any invite; both there: Telegram). The person's own choice
 * outranks {@code staff.yml} because it is newer and theirs: it says where they actually read, and without it
 * {@code /messenger} could not switch anyone {@code staff.yml} names a messenger for. {@code staff.yml} in turn
 * outranks the order of binding, which is an accident of when the invites were opened.
 */
@Service
public class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final Directory directory;
    private final AccountBindings bindings;
    private final InviteCodes invites;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StaffAccounts(Directory directory, AccountBindings bindings, InviteCodes invites, Clock clock,
                  ApplicationEventPublisher events) {
        this.directory = directory;
        this.bindings = bindings;
        this.invites = invites;
        this.clock = clock;
        this.events = events;
    }

    /** A freshly issued invite code: shown once, stored only as a hash. */
    public record IssuedInvite(String staffId, String code, Instant expiresAt) {
    }

    /** The staff member an account of a messenger belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> byAccount(ChatAddress account) {
        Optional<StaffMember> configured = configuredOwner(account);
        if (configured.isPresent()) {
            return configured;
        }
        return bindings.staffOf(account).flatMap(directory::staff)
                .filter(s -> s.configuredAccount(account.messenger()) == null);
    }

    /** The staff member bound to a Telegram user, if any. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> byTelegramUser(long telegramUserId) {
        return byAccount(ChatAddress.telegram(telegramUserId));
    }

    /** The staff member's accounts, Telegram's first; empty if they are bound nowhere (or not in the directory). */
    @Transactional(readOnly = true)
    public List<ChatAddress> accountsOf(String staffId) {
        return accounts(staffId).stream().map(AccountBindings.Binding::account).toList();
    }

    /** Where cards and alerts for a staff member go: the chat of the messenger they use (see the class), if bound. */
    @Transactional(readOnly = true)
    public Optional<ChatAddress> addressOf(String staffId) {
        List<AccountBindings.Binding> accounts = accounts(staffId);
        if (accounts.size() <= 1) {
            return accounts.stream().findFirst().map(AccountBindings.Binding::account);
        }
        Optional<MessengerKind> named = bindings.choice(staffId)
                .or(() -> directory.staff(staffId).map(StaffMember::messenger));
        return named.flatMap(m -> accounts.stream().filter(b -> b.account().messenger() == m).findFirst())
                .or(() -> accounts.stream().max(Comparator.comparing(AccountBindings.Binding::boundAt)))
                .map(AccountBindings.Binding::account);
    }

    /** The Telegram chat of a staff member, if bound in Telegram. */
    @Transactional(readOnly = true)
    public Optional<Long> telegramIdOf(String staffId) {
        return accountsOf(staffId).stream().filter(a -> a.messenger() == MessengerKind.TELEGRAM)
                .map(ChatAddress::chatId).findFirst();
    }

    /**
     * {@code /messenger}: cards and alerts go to the person's other messenger from now on, a choice that is stored
     * and outranks {@code staff.yml}. Returns the messenger they now go to; empty if the person is bound in one only.
     */
    @Transactional
    public Optional<MessengerKind> switchMessenger(String staffId) {
        List<ChatAddress> accounts = accountsOf(staffId);
        Optional<ChatAddress> current = addressOf(staffId);
        if (accounts.size() < 2 || current.isEmpty()) {
            return Optional.empty();
        }
        MessengerKind next = accounts.get((accounts.indexOf(current.get()) + 1) % accounts.size()).messenger();
        bindings.choose(staffId, next, clock.instant());
        log.info("Staff member {} switched their cards from {} to {}", staffId, current.get().messenger(), next);
        return Optional.of(next);
    }

    /** The staff member's accounts are all fixed by {@code telegram-id} and {@code max-id} in {@code staff.yml}. */
    public static class ConfiguredAccountException extends IllegalStateException {
        ConfiguredAccountException(String staffId) {
            super("Staff member '" + staffId + "' has a telegram-id and a max-id in staff.yml; change them there "
                    + "instead");
        }
    }

    /**
     * Issues a one-time invite code, good in either messenger; the staff member's earlier unused codes stop working.
     *
     * @throws ConfiguredAccountException when {@code staff.yml} fixes the account in every messenger
     */
    @Transactional
    public IssuedInvite issueInvite(String staffId) {
        StaffMember member = directory.staff(staffId)
                .orElseThrow(() -> new IllegalArgumentException("unknown staff member '" + staffId + "'"));
        if (member.telegramId() != null && member.maxId() != null) {
            throw new ConfiguredAccountException(staffId);
        }
        return invites.issue(member.id());
    }

    /**
     * Binds the account an invite code is redeemed from, in its messenger, in place of the person's earlier account
     * there (which is told, {@link AccountReplaced}). Empty if the code is unknown, used or expired, or cannot bind
     * this account: {@code staff.yml} fixes the person's account in this messenger, or this account is another
     * person's there (the code then stays usable in the other messenger).
     */
    @Transactional
    public Optional<StaffMember> redeemInvite(String code, ChatAddress account) {
        Instant now = clock.instant();
        Optional<Invite> invite = invites.usable(code, now);
        if (invite.isEmpty()) {
            log.info("{} presented an unknown, used or expired invite code", account);
            return Optional.empty();
        }
        Invite used = invite.get();
        Optional<StaffMember> member = directory.staff(used.staffId());
        if (member.isEmpty() || member.get().configuredAccount(account.messenger()) != null
                || configuredOwner(account).isPresent()) {
            log.info("{} presented an invite for {} that cannot bind it: the staff member is gone or staff.yml fixes "
                    + "the account", account, used.staffId());
            return Optional.empty();
        }
        used.use(account, now);
        Optional<ChatAddress> previous = bindings.bind(used.staffId(), account, now);
        if (previous.isPresent()) {
            log.warn("Staff member {} moved from {} to {}", used.staffId(), previous.get(), account);
            events.publishEvent(new AccountReplaced(used.staffId(), member.get().name(), previous.get(), account,
                    now));
        } else {
            log.info("{} is now bound to staff member {}", account, used.staffId());
        }
        return member;
    }

    /** {@link #redeemInvite(String, ChatAddress)} from a Telegram account. */
    @Transactional
    public Optional<StaffMember> redeemInvite(String code, long telegramUserId) {
        return redeemInvite(code, ChatAddress.telegram(telegramUserId));
    }

    /** The staff member's accounts, each fixed in staff.yml (bound at the epoch) or bound by invite. */
    private List<AccountBindings.Binding> accounts(String staffId) {
        Optional<StaffMember> member = directory.staff(staffId);
        if (member.isEmpty()) {
            return List.of();
        }
        List<AccountBindings.Binding> bound = bindings.of(staffId);
        List<AccountBindings.Binding> result = new ArrayList<>();
        for (MessengerKind messenger : MessengerKind.values()) {
            Long configured = member.get().configuredAccount(messenger);
            if (configured != null) {
                result.add(new AccountBindings.Binding(new ChatAddress(messenger, configured), Instant.EPOCH));
            } else {
                bound.stream().filter(b -> b.account().messenger() == messenger).forEach(result::add);
            }
        }
        return result;
    }

    private Optional<StaffMember> configuredOwner(ChatAddress account) {
        return directory.allStaff().stream()
                .filter(s -> Long.valueOf(account.chatId()).equals(s.configuredAccount(account.messenger())))
                .findFirst();
    }
}
