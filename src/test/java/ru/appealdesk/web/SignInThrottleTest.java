package ru.appealdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import ru.appealdesk.support.MutableClock;
import ru.appealdesk.support.Settings;

/** Failed sign-ins per client address: the bucket, its refill by the clock, and the bearer token filter's use of it. */
class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T07:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(Settings.bind("appealdesk.web", WebProperties.class,
            Map.of("appealdesk.web.sign-in-throttle.failures", "3", "appealdesk.web.sign-in-throttle.period", "1m")),
            clock);

    @Test
    void anAddressIsRefusedAfterItsFailuresUntilTheyAreForgivenOthersAreNot() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("203.0.113.5")).isEmpty();
            throttle.failed("203.0.113.5", "a bearer token");
        }
        // three failures a minute: one is forgiven every 20 seconds
        assertThat(throttle.blocked("203.0.113.5")).hasValue(Duration.ofSeconds(20));
        assertThat(throttle.blocked("198.51.100.7")).isEmpty();
        clock.advance(Duration.ofSeconds(15));
        assertThat(throttle.blocked("203.0.113.5")).hasValue(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(throttle.blocked("203.0.113.5")).isEmpty();
        throttle.failed("203.0.113.5", "a bearer token");
        assertThat(throttle.blocked("203.0.113.5")).isPresent();
    }

    @Test
    void anIpv6AddressCountsByItsNetwork() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("2001:db8:1:2:0:0:0:" + (i + 1), "a login link");
        }
        assertThat(throttle.blocked("2001:db8:1:2::ffff")).isPresent();
        assertThat(throttle.blocked("2001:db8:1:3::1")).isEmpty();
        assertThat(SignInThrottle.key("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(SignInThrottle.key("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(SignInThrottle.key("not-an-address.example")).isEqualTo("not-an-address.example");
    }

    @Test
    void wrongBearerTokensFromOneAddressGet429ThenRightOnesDoToo() throws Exception {
        BearerTokenFilter filter = new BearerTokenFilter(List.of(BearerTokenFilter.Credential.of(ApiCaller.everything(ApiCaller.ADMIN), "ADMIN",
                "the-right-token")), (request, response, e) -> response.sendError(401), throttle);
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, "203.0.113.9", "wrong-" + i).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = call(filter, "203.0.113.9", "wrong-again");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("Too many failed sign-in attempts");
        assertThat(call(filter, "203.0.113.9", "the-right-token").getStatus()).as("blocked whatever it sends")
                .isEqualTo(429);
        // another address is not affected, and right tokens are not counted
        for (int i = 0; i < 10; i++) {
            assertThat(call(filter, "198.51.100.9", "the-right-token").getStatus()).isEqualTo(200);
        }
        assertThat(call(filter, "198.51.100.9", "wrong").getStatus()).isEqualTo(401);
    }

    @Test
    void theSettingsAreChecked() {
        WebProperties.SignInThrottleSettings defaults = Settings.bind("appealdesk.web", WebProperties.class, Map.of())
                .signInThrottle();
        assertThat(defaults.failures()).isEqualTo(10);
        assertThat(defaults.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Settings.reason("appealdesk.web.sign-in-throttle.failures", "0")).isEqualTo("must be 1..100000");
        assertThat(Settings.reason("appealdesk.web.sign-in-throttle.period", "10ms"))
                .isEqualTo("must be between 1s and 1d");
        assertThat(Settings.reason("appealdesk.web.sign-in-throttle.period", "2d"))
                .isEqualTo("must be between 1s and 1d");
    }

    @Test
    void theFormerNamesStillSetTheLimit() {
        WebProperties.SignInThrottleSettings former = Settings.bind("appealdesk.web", WebProperties.class, Map.of(
                "appealdesk.sign-in-throttle.failures", "3", "appealdesk.sign-in-throttle.period", "2m"))
                .signInThrottle();
        assertThat(former.failures()).isEqualTo(3);
        assertThat(former.period()).isEqualTo(Duration.ofMinutes(2));
        assertThat(Settings.reason(Map.of("appealdesk.sign-in-throttle.failures", "0"),
                "appealdesk.web.sign-in-throttle.failures")).isEqualTo("must be 1..100000");
    }

    private static MockHttpServletResponse call(BearerTokenFilter filter, String address, String token)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/appeals");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
