package ru.appealdesk.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time login links and dashboard sessions, kept in PostgreSQL so that every instance knows them. A secret is
 * 32 random bytes handed out once; only its SHA-256 is stored. A link is used at most once, atomically.
 */
@Component
class Credentials {

    /** How a session was opened: a login link in a browser, or a Mini App's initData. */
    enum Origin { LINK, MINI_APP }

    /** A session's holder and kind. */
    record Session(String staffId, Origin origin, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Credentials(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new login link secret for {@code staffId}, valid {@code ttl}; expired rows are swept on the way. */
    @Transactional
    String issueLink(String staffId, Duration ttl) {
        Instant now = clock.instant();
        sweep(now);
        String secret = secret();
        jdbc.update("insert into dashboard_login_link (token_hash, staff_id, created_at, expires_at) values (?, ?, ?, ?)",
                hash(secret), staffId, Timestamp.from(now), Timestamp.from(now.plus(ttl)));
        return secret;
    }

    /** Uses a login link: its staff id once, if it is known, unused and not expired; empty otherwise. */
    @Transactional
    Optional<String> useLink(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<String> staff = jdbc.queryForList("update dashboard_login_link set used_at = ? where token_hash = ? "
                + "and used_at is null and expires_at > ? returning staff_id", String.class, now, hash(secret), now);
        return staff.stream().findFirst();
    }

    /** Opens a session for {@code staffId}; returns its secret (the cookie's value). */
    @Transactional
    String openSession(String staffId, Origin origin, Duration ttl) {
        Instant now = clock.instant();
        sweep(now);
        String secret = secret();
        jdbc.update("insert into dashboard_session (token_hash, staff_id, origin, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?)", hash(secret), staffId, origin.name(), Timestamp.from(now),
                Timestamp.from(now.plus(ttl)));
        return secret;
    }

    /** The live session of this secret. */
    @Transactional(readOnly = true)
    Optional<Session> session(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        return jdbc.query("select staff_id, origin, expires_at from dashboard_session where token_hash = ? "
                        + "and expires_at > ?", (rs, n) -> new Session(rs.getString(1), Origin.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()), hash(secret), Timestamp.from(clock.instant()))
                .stream().findFirst();
    }

    @Transactional
    void closeSession(String secret) {
        if (wellFormed(secret)) {
            jdbc.update("delete from dashboard_session where token_hash = ?", (Object) hash(secret));
        }
    }

    private void sweep(Instant now) {
        Timestamp dayAgo = Timestamp.from(now.minus(Duration.ofDays(1)));
        jdbc.update("delete from dashboard_login_link where expires_at < ?", dayAgo);
        jdbc.update("delete from dashboard_session where expires_at < ?", dayAgo);
    }

    private static boolean wellFormed(String secret) {
        return secret != null && secret.matches("[A-Za-z0-9_-]{43}");
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
