package ru.appealdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottleProperties(3, Duration.ofMinutes(1)),
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
        SignInThrottleProperties defaults = Settings.bind("appealdesk.sign-in-throttle", SignInThrottleProperties.class,
                Map.of());
        assertThat(defaults.failures()).isEqualTo(10);
        assertThat(defaults.period()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> new SignInThrottleProperties(0, Duration.ofMinutes(1)))
                .hasMessageContaining("appealdesk.sign-in-throttle.failures");
        assertThatThrownBy(() -> new SignInThrottleProperties(10, Duration.ofMillis(10)))
                .hasMessageContaining("appealdesk.sign-in-throttle.period");
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
