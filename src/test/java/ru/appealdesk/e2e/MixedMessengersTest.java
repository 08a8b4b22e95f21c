package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeMax;
import ru.appealdesk.support.MaxPhone;
import ru.appealdesk.support.Phone;
import ru.appealdesk.support.Phone.Msg;
import ru.appealdesk.support.TelegramPhone;

/**
 * An organisation in both messengers at once (PRODUCT.md §14): the roads executors moved to MAX by a MAX invite
 * (bound last, so their cards go there), the coordinators and the approver stay in Telegram; one appeal goes from
 * intake to placement across both, and {@code /messenger} moves an executor's cards back to Telegram.
 */
class MixedMessengersTest extends EndToEndTest {

    static final FakeMax MAX = new FakeMax();
    private static final Phone IN_MAX = new MaxPhone(MAX);
    private static final Phone IN_TELEGRAM = new TelegramPhone(telegram);
    private static final List<String> MOVED_TO_MAX = List.of("morozov", "volkova");
    private static boolean moved;

    @DynamicPropertySource
    static void max(DynamicPropertyRegistry registry) {
        MAX.register(registry);
    }

    /** The roads executors also open their MAX invite links (everyone was bound in Telegram by the base class). */
    private void moveExecutorsToMax() {
        if (moved) {
            return;
        }
        // a minute after the Telegram bindings: MAX is the messenger they bound last
        clock.set(START.plusSeconds(60));
        for (String staff : MOVED_TO_MAX) {
            JsonNode invite = api.admin().post("/api/staff/" + staff + "/invites", "").json();
            assertThat(invite.get("maxLink").asText())
                    .isEqualTo("https://max.ru/appealdesk_test_bot?start=" + invite.get("code").asText());
            IN_MAX.start(user(staff), invite.get("code").asText());
        }
        MOVED_TO_MAX.forEach(staff -> IN_MAX.awaitMessage(user(staff), m -> m.text().contains("Вы подключены")));
        moved = true;
    }

