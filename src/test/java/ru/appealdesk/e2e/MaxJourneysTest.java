package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.FakeMax;
import ru.appealdesk.support.MaxPhone;
import ru.appealdesk.support.Phone;
import ru.appealdesk.support.Phone.Msg;

/**
 * {@link MessengerJourneys} in MAX: staff bound by MAX invite links ({@code bot_started} with the code), every
 * request the service makes checked against MAX's schema by the fake, at MAX's limits.
 */
class MaxJourneysTest extends MessengerJourneys {

    static final FakeMax MAX = new FakeMax();
    private static final Phone PHONE = new MaxPhone(MAX);

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void max(DynamicPropertyRegistry registry) {
        MAX.register(registry);
    }

    @Override
    protected Phone phone() {
        return PHONE;
    }

    @Test
    void aPersonWhoStoppedTheBotIsReportedToTheCoordinatorsOnceAndTheMessagesAreKept() {
        // given the roads executors stopped the bot in MAX (MAX answers 403 chat.denied)
        MAX.block(user("morozov"));
        MAX.block(user("volkova"));
        try {
            // when cards for them come, more than one each
            for (int i = 1; i <= 4; i++) {
                register(appealRequest("DD-2026-93000" + i, "roads"));
            }
            awaitOutboxDrained();

            // then a coordinator is told in MAX, once per person, that messages to them are not delivered, and the
            // messages are kept as undeliverable for an administrator's retry
            for (String surname : List.of("Морозов", "Волкова")) {
                PHONE.awaitMessage(user("sokolova"), m -> m.text().contains("не доставляются")
                        && m.text().contains(surname) && m.text().contains("MAX отвечает"));
                assertThat(PHONE.messagesTo(user("sokolova")).stream().filter(m -> m.text().contains("не доставляются")
                        && m.text().contains(surname)).count()).isEqualTo(1);
            }
            assertThat(jdbc.queryForObject("select count(*) from outbound_message where messenger = 'MAX' "
                    + "and status = 'UNDELIVERABLE'", Long.class)).isGreaterThanOrEqualTo(4);
        } finally {
            MAX.unblock(user("morozov"));
            MAX.unblock(user("volkova"));
        }
    }

    @Test
    void dashboardInMaxIsAOneTimeLoginLinkWithoutAMiniApp() {
        int seen = PHONE.messagesTo(user("smirnova")).size();
        PHONE.userSends(user("smirnova"), "/dashboard");
        Msg reply = PHONE.awaitMessage(user("smirnova"), m -> m.hasButton("Войти в браузере"));
        assertThat(PHONE.messagesTo(user("smirnova")).size()).isGreaterThan(seen);
        assertThat(reply.button("Войти в браузере").url()).startsWith(PUBLIC_URL + "/login?token=");
        assertThat(reply.keyboard()).hasSize(1);
        assertThat(MAX.calls()).noneMatch(c -> c.path().contains("menu"));
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
