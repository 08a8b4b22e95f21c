package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.FakeMax;
import ru.appealdesk.support.MaxPhone;
import ru.appealdesk.support.Phone;

/**
 * {@link MessengerJourneys} in MAX: staff bound by MAX invite links ({@code bot_started} with the code), every
 * request the service makes checked against MAX's schema by the fake, at MAX's limits.
 */
class MaxJourneysTest extends MessengerJourneys {

    static final FakeMax MAX = new FakeMax();
    private static final Phone PHONE = new MaxPhone(MAX);

    @DynamicPropertySource
    static void max(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.max.bot-token", () -> FakeMax.TOKEN);
        registry.add("appealdesk.max.api-url", MAX::url);
        registry.add("appealdesk.max.poll-timeout", () -> "1s");
        registry.add("appealdesk.max.bot-username", () -> "appealdesk_test_bot");
        registry.add("appealdesk.delivery.max.private-chat-spacing", () -> PACE_SETTING);
    }

    @Override
    protected Phone phone() {
        return PHONE;
    }

    @AfterEach
    void maxCallsFollowedTheSchema() {
        assertThat(PHONE.takeViolations()).as("MAX Bot API calls that broke the schema").isEmpty();
    }

    @AfterAll
    static void stop() {
        MAX.close();
    }
}
