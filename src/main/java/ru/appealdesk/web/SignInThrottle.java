package ru.appealdesk.web;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Failed sign-in attempts per client address, in this instance's memory: a bucket4j bucket of
 * {@code appealdesk.web.sign-in-throttle.failures} per {@code period} for each address (an IPv6 address counts by its
 * /64 network), taken from by failures only. An address whose bucket is empty is refused — every attempt, right or
 * wrong — with 429 and {@code Retry-After} until a token is back. Successes cost nothing. At most
 * {@value #MAX_ADDRESSES} addresses are remembered (the least recently seen are forgotten first).
 */
@Component
public class SignInThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final WebProperties.SignInThrottleSettings properties;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    SignInThrottle(WebProperties properties, Clock clock) {
        this.properties = properties.signInThrottle();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** How long the address must wait before it may try to sign in again; empty when it may try now. */
    public Optional<Duration> blocked(String address) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(key(address));
        }
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Counts a failed attempt from the address and logs it; {@code what} says what was refused. */
    public void failed(String address, String what) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key(address), k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(properties.failures())
                            .refillGreedy(properties.failures(), properties.period()).build())
                    .withCustomTimePrecision(time).build());
        }
        bucket.tryConsume(1);
        if (bucket.getAvailableTokens() > 0) {
            log.info("Refused {} from {}", safe(what), safe(address));
        } else {
            log.warn("Refused {} from {}: {} failed attempts within {}; further attempts from this address are "
                    + "refused with 429 for a while", safe(what), safe(address), properties.failures(),
                    properties.period());
        }
    }

    /** Answers 429 with {@code Retry-After} (whole seconds, at least 1) and a problem body. */
    public static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(wait)));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-in attempts from this "
                + "address; try again in " + retryAfterSeconds(wait) + " s");
    }

    /** The wait in whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** An IPv6 address counts by its /64 network: one host usually holds a whole /64. */
    static String key(String address) {
        if (address == null || address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]+")) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name is looked up
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
