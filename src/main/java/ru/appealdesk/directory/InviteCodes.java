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
import org.springframework.stereotype.Component;

/**
 * One-time, expiring invite codes: 20 random characters handed out once, only their SHA-256 kept; a new code revokes
 * the person's earlier unused ones. Called inside {@link StaffAccounts}' transactions.
 */
@Component
class InviteCodes {

    private static final Logger log = LoggerFactory.getLogger(InviteCodes.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final InviteRepository invites;
    private final Clock clock;
    private final Duration ttl;

    InviteCodes(InviteRepository invites, Clock clock, DirectoryProperties properties) {
        this.invites = invites;
        this.clock = clock;
        this.ttl = properties.inviteTtl();
    }

    StaffAccounts.IssuedInvite issue(String staffId) {
        char[] code = new char[20];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        String plain = new String(code);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        int revoked = invites.revokeUnused(staffId, now);
        invites.save(new Invite(hash(plain), staffId, now, expiresAt));
        log.info("Issued an invite for staff member {} valid until {}; {} earlier unused invite(s) revoked",
                staffId, expiresAt, revoked);
        return new StaffAccounts.IssuedInvite(staffId, plain, expiresAt);
    }

    /** The invite of this code, locked, if it is known, unused, not revoked and not expired at {@code now}. */
    Optional<Invite> usable(String code, Instant now) {
        return invites.findForUpdate(hash(code)).filter(i -> i.usableAt(now));
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
