package ru.appealdesk.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

/**
 * Who a Telegram user is: bindings from {@code staff.yml} ({@code telegram-id}) or made with a one-time,
 * expiring invite code ({@code /start <code>}). Never by @username.
 */
@Service
public class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Directory directory;
    private final TelegramBindingRepository bindings;
    private final InviteRepository invites;
    private final Clock clock;
    private final Duration inviteTtl;
    private final ApplicationEventPublisher events;

    StaffAccounts(Directory directory, TelegramBindingRepository bindings, InviteRepository invites, Clock clock,
                  DirectoryProperties properties,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.directory = directory;
        this.bindings = bindings;
        this.invites = invites;
        this.clock = clock;
        this.inviteTtl = properties.inviteTtl();
    }

    /** A freshly issued invite code: shown once, stored only as a hash. */
    public record IssuedInvite(String staffId, String code, Instant expiresAt) {
    }

    /** The staff member bound to a Telegram user, if any. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> byTelegramUser(long telegramUserId) {
        Optional<StaffMember> configured = directory.allStaff().stream()
                .filter(s -> s.telegramId() != null && s.telegramId() == telegramUserId).findFirst();
        if (configured.isPresent()) {
            return configured;
        }
        return bindings.findByTelegramUserId(telegramUserId).flatMap(b -> directory.staff(b.staffId()))
                .filter(s -> s.telegramId() == null);
    }

    /** The staff member bound to an account in a messenger, if any (only Telegram's accounts bind so far). */
    @Transactional(readOnly = true)
    public Optional<StaffMember> byAccount(ChatAddress account) {
        return account.messenger() == MessengerKind.TELEGRAM ? byTelegramUser(account.chatId()) : Optional.empty();
    }

    /** Where cards and alerts for a staff member go: their chat in the messenger they use, if bound. */
    @Transactional(readOnly = true)
    public Optional<ChatAddress> addressOf(String staffId) {
        return telegramIdOf(staffId).map(ChatAddress::telegram);
    }

    /** The Telegram chat of a staff member, if bound. */
    @Transactional(readOnly = true)
    public Optional<Long> telegramIdOf(String staffId) {
        return directory.staff(staffId).flatMap(s -> s.telegramId() != null ? Optional.of(s.telegramId())
                : bindings.findById(staffId).map(TelegramBinding::telegramUserId));
    }

    /** The staff member's Telegram account is fixed by {@code telegram-id} in {@code staff.yml}. */
    public static class ConfiguredAccountException extends IllegalStateException {
        ConfiguredAccountException(String staffId) {
            super("Staff member '" + staffId + "' has a telegram-id in staff.yml; change it there instead");
        }
    }

    /**
     * Issues a one-time invite code; the staff member's earlier unused codes stop working.
     *
     * @throws ConfiguredAccountException when {@code staff.yml} fixes the account
     */
    @Transactional
    public IssuedInvite issueInvite(String staffId) {
        StaffMember member = directory.staff(staffId)
                .orElseThrow(() -> new IllegalArgumentException("unknown staff member '" + staffId + "'"));
        if (member.telegramId() != null) {
            throw new ConfiguredAccountException(staffId);
        }
        char[] code = new char[20];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        String plain = new String(code);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(inviteTtl);
        int revoked = invites.revokeUnused(member.id(), now);
        invites.save(new Invite(hash(plain), member.id(), now, expiresAt));
        log.info("Issued an invite for staff member {} valid until {}; {} earlier unused invite(s) revoked",
                member.id(), expiresAt, revoked);
        return new IssuedInvite(member.id(), plain, expiresAt);
    }

    /** Binds an account with an invite code; empty if the code is unknown, used or expired (Telegram's so far). */
    @Transactional
    public Optional<StaffMember> redeemInvite(String code, ChatAddress account) {
        return account.messenger() == MessengerKind.TELEGRAM ? redeemInvite(code, account.chatId()) : Optional.empty();
    }

    /** Binds a Telegram user with an invite code; empty if the code is unknown, used or expired. */
    @Transactional
    public Optional<StaffMember> redeemInvite(String code, long telegramUserId) {
        Instant now = clock.instant();
        Optional<Invite> invite = invites.findForUpdate(hash(code)).filter(i -> i.usableAt(now));
        if (invite.isEmpty()) {
            log.info("Telegram user {} presented an unknown, used or expired invite code", telegramUserId);
            return Optional.empty();
        }
        Invite used = invite.get();
        used.use(telegramUserId, now);
        bindings.findByTelegramUserId(telegramUserId).ifPresent(old -> {
            bindings.delete(old);
            bindings.flush();
        });
        Optional<TelegramBinding> existing = bindings.findById(used.staffId());
        Long previous = existing.map(TelegramBinding::telegramUserId).filter(id -> id != telegramUserId)
                .orElse(null);
        TelegramBinding binding = existing.orElseGet(() -> new TelegramBinding(used.staffId(), telegramUserId, now));
        binding.rebind(telegramUserId, now);
        bindings.save(binding);
        Optional<StaffMember> member = directory.staff(used.staffId());
        if (previous != null) {
            log.warn("Staff member {} moved from Telegram user {} to {}", used.staffId(), previous, telegramUserId);
            events.publishEvent(new TelegramAccountReplaced(used.staffId(),
                    member.map(StaffMember::name).orElse(used.staffId()), previous, telegramUserId, now));
        } else {
            log.info("Telegram user {} is now bound to staff member {}", telegramUserId, used.staffId());
        }
        return member;
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
