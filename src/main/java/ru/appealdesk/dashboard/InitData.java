package ru.appealdesk.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a Mini App's {@code initData} as Telegram documents it: the fields but {@code hash}, sorted and joined as
 * {@code key=value} lines, signed with HMAC-SHA256 under {@code HMAC-SHA256("WebAppData", bot token)}; and its
 * {@code auth_date} no older than allowed. Returns the Telegram user it was issued to, and what identifies this very
 * initData (a digest of its signature) so that it can be used once.
 */
final class InitData {

    /** Valid initData: its Telegram user, a digest that identifies it, and until when it is accepted. */
    record Verified(long userId, byte[] digest, Instant usableUntil) {
    }

    /** Why {@code initData} is refused; the message is for the log and the problem detail. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private static final int MAX_LENGTH = 8192;
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final Duration maxAge;

    InitData(String botToken, Duration maxAge) {
        this.secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        this.maxAge = maxAge;
    }

    /** Valid {@code initData} signed for this bot, issued at most {@code maxAge} ago. */
    Verified verify(String raw, Instant now) throws Invalid {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            throw new Invalid("initData is missing or too long");
        }
        Map<String, String> fields = new TreeMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new Invalid("initData is not a query string");
            }
            String key = decode(pair.substring(0, eq));
            if (fields.put(key, decode(pair.substring(eq + 1))) != null) {
                throw new Invalid("initData repeats " + key);
            }
        }
        String hash = fields.remove("hash");
        if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
            throw new Invalid("initData has no hash");
        }
        StringBuilder check = new StringBuilder();
        fields.forEach((k, v) -> check.append(check.isEmpty() ? "" : "\n").append(k).append('=').append(v));
        byte[] expected = hmac(secret, check.toString().getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(hash.toLowerCase(java.util.Locale.ROOT)))) {
            throw new Invalid("initData signature does not match this bot");
        }
        Instant issued = authDate(fields.get("auth_date"));
        if (issued.isBefore(now.minus(maxAge)) || issued.isAfter(now.plus(FUTURE_SKEW))) {
            throw new Invalid("initData was issued at " + issued + ", outside the accepted age of " + maxAge);
        }
        return new Verified(userId(fields.get("user")), digest(expected), issued.plus(maxAge));
    }

    private static byte[] digest(byte[] signature) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signature);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant authDate(String value) throws Invalid {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | NullPointerException e) {
            throw new Invalid("initData has no valid auth_date");
        }
    }

    private static long userId(String user) throws Invalid {
        try {
            JsonNode id = user == null ? null : JSON.readTree(user).get("id");
            if (id == null || !id.canConvertToLong()) {
                throw new Invalid("initData has no user");
            }
            return id.asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Invalid("initData user is not JSON");
        }
    }

    private static String decode(String s) throws Invalid {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Invalid("initData is not URL-encoded properly");
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
