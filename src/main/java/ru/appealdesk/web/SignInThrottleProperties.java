package ru.appealdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-in attempts (a wrong bearer token, an unknown or used login link, a refused Mini App
 * initData) one client address may make ({@code appealdesk.sign-in-throttle.*}); checked when bound.
 *
 * @param failures failed attempts an address may make per {@code period} before it gets 429 (default 10)
 * @param period   the time in which the failures are counted; they are forgiven gradually over it (default 1 minute)
 */
@ConfigurationProperties("appealdesk.sign-in-throttle")
record SignInThrottleProperties(Integer failures, Duration period) {

    SignInThrottleProperties {
        failures = failures == null ? 10 : failures;
        period = period == null ? Duration.ofMinutes(1) : period;
        if (failures < 1 || failures > 100_000) {
            throw new IllegalArgumentException("appealdesk.sign-in-throttle.failures must be 1..100000");
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("appealdesk.sign-in-throttle.period must be between 1s and 1d");
        }
    }
}
