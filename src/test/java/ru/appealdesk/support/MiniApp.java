package ru.appealdesk.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a Mini App's {@code initData} as Telegram signs it, for a user and an instant. Each one is new (its own
 * {@code query_id}), as each opening of a Mini App is: the service lets one initData open one session only.
 */
public final class MiniApp {

    private static final AtomicLong QUERIES = new AtomicLong();

    private MiniApp() {
    }

    /** Signed with {@code botToken}: what Telegram passes to a Mini App opened by {@code userId}. */
    public static String initData(String botToken, long userId, Instant authDate) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        fields.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc" + QUERIES.incrementAndGet());
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"Анна\",\"last_name\":\"<Тест> & Co\","
                + "\"language_code\":\"ru\"}");
        String check = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        fields.put("hash", HexFormat.of().formatHex(hmac(secret, check.getBytes(StandardCharsets.UTF_8))));
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
