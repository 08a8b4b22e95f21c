package ru.appealdesk.dashboard;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's settings ({@code appealdesk.dashboard.*}).
 *
 * @param publicUrl      the service's public address ({@code APPEALDESK_PUBLIC_URL}): the Mini App button and the
 *                       login links point there; the Mini App needs HTTPS; empty turns {@code /dashboard} off
 * @param sessionTtl     how long a dashboard session lasts after sign-in at most (default 12 hours)
 * @param sessionIdleTimeout a session without a request this long ends (default 30 minutes; at least 2 minutes,
 *                       because the last request's time is written at most once a minute, and at most session-ttl)
 * @param initDataMaxAge how old Telegram's {@code initData} may be (its {@code auth_date}; default 1 hour)
 */
@ConfigurationProperties("appealdesk.dashboard")
record DashboardProperties(URI publicUrl, Duration sessionTtl, Duration sessionIdleTimeout, Duration initDataMaxAge) {

    /** A login link is valid this long (PRODUCT.md §12). */
    static final Duration LOGIN_LINK_TTL = Duration.ofMinutes(10);

    DashboardProperties {
        sessionTtl = sessionTtl == null ? Duration.ofHours(12) : sessionTtl;
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
        initDataMaxAge = initDataMaxAge == null ? Duration.ofHours(1) : initDataMaxAge;
        if (publicUrl != null && publicUrl.toString().isBlank()) {
            publicUrl = null;
        }
        if (publicUrl != null && (publicUrl.getHost() == null
                || !("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme())))) {
            throw new IllegalArgumentException("APPEALDESK_PUBLIC_URL must be an absolute http(s) address, e.g. "
                    + "https://appeals.example.ru");
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero() || initDataMaxAge.isNegative() || initDataMaxAge.isZero()) {
            throw new IllegalArgumentException("appealdesk.dashboard.session-ttl and init-data-max-age must be positive");
        }
        if (sessionIdleTimeout.compareTo(Duration.ofMinutes(2)) < 0
                || sessionIdleTimeout.compareTo(sessionTtl) > 0) {
            throw new IllegalArgumentException("appealdesk.dashboard.session-idle-timeout must be at least 2m and at "
                    + "most session-ttl");
        }
    }

    /** An address under the public URL, e.g. {@code /app/}. */
    String at(String path) {
        return publicUrl.toString().replaceAll("/+$", "") + path;
    }

    /** Telegram opens Mini Apps over HTTPS only. */
    boolean miniAppPossible() {
        return publicUrl != null && "https".equals(publicUrl.getScheme());
    }
}
