package ru.appealdesk.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web module's settings ({@code appealdesk.web.*}), validated when bound. An empty token opens nothing. The
 * connectors' entries are checked when the security configuration is built ({@link ApiTokens}), so that a refused
 * entry is reported by name, never by its value. application.yml maps the environment variables and the former
 * names ({@code appealdesk.api-token}, {@code appealdesk.sign-in-throttle.*}, ...) onto these keys.
 *
 * @param apiToken One token for every source and scope, kept for a single connector (APPEALDESK_API_TOKEN)
 * @param apiTokens The connectors' tokens with their sources and scopes: entries name:token:sources:scopes separated
 *                  by ';' or line breaks (APPEALDESK_API_TOKENS)
 * @param adminToken The administration token (APPEALDESK_ADMIN_TOKEN)
 * @param trustedProxies The reverse proxies whose X-Forwarded-* headers are believed: IP addresses (IPv4 or IPv6) and
 *                       IPv4 ranges in CIDR notation (APPEALDESK_TRUSTED_PROXIES); empty honours no forwarded header
 * @param signInThrottle How many failed sign-ins one client address may make
 */
@Validated
@ConfigurationProperties("appealdesk.web")
record WebProperties(String apiToken, String apiTokens, String adminToken,
                     List<@ProxyAddress String> trustedProxies,
                     @Valid @DefaultValue SignInThrottleSettings signInThrottle) {

    WebProperties {
        apiToken = apiToken == null ? "" : apiToken;
        apiTokens = apiTokens == null ? "" : apiTokens;
        adminToken = adminToken == null ? "" : adminToken;
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Failed sign-in attempts (a wrong bearer token, an unknown or used login link, a refused Mini App initData) one
     * client address may make.
     *
     * @param failures Failed attempts an address may make per period before it gets 429 (1..100000)
     * @param period The time in which the failures are counted; they are forgiven gradually over it (1s..1d)
     */
    record SignInThrottleSettings(
            @DefaultValue("10") @Range(min = 1, max = 100_000, message = "must be 1..100000")
            Integer failures,
            @DefaultValue("1m") @DurationMin(seconds = 1, message = "must be between 1s and 1d")
            @DurationMax(days = 1, message = "must be between 1s and 1d")
            Duration period) {
    }

    @Override
    public String toString() {
        return "WebProperties[apiToken=" + hidden(apiToken) + ", apiTokens=" + hidden(apiTokens) + ", adminToken="
                + hidden(adminToken) + ", trustedProxies=" + trustedProxies + ", signInThrottle=" + signInThrottle
                + "]";
    }

    private static String hidden(String value) {
        return value.isEmpty() ? "" : "***";
    }
}
