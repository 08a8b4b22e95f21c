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
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;

/**
 * One-time login links and dashboard sessions, kept in PostgreSQL so that every instance knows them. A secret is
 * 32 random bytes handed out once; only its SHA-256 is stored. A link is used at most once, atomically. Each link
 * and session remembers the account it was issued to (a user id and its messenger); a session lives until
 * {@code session-ttl} after sign-in, or until {@code session-idle-timeout} passes without a request (the time of the
 * last request is written at most once a {@link #LAST_SEEN_STEP}), or until it is closed or revoked.
 */
@Component
class Credentials {

    /** How a session was opened: a login link in a browser, or a Mini App's initData. */
    enum Origin { LINK, MINI_APP }

    /** A live session's holder (staff member and their account) and kind. */
    record Session(String staffId, ChatAddress account, Origin origin, Instant expiresAt) {
    }

    /** A used login link's holder. */
    record Link(String staffId, ChatAddress account) {
    }

    /** A session's last request is written when it is older than this: not one write per request. */
    static final Duration LAST_SEEN_STEP = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DashboardProperties properties;

    Credentials(JdbcTemplate jdbc, Clock clock, DashboardProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A new login link secret for the staff member's account; expired rows are swept on the way. */
    @Transactional
    String issueLink(String staffId, ChatAddress account, Duration ttl) {
        Instant now = clock.instant();
        sweep(now);
        String secret = secret();
        jdbc.update("insert into dashboard_login_link (token_hash, staff_id, messenger, user_id, created_at, "
                + "expires_at) values (?, ?, ?, ?, ?, ?)", hash(secret), staffId, account.messenger().name(),
                account.chatId(), Timestamp.from(now), Timestamp.from(now.plus(ttl)));
        return secret;
    }

    /** Uses a login link: its holder once, if it is known, unused and not expired; empty otherwise. */
    @Transactional
    Optional<Link> useLink(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("update dashboard_login_link set used_at = ? where token_hash = ? and used_at is null "
                        + "and expires_at > ? returning staff_id, messenger, user_id",
                (rs, n) -> new Link(rs.getString(1), account(rs.getString(2), rs.getLong(3))), now, hash(secret), now)
                .stream().findFirst();
    }

    /** Opens a session for the staff member's account; returns its secret (the cookie's value). */
    @Transactional
    String openSession(String staffId, ChatAddress account, Origin origin) {
        Instant now = clock.instant();
        sweep(now);
        String secret = secret();
        jdbc.update("insert into dashboard_session (token_hash, staff_id, messenger, user_id, origin, created_at, "
                + "expires_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?)", hash(secret), staffId,
                account.messenger().name(), account.chatId(), origin.name(), Timestamp.from(now),
                Timestamp.from(now.plus(properties.sessionTtl())), Timestamp.from(now));
        return secret;
    }

    /**
     * Opens a Mini App session unless this initData (its {@code digest}) has opened one already; the digest is
     * remembered until {@code usableUntil}, when the initData is too old to be accepted anyway.
     */
    @Transactional
    Optional<String> openSessionOnce(byte[] digest, Instant usableUntil, String staffId, ChatAddress account) {
        int first = jdbc.update("insert into dashboard_init_data (digest, expires_at) values (?, ?) "
                + "on conflict do nothing", digest, Timestamp.from(usableUntil));
        return first == 1 ? Optional.of(openSession(staffId, account, Origin.MINI_APP)) : Optional.empty();
    }

    /** The live session of this secret: neither past its end nor idle too long. Notes the request's time. */
    @Transactional
    Optional<Session> session(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] hash = hash(secret);
        record Row(Session session, Instant lastSeen) {
        }
        Optional<Row> row = jdbc.query("select staff_id, messenger, user_id, origin, expires_at, last_seen_at "
                        + "from dashboard_session where token_hash = ? and expires_at > ? and last_seen_at > ?",
                (rs, n) -> new Row(new Session(rs.getString(1), account(rs.getString(2), rs.getLong(3)),
                        Origin.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()),
                        rs.getTimestamp(6).toInstant()),
                hash, Timestamp.from(now), Timestamp.from(now.minus(properties.sessionIdleTimeout())))
                .stream().findFirst();
        if (row.isPresent() && row.get().lastSeen().isBefore(now.minus(LAST_SEEN_STEP))) {
            jdbc.update("update dashboard_session set last_seen_at = ? where token_hash = ?", Timestamp.from(now),
                    hash);
        }
        return row.map(Row::session);
    }

    @Transactional
    void closeSession(String secret) {
        if (wellFormed(secret)) {
            jdbc.update("delete from dashboard_session where token_hash = ?", (Object) hash(secret));
        }
    }

    /** Ends every session of the staff member and voids their unused login links; returns how many. */
    @Transactional
    int revokeAll(String staffId) {
        int sessions = jdbc.update("delete from dashboard_session where staff_id = ?", staffId);
        int links = jdbc.update("update dashboard_login_link set used_at = ? where staff_id = ? and used_at is null",
                Timestamp.from(clock.instant()), staffId);
        return sessions + links;
    }

    private void sweep(Instant now) {
        Timestamp dayAgo = Timestamp.from(now.minus(Duration.ofDays(1)));
        jdbc.update("delete from dashboard_login_link where expires_at < ?", dayAgo);
        jdbc.update("delete from dashboard_session where expires_at < ? or last_seen_at < ?", dayAgo,
                Timestamp.from(now.minus(properties.sessionIdleTimeout()).minus(Duration.ofDays(1))));
        jdbc.update("delete from dashboard_init_data where expires_at < ?", Timestamp.from(now));
    }

    private static ChatAddress account(String messenger, long userId) {
        return new ChatAddress(MessengerKind.valueOf(messenger), userId);
    }

    private static boolean wellFormed(String secret) {
        return secret != null && secret.matches("[A-Za-z0-9_-]{43}");
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
