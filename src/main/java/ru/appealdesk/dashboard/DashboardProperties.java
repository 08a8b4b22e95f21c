package ru.appealdesk.dashboard;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard's settings ({@code appealdesk.dashboard.*}), validated when bound.
 *
 * @param publicUrl The service's public address (APPEALDESK_PUBLIC_URL), e.g. https://appeals.example.ru: the Mini App
 *                  button and the login links point there; the Mini App needs HTTPS; empty turns /dashboard off
 * @param sessionTtl How long a dashboard session lasts after sign-in at most, however active
 * @param sessionIdleTimeout A session without a request this long ends (at least 2m, because the last request's time
 *                           is written at most once a minute, and at most session-ttl)
 * @param initDataMaxAge How old a Mini App's initData (its auth_date) may be; one initData opens one session
 */
@Validated
@ConfigurationProperties("appealdesk.dashboard")
record DashboardProperties(
        URI publicUrl,
        @DefaultValue("12h") @DurationMin(nanos = 0, inclusive = false, message = "must be positive")
        Duration sessionTtl,
        @DefaultValue("30m") @DurationMin(minutes = 2, message = "must be at least 2m")
        Duration sessionIdleTimeout,
        @DefaultValue("1h") @DurationMin(nanos = 0, inclusive = false, message = "must be positive")
        Duration initDataMaxAge) {

    /** A login link is valid this long (PRODUCT.md §12). */
    static final Duration LOGIN_LINK_TTL = Duration.ofMinutes(10);

    DashboardProperties {
        if (publicUrl != null && publicUrl.toString().isBlank()) {
            publicUrl = null;
        }
    }

    @AssertTrue(message = "APPEALDESK_PUBLIC_URL (appealdesk.dashboard.public-url) must be an absolute http(s) "
            + "address, e.g. https://appeals.example.ru")
    boolean isPublicUrlAbsoluteHttp() {
        return publicUrl == null || publicUrl.getHost() != null
                && ("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme()));
    }

    @AssertTrue(message = "appealdesk.dashboard.session-idle-timeout must be at most session-ttl")
    boolean isSessionIdleTimeoutWithinSessionTtl() {
        return sessionIdleTimeout.compareTo(sessionTtl) <= 0;
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
