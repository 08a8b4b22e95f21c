package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/** Redirect to another organisation (PRODUCT.md §9, 001 §3, 003 Координатор): at once, or after a moderator (ПОС). */
class RedirectTest extends EndToEndTest {

    private static final String BASIS = "В Министерство транспорта МО: региональная дорога, ст. 8 59-ФЗ";

    @Test
    void aCoordinatorRedirectsAnAppealAndABasisIsRequired() {
        // given an appeal nobody was routed to
        long id = register(appealRequest("RD-2026-540001", "potholes-unknown")).get("id").asLong();
        Sent card = awaitCard("sokolova", "RD-2026-540001", "Перенаправить");
        awaitCard("popov", "RD-2026-540001", "Перенаправить");

        // when a coordinator redirects it without saying where or why
        long chat = user("sokolova");
        telegram.press(chat, card, "Перенаправить");
        telegram.awaitText(chat, "в какую организацию перенаправить обращение № RD-2026-540001");
        telegram.userSends(chat, "туда");

        // then it is refused and nothing changes
        telegram.awaitText(chat, "Комментарий слишком короткий");
        assertThat(appeal(id).get("status").asText()).isEqualTo("NEW");

        // when the coordinator gives the organisation and the basis
        telegram.userSends(chat, BASIS);

        // then it is closed as redirected, with the basis in the history, and the other coordinator's card says so
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("REDIRECTED");
        JsonNode last = closed.get("history").get(closed.get("history").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("REDIRECTED");
        assertThat(last.get("comment").asText()).isEqualTo(BASIS);
        telegram.awaitText(chat, "Обращение перенаправлено и закрыто");
        Sent other = telegram.awaitMessage(user("popov"), m -> m.text().contains("RD-2026-540001")
                && m.text().contains("Закрыто: Перенаправлено в другую организацию (Соколова Т.А.)"));
        assertThat(other.keyboard()).isEmpty();
        assertThat(pendingTimers(id)).as("timers of the closed appeal").isZero();
    }

    @Test
    void aPosRedirectWaitsForAModeratorWhoMayRejectIt() {
        // given a ПОС appeal nobody was routed to
        long id = register(appealRequest("RD-2026-540002", "potholes-unknown").put("source", "POS"))
                .get("id").asLong();
        long chat = user("sokolova");

        // when a coordinator redirects it
        telegram.press(chat, awaitCard("sokolova", "RD-2026-540002", "Перенаправить"), "Перенаправить");
        telegram.awaitText(chat, "в какую организацию перенаправить обращение № RD-2026-540002");
        telegram.userSends(chat, BASIS);

        // then it waits for a moderator, who sees where to and why
        JsonNode waiting = awaitStatus(id, "REDIRECT_REVIEW");
        assertThat(waiting.get("resolution").isNull()).isTrue();
        telegram.awaitText(chat, "отправлено на согласование модератору");
        Sent review = awaitCard("belov", "RD-2026-540002", "Отклонить");
        assertThat(review.text()).contains("Перенаправление на согласование", BASIS);

        // when a coordinator who is not a moderator forges «Согласовать»
        String forged = telegram.pressData(chat, review, review.button("Согласовать").data());

        // then it is refused
        assertThat(telegram.awaitAnswer(forged).text()).contains("недоступно");
        assertThat(appeal(id).get("status").asText()).isEqualTo("REDIRECT_REVIEW");

        // when the moderator rejects the redirect
        int seen = telegram.messagesTo(chat).size();
        String rejected = telegram.press(user("belov"), review, "Отклонить");

        // then the appeal is back with the coordinators, with a fresh card
        JsonNode back = awaitStatus(id, "NEW");
        assertThat(back.get("history").get(back.get("history").size() - 1).get("type").asText())
                .isEqualTo("REDIRECT_REJECTED");
        Sent again = awaitNew(chat, seen, m -> m.text().contains("RD-2026-540002") && m.hasButton("Перенаправить"));
        // a plain transition of the table: its reply, and its status line on the card of the step it ended
        assertThat(telegram.awaitAnswer(rejected).text()).isEqualTo("Перенаправление отклонено");
        Sent ended = telegram.awaitMessage(user("belov"), m -> m.messageId() == review.messageId()
                && m.text().contains("Перенаправление не согласовано"));
        assertThat(ended.text()).contains("✖️ Перенаправление не согласовано (");
        assertThat(ended.keyboard()).isEmpty();

        // when it is redirected again and the moderator approves
        telegram.press(chat, again, "Перенаправить");
        telegram.awaitText(chat, "в какую организацию перенаправить обращение № RD-2026-540002");
        int belovSeen = telegram.messagesTo(user("belov")).size();
        telegram.userSends(chat, BASIS);
        Sent second = awaitNew(user("belov"), belovSeen, m -> m.text().contains("RD-2026-540002")
                && m.hasButton("Согласовать"));
        telegram.press(user("belov"), second, "Согласовать");

        // then it is closed as redirected
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("REDIRECTED");
        assertThat(closed.get("history").get(closed.get("history").size() - 1).get("actor").asText())
                .isEqualTo("belov");
    }
}