    @Test
    void anAppealCrossesBothMessengersFromIntakeToPlacement() {
        // given the roads executors in MAX and everyone else in Telegram
        moveExecutorsToMax();

        // when a roads appeal comes in
        JsonNode created = register(appealRequest("DD-2026-920001", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        assertThat(MOVED_TO_MAX).contains(executor);

        // then its card reaches the executor in MAX, not in Telegram
        Msg card = IN_MAX.awaitMessage(user(executor), m -> m.hasButton("Взять в работу")
                && m.text().contains("DD-2026-920001"));
        assertThat(IN_TELEGRAM.messagesTo(user(executor))).noneMatch(m -> m.text().contains("DD-2026-920001"));

        // when the executor accepts and answers in MAX
        IN_MAX.press(user(executor), card, "Взять в работу");
        Msg accepted = IN_MAX.awaitMessage(user(executor), m -> m.hasButton("Подготовить ответ")
                && m.text().contains("DD-2026-920001"));
        int seen = IN_MAX.messagesTo(user(executor)).size();
        IN_MAX.press(user(executor), accepted, "Подготовить ответ");
        Msg types = awaitIn(IN_MAX, executor, seen, m -> m.hasButton("Не решено"));
        IN_MAX.press(user(executor), types, "Не решено");
        IN_MAX.awaitMessage(user(executor), m -> m.text().contains("Пришлите текст ответа"));
        seen = IN_MAX.messagesTo(user(executor)).size();
        IN_MAX.userSends(user(executor), "Ремонт дороги включён в план на май 2026 года.");
        Msg draft = awaitIn(IN_MAX, executor, seen, m -> m.hasButton("Отправить на согласование"));
        seen = IN_MAX.messagesTo(user(executor)).size();
        String submitted = IN_MAX.press(user(executor), draft, "Отправить на согласование");
        if (IN_MAX.awaitAnswer(submitted).contains("уведомлён")) {
            IN_MAX.press(user(executor), awaitIn(IN_MAX, executor, seen, m -> m.hasButton("Уведомлён по телефону")),
                    "Уведомлён по телефону");
        }

        // then the approver approves in Telegram and a coordinator places it in Telegram
        Msg review = IN_TELEGRAM.awaitMessage(user("belov"), m -> m.hasButton("Согласовать")
                && m.text().contains("Ремонт дороги включён в план"));
        IN_TELEGRAM.press(user("belov"), review, "Согласовать");
        Msg approved = IN_TELEGRAM.awaitMessage(user("popov"), m -> m.hasButton("Размещено")
                && m.text().contains("DD-2026-920001"));
        IN_TELEGRAM.press(user("popov"), approved, "Размещено");
        assertThat(awaitStatus(id, "CLOSED").get("resolution").asText()).isEqualTo("PUBLISHED");

        // and the executor learns it in MAX
        IN_MAX.awaitMessage(user(executor), m -> m.text().contains("Обращение закрыто")
                && m.text().contains("DD-2026-920001"));
        assertThat(MAX.violations()).as("MAX calls that broke the schema").isEmpty();
    }

    @Test
    void messengerMovesAPersonsCardsBackToTelegram() {
        // given an executor bound in both, cards in MAX
        moveExecutorsToMax();

        // when they send /messenger in MAX
        int seen = IN_MAX.messagesTo(user("volkova")).size();
        IN_MAX.userSends(user("volkova"), "/messenger");
        awaitIn(IN_MAX, "volkova", seen, m -> m.text().contains("теперь приходят в Telegram"));

        // then a new appeal's card reaches volkova in Telegram (and morozov, who did not switch, still in MAX)
        JsonNode created = register(appealRequest("DD-2026-920002", "roads"));
        String executor = created.get("executor").asText();
        Phone expected = executor.equals("volkova") ? IN_TELEGRAM : IN_MAX;
        Phone other = executor.equals("volkova") ? IN_MAX : IN_TELEGRAM;
        expected.awaitMessage(user(executor), m -> m.hasButton("Взять в работу") && m.text().contains("DD-2026-920002"));
        awaitOutboxDrained();
        assertThat(other.messagesTo(user(executor))).noneMatch(m -> m.text().contains("DD-2026-920002"));

        // and /messenger in Telegram moves them back to MAX
        seen = IN_TELEGRAM.messagesTo(user("volkova")).size();
        IN_TELEGRAM.userSends(user("volkova"), "/messenger");
        awaitIn(IN_TELEGRAM, "volkova", seen, m -> m.text().contains("теперь приходят в MAX"));
    }

    @Test
    void appealAskedForInTelegramIsAnsweredInTelegramThoughCardsGoToMax() {
        // given an executor bound in both whose cards go to MAX, and a new appeal of theirs there
        moveExecutorsToMax();
        JsonNode created = register(appealRequest("DD-2026-920003", "roads"));
        String executor = created.get("executor").asText();
        awaitOutboxDrained();

        // when they ask for it in Telegram
        int seen = IN_TELEGRAM.messagesTo(user(executor)).size();
        IN_TELEGRAM.userSends(user(executor), "/appeal DD-2026-920003");

        // then its card, with their buttons, comes where they asked
        Msg card = awaitIn(IN_TELEGRAM, executor, seen, m -> m.text().contains("DD-2026-920003"));
        assertThat(card.hasButton("Взять в работу")).isTrue();
    }

    @AfterEach
    void maxCallsFollowedTheSchema() {
        assertThat(MAX.violations()).as("MAX calls that broke the schema").isEmpty();
    }

    @AfterAll
    static void stop() {
        MAX.close();
    }

    private static Msg awaitIn(Phone phone, String staffId, int seen, java.util.function.Predicate<Msg> match) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Msg> all = phone.messagesTo(user(staffId));
            return all.subList(Math.min(seen, all.size()), all.size()).stream().filter(match).findFirst()
                    .orElse(null);
        }, java.util.Objects::nonNull);
    }
}
