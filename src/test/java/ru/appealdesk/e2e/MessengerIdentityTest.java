package ru.appealdesk.e2e;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.dashboard.DashboardLinks;
import ru.appealdesk.directory.AccountReplaced;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.support.Api;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity in Telegram and MAX (PRODUCT.md §14) as far as this service speaks MAX yet: an invite answers a MAX link
 * beside Telegram's, {@code /messenger} in Telegram, and a MAX account bound and moved at the service (the MAX side of
 * the chat is not wired here) ending the person's dashboard sessions, a MAX account's too.
 */
@RecordApplicationEvents
@TestPropertySource(properties = "appealdesk.max.bot-username=@appealdesk_max_bot")
class MessengerIdentityTest extends EndToEndTest {

    @Autowired
    StaffAccounts accounts;
    @Autowired
    DashboardLinks links;
    @Autowired
    Directory directory;
    @Autowired
    ApplicationEvents events;

    DashboardClient dashboard;

    @BeforeEach
    void client() {
        dashboard = new DashboardClient(api);
    }

    @Test
    void anInviteAnswersATelegramAndAMaxLink() {
        Api.Response response = api.admin().post("/api/staff/nikitina/invites", "");

        assertThat(response.status()).isEqualTo(201);
        JsonNode invite = response.json();
        String code = invite.get("code").asText();
        assertThat(invite.get("link").asText()).startsWith("https://t.me/").endsWith("?start=" + code);
        assertThat(invite.get("maxLink").asText()).isEqualTo("https://max.ru/appealdesk_max_bot?start=" + code);
        assertThat(invite.get("expiresAt").asText()).startsWith("2026-03-05T10:00");
    }

    @Test
    void messengerInTelegramOnlySaysHowToBindMax() {
        long chat = user("petrova");
        int seen = telegram.messagesTo(chat).size();

        telegram.userSends(chat, "/messenger");

        String reply = awaitNew(chat, seen, m -> m.text().contains("только в Telegram")).text();
        assertThat(reply).contains("приглашение", "MAX");
        assertThat(accounts.addressOf("petrova")).contains(ChatAddress.telegram(chat));
    }

    @Test
    void messengerSwitchesSomeoneBoundInBoth() {
        // given sidorov bound in Telegram (the test base) and then in MAX, the messenger bound last
        long chat = user("sidorov");
        clock.advance(Duration.ofMinutes(1));
        assertThat(accounts.redeemInvite(code("sidorov"), ChatAddress.max(880_001))).isPresent();
        assertThat(accounts.addressOf("sidorov")).contains(ChatAddress.max(880_001));

        // when /messenger is sent in Telegram, twice
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/messenger");
        awaitNew(chat, seen, m -> m.text().contains("теперь приходят в Telegram"));
        assertThat(accounts.addressOf("sidorov")).contains(ChatAddress.telegram(chat));
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/messenger");
        awaitNew(chat, seen, m -> m.text().contains("теперь приходят в MAX"));
        assertThat(accounts.addressOf("sidorov")).contains(ChatAddress.max(880_001));

        // and the command is in /help
        seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/help");
        awaitNew(chat, seen, m -> m.text().contains("/messenger"));
    }

    @Test
    void aMoveInMaxEndsTheSessionsOfTheMaxAccountAndTheTelegramOne() {
        // given sokolova bound in Telegram and in MAX, signed in from both
        long telegramUser = user("sokolova");
        assertThat(accounts.redeemInvite(code("sokolova"), ChatAddress.max(880_101))).isPresent();
        String fromTelegram = dashboard.signIn(telegramUser, clock.instant());
        String token = links.issue(directory.staff("sokolova").orElseThrow(), ChatAddress.max(880_101))
                .orElseThrow().login().replaceFirst(".*token=", "");
        Api.Response signedIn = dashboard.login(token);
        assertThat(signedIn.status()).isEqualTo(303);
        String fromMax = DashboardClient.cookie(signedIn, "APPEALDESK_SESSION");
        assertThat(dashboard.get("/app/api/me", fromMax).json().get("id").asText()).isEqualTo("sokolova");
        String unused = links.issue(directory.staff("sokolova").orElseThrow(), ChatAddress.max(880_101))
                .orElseThrow().login().replaceFirst(".*token=", "");
        assertThat(links.issue(directory.staff("sokolova").orElseThrow(), ChatAddress.max(880_999))).isEmpty();
        assertThat(links.issue(directory.staff("sokolova").orElseThrow(), ChatAddress.max(880_101)).orElseThrow()
                .miniApp()).isNull();

        // when an invite binds another MAX account
        clock.advance(Duration.ofMinutes(1));
        assertThat(accounts.redeemInvite(code("sokolova"), ChatAddress.max(880_102))).isPresent();

        // then the move is published, and every session and link of sokolova's ends
        assertThat(events.stream(AccountReplaced.class)).singleElement().satisfies(e -> {
            assertThat(e.staffId()).isEqualTo("sokolova");
            assertThat(e.previous()).isEqualTo(ChatAddress.max(880_101));
            assertThat(e.current()).isEqualTo(ChatAddress.max(880_102));
        });
        assertThat(dashboard.get("/app/api/me", fromMax).status()).isEqualTo(401);
        assertThat(dashboard.get("/app/api/me", fromTelegram).status()).isEqualTo(401);
        assertThat(dashboard.login(unused).status()).isEqualTo(401);
        assertThat(accounts.byAccount(ChatAddress.max(880_101))).isEmpty();
        // the Telegram account is still sokolova's and signs in again
        assertThat(accounts.accountsOf("sokolova")).containsExactly(ChatAddress.telegram(telegramUser),
                ChatAddress.max(880_102));
        assertThat(accounts.switchMessenger("sokolova")).contains(MessengerKind.TELEGRAM);
        String again = dashboard.signIn(telegramUser, clock.instant());
        assertThat(dashboard.get("/app/api/me", again).status()).isEqualTo(200);
    }

    private String code(String staffId) {
        return api.admin().post("/api/staff/" + staffId + "/invites", "").json().get("code").asText();
    }
}
