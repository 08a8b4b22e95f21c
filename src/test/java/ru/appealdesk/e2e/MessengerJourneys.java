package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.Phone;
import ru.appealdesk.support.Phone.Msg;

/**
 * The journeys that matter, written once and run in each messenger (PRODUCT.md §14: everything in §3 holds in MAX
 * as in Telegram): staff are bound by invites in the subclass's messenger ({@link #phone()}), and every step is
 * what a person sees and taps there. The subclasses say only which messenger.
 */
abstract class MessengerJourneys extends EndToEndTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 4, 2};
    private static final String LEGAL_REASON = "Вопрос не относится к компетенции управления: согласно п. 2.3 "
            + "Положения об Управлении ЖКХ содержание дворовых проездов ведёт управляющая компания.";

    static Instant msk(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void anInviteBindsTheAccountAndAStrangerGetsNothing() {
        // given everyone was bound by an invite in this messenger (EndToEndTest.bindStaff)
        assertThat(phone().messagesTo(user("sokolova"))).anyMatch(m -> m.text().contains("Вы подключены"));

        // when someone unknown writes
        phone().userSends(990_001, "Здравствуйте, что с моим обращением?");

        // then a short refusal, no appeal data, no buttons
        Msg refusal = phone().awaitMessage(990_001, m -> m.text().contains("не зарегистрированы"));
        assertThat(refusal.keyboard()).isEmpty();
    }

    @Test
    void anInviteThatBindsAnotherAccountTellsTheOldOne() {
        // given admin bound on a first phone by an invite
        long first = 990_101;
        long second = 990_102;
        phone().start(first, api.admin().post("/api/staff/admin/invites", "").json().get("code").asText());
        phone().awaitMessage(first, m -> m.text().contains("Вы подключены"));

        // when a new invite binds admin on a second phone
        phone().start(second, api.admin().post("/api/staff/admin/invites", "").json().get("code").asText());

        // then the second phone is admin's, and the first is told it no longer is
        phone().awaitMessage(second, m -> m.text().contains("Вы подключены"));
        phone().awaitMessage(first, m -> m.text().contains("больше не подключён как"));
    }

    @Test
    void fromIntakeThroughReturnAndAnswerWithAPhotoToPlacement() {
        // given a buildings appeal routed to one of its executors
        JsonNode created = register(appealRequest("DD-2026-910001", "buildings"));
        long id = created.get("id").asLong();
        String first = created.get("executor").asText();
        String other = first.equals("petrova") ? "sidorov" : "petrova";
        Msg card = awaitCardIn(first, "DD-2026-910001", "Вернуть");
        assertThat(card.hasButton("Взять в работу")).isTrue();
        assertThat(card.text()).contains("г. Руза, ул. Солнцева, 5", "+79990001122");

        // when the executor returns it, citing the legal basis
        phone().press(user(first), card, "Вернуть");
        awaitText(first, "Укажите причину возврата");
        phone().userSends(user(first), LEGAL_REASON);

        // then a coordinator reassigns it to the other executor, who accepts
        Msg returned = awaitCardIn("sokolova", "DD-2026-910001", "Отклонить возврат");
        assertThat(returned.text()).contains("п. 2.3 Положения об Управлении ЖКХ");
        phone().press(user("sokolova"), returned, shortName(other));
        Msg second = awaitCardIn(other, "DD-2026-910001", "Взять в работу");
        phone().press(user(other), second, "Взять в работу");
        Msg accepted = awaitCardIn(other, "DD-2026-910001", "Подготовить ответ");

        // when the executor answers «Решено» with a text and a photo and submits it
        int seen = phone().messagesTo(user(other)).size();
        phone().press(user(other), accepted, "Подготовить ответ");
        Msg types = awaitNew(other, seen, m -> m.hasButton("Решено") && m.hasButton("Отложено"));
        phone().press(user(other), types, "Решено");
        awaitText(other, "Пришлите текст ответа");
        seen = phone().messagesTo(user(other)).size();
        phone().userSends(user(other), "Подъезд отремонтирован 05.03.2026, фото прилагается.");
        awaitNew(other, seen, m -> m.hasButton("Отправить на согласование"));
        seen = phone().messagesTo(user(other)).size();
        phone().userSendsPhoto(user(other), JPEG);
        Msg draft = awaitNew(other, seen, m -> m.text().contains("Файл добавлен"));
        seen = phone().messagesTo(user(other)).size();
        String submitted = phone().press(user(other), draft, "Отправить на согласование");
        if (phone().awaitAnswer(submitted).contains("уведомлён")) {
            phone().press(user(other), awaitNew(other, seen, m -> m.hasButton("Уведомлён по телефону")),
                    "Уведомлён по телефону");
        }

        // then the approver gets the answer, its photo and the buttons, and approves
        Msg review = awaitCardIn("kuznetsova", "DD-2026-910001", "Согласовать");
        assertThat(review.hasButton("На доработку")).isTrue();
        assertThat(review.text()).contains("Подъезд отремонтирован 05.03.2026");
        await().atMost(Duration.ofSeconds(20)).until(() -> phone().messagesTo(user("kuznetsova")).stream()
                .anyMatch(Msg::file));
        phone().press(user("kuznetsova"), review, "Согласовать");

        // then a coordinator confirms the placement and the appeal is closed; the other coordinator's copy says so
        Msg approvedPopov = awaitCardIn("popov", "DD-2026-910001", "Размещено");
        Msg approvedSokolova = awaitCardIn("sokolova", "DD-2026-910001", "Размещено");
        phone().press(user("popov"), approvedPopov, "Размещено");
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo("PUBLISHED");
        assertThat(closed.at("/answer/attachments/0/kind").asText()).isEqualTo("PHOTO");
        phone().awaitMessage(user("sokolova"), m -> m.id().equals(approvedSokolova.id())
                && m.text().contains("Размещено на портале (Попов А.Е.)") && m.keyboard().isEmpty());
        awaitText(other, "Обращение закрыто");
    }

    @Test
    void remindersAndTheEscalationReachThePeopleOfEachLevel() {
        // given a roads appeal assigned at 10:00 on a Monday and left alone
        clock.set(msk("2026-03-16T10:00"));
        JsonNode created = register(appealRequest("DD-2026-910002", "roads").put("receivedAt",
                "2026-03-16T10:00:00+03:00"));
        String executor = created.get("executor").asText();
        awaitCardIn(executor, "DD-2026-910002", "Взять в работу");

        // then after 30 working minutes the executor is reminded, after 4 hours the coordinators are told, and
        // after 24 hours the deputy head gets the escalation
        clock.set(msk("2026-03-16T10:31"));
        awaitLine(executor, "DD-2026-910002", "⏰");
        clock.set(msk("2026-03-16T14:49"));
        awaitLine("sokolova", "DD-2026-910002", "⚠️");
        clock.set(msk("2026-03-17T10:01"));
        assertThat(awaitLine("orlov", "DD-2026-910002", "🚨")).contains("взять в работу");
        assertThat(awaitLine("sokolova", "DD-2026-910002", "🚨")).contains("Эскалировано заместителю главы");
    }

    @Test
    void aReportGoesToThoseWhoMayReadIt() {
        clock.set(msk("2027-03-10T11:00"));
        int seen = phone().messagesTo(user("morozov")).size();
        phone().userSends(user("morozov"), "/report");
        awaitNew("morozov", seen, m -> m.text().contains("нет доступа"));

        seen = phone().messagesTo(user("smirnova")).size();
        phone().userSends(user("smirnova"), "/report неделя");
        Msg summary = awaitNew("smirnova", seen, m -> m.text().contains("Отчёт за неделю"));
        assertThat(summary.text()).contains("Период: 04.03.2027 – 10.03.2027");
        await().atMost(Duration.ofSeconds(20)).until(() -> phone().messagesTo(user("smirnova"))
                .subList(0, phone().messagesTo(user("smirnova")).size()).stream().filter(Msg::file).count() >= 2);
    }

    @Test
    void aStalePressIsRefusedAndChangesNothing() {
        // given an appeal the executor has accepted
        JsonNode created = register(appealRequest("DD-2026-910003", "roads"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Msg card = awaitCardIn(executor, "DD-2026-910003", "Взять в работу");
        phone().press(user(executor), card, "Взять в работу");
        awaitCardIn(executor, "DD-2026-910003", "Подготовить ответ");

        // when the old card's «Вернуть» is pressed again (its data replayed)
        String press = phone().pressData(user(executor), card, card.button("Вернуть").data());

        // then an alert says the card is out of date, and the appeal stays where it was
        assertThat(phone().awaitAnswer(press)).contains("Карточка устарела");
        awaitOutboxDrained();
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");

        // and a forged press on someone else's appeal is refused too
        String forged = phone().pressData(user("morozov"), card, card.button("Вернуть").data());
        assertThat(phone().awaitAnswer(forged)).isNotBlank();
        assertThat(appeal(id).get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aClarificationIsPlacedAndTheReplyACoordinatorEntersReachesTheExecutor() {
        // given an ИМ roads appeal the executor accepted (seed 004 п.13)
        JsonNode created = register(appealRequest("IM-2026-940001", "roads").put("source", "INCIDENT"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        phone().press(user(executor), awaitCardIn(executor, "IM-2026-940001", "Взять в работу"), "Взять в работу");
        Msg accepted = awaitCardIn(executor, "IM-2026-940001", "Подготовить ответ");

        // when the executor drafts «Запрос уточнения» and submits it, the approver approves, a coordinator places it
        int seen = phone().messagesTo(user(executor)).size();
        phone().press(user(executor), accepted, "Подготовить ответ");
        phone().press(user(executor), awaitNew(executor, seen, m -> m.hasButton("Запрос уточнения")),
                "Запрос уточнения");
        awaitText(executor, "Пришлите текст ответа");
        seen = phone().messagesTo(user(executor)).size();
        phone().userSends(user(executor), "Уточните, пожалуйста, номер дома.");
        phone().press(user(executor), awaitNew(executor, seen, m -> m.hasButton("Отправить на согласование")),
                "Отправить на согласование");
        phone().press(user("belov"), awaitCardIn("belov", "IM-2026-940001", "Согласовать"), "Согласовать");
        phone().press(user("sokolova"), awaitCardIn("sokolova", "IM-2026-940001", "Размещено"), "Размещено");
        awaitStatus(id, "AWAITING_APPLICANT");

        // and presses «Ответ получен» on the card of the wait, typing the applicant's reply
        phone().press(user("sokolova"), awaitCardIn("sokolova", "IM-2026-940001", "Ответ получен"), "Ответ получен");
        awaitText("sokolova", "напишите одним сообщением ответ заявителя");
        seen = phone().messagesTo(user(executor)).size();
        phone().userSends(user("sokolova"), "Дом 7, второй подъезд.");

        // then the appeal is back with the executor, whose card shows the reply
        awaitStatus(id, "IN_PROGRESS");
        awaitNew(executor, seen, m -> m.text().contains("Дом 7, второй подъезд.") && m.hasButton("Подготовить ответ"));
    }

    private Msg awaitCardIn(String staffId, String number, String label) {
        return phone().awaitMessage(user(staffId), m -> m.hasButton(label) && m.text().contains(number));
    }

    private Msg awaitText(String staffId, String fragment) {
        return phone().awaitMessage(user(staffId), m -> m.text().contains(fragment));
    }

    private Msg awaitNew(String staffId, int seen, Predicate<Msg> match) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Msg> all = phone().messagesTo(user(staffId));
            return all.subList(Math.min(seen, all.size()), all.size()).stream().filter(match).findFirst()
                    .orElse(null);
        }, java.util.Objects::nonNull);
    }

    private String awaitLine(String staffId, String number, String marker) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> phone().messagesTo(user(staffId)).stream()
                .flatMap(m -> Arrays.stream(m.text().split("\n")))
                .filter(line -> line.contains(number) && line.contains(marker)).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private static String shortName(String staffId) {
        return staffId.equals("petrova") ? "Петрова А.С." : "Сидоров П.И.";
    }
}
