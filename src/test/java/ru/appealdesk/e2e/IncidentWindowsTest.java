package ru.appealdesk.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * «Инцидент Менеджмент»'s 30-minute windows (seed 004 п.11, 14–16; regulations.yml INCIDENT: accept-within,
 * review-within, the ladder's first 30 working minutes): inside a window the step's action works; when it passes,
 * the appeal is accepted automatically (return) or the step's owner is reminded (approval, rework, placement).
 */
class IncidentWindowsTest extends EndToEndTest {

    private static final String LEGAL_REASON = "Вопрос не относится к компетенции управления: согласно п. 2.3 "
            + "Положения об Управлении ЖКХ содержание дворовых проездов ведёт управляющая компания.";

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    private List<String> alerts(String staff, String number, String phrase) {
        return telegram.linesMentioning(user(staff), number).stream().filter(b -> b.contains(phrase)).toList();
    }

    private String awaitAlert(String staff, String number, String phrase) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !alerts(staff, number, phrase).isEmpty());
        return alerts(staff, number, phrase).get(0);
    }

    /** An ИМ roads appeal received (and routed) at {@code local}: roads answers are approved by Белов. */
    private JsonNode incident(String number, String local) {
        clock.set(msk(local));
        return register(appealRequest(number, "roads").put("source", "INCIDENT")
                .put("receivedAt", local + ":00+03:00"));
    }

    @Test
    void theExecutorReturnsWithinThirtyMinutesAfterwhichTheAppealIsAcceptedAutomatically() {
        // seed 004 п.11: not the executor's, it is returned «в течение 30 минут» with written reasons
        JsonNode first = incident("IM-2026-910001", "2026-03-03T10:00");
        JsonNode second = incident("IM-2026-910002", "2026-03-03T10:00");
        String executor = first.get("executor").asText();
        long secondId = second.get("id").asLong();
        Sent card = awaitCard(executor, "IM-2026-910001", "Вернуть");
        Sent secondCard = awaitCard(second.get("executor").asText(), "IM-2026-910002", "Вернуть");

        // when the executor returns the first at 10:29, inside the window
        clock.set(msk("2026-03-03T10:29"));
        telegram.press(user(executor), card, "Вернуть");
        telegram.awaitText(user(executor), "Укажите причину возврата");
        telegram.userSends(user(executor), LEGAL_REASON);

        // then it is returned to the coordinators with the reason; the second is still waiting for its executor
        awaitCard("sokolova", "IM-2026-910001", "Отклонить возврат");
        assertThat(awaitStatus(first.get("id").asLong(), "RETURNED").get("history")).anyMatch(h -> h.get("type")
                .asText().equals("RETURNED") && h.get("comment").asText().contains("п. 2.3"));
        awaitOutboxDrained();
        assertThat(appeal(secondId).get("status").asText()).isEqualTo("ASSIGNED");

        // when 30 working minutes pass without a return
        clock.set(msk("2026-03-03T10:30:30"));

        // then the second is accepted automatically, the executor is told, and a return is no longer possible
        JsonNode accepted = awaitStatus(secondId, "IN_PROGRESS");
        assertThat(accepted.get("history")).anyMatch(h -> h.get("type").asText().equals("AUTO_ACCEPTED"));
        String owner = second.get("executor").asText();
        telegram.awaitMessage(user(owner), m -> m.text().contains("принято в работу автоматически")
                && m.text().contains("IM-2026-910002"));
        String late = telegram.press(user(owner), secondCard, "Вернуть");
        assertThat(telegram.awaitAnswer(late).text()).contains("Карточка устарела");
        awaitOutboxDrained();
        assertThat(appeal(secondId).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(telegram.messagesTo(user(owner))).noneMatch(m -> m.text().contains("IM-2026-910002")
                && m.text().contains("Укажите причину возврата"));
    }

    @Test
    void theApproverIsRemindedWhenThirtyMinutesPassWithoutApprovalAndApprovesInside() {
        // seed 004 п.14: the draft is approved or sent back «в течение 30 минут» of its arrival
        JsonNode created = incident("IM-2026-910003", "2026-03-04T10:00");
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "IM-2026-910003"), "Решено",
                "Яма заделана 04.03.2026."));
        awaitStatus(id, "ANSWER_REVIEW");
        Sent review = awaitCard("belov", "IM-2026-910003", "Согласовать");

        // inside the window nothing reminds the approver
        clock.set(msk("2026-03-04T10:29"));
        awaitOutboxDrained();
        assertThat(alerts("belov", "IM-2026-910003", "⏰")).isEmpty();

        // when the window passes, the approver is reminded
        clock.set(msk("2026-03-04T10:30:30"));
        awaitAlert("belov", "IM-2026-910003", "⏰");

        // and approving still works, which ends the reminders of that step
        telegram.press(user("belov"), review, "Согласовать");
        awaitStatus(id, "APPROVED");
    }

    @Test
    void theExecutorIsRemindedWhenReworkTakesLongerThanThirtyMinutes() {
        // seed 004 п.15: a draft sent back is reworked «в течение 30 минут» and submitted again
        JsonNode created = incident("IM-2026-910004", "2026-03-05T10:00");
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "IM-2026-910004"), "Не решено",
                "Ремонт в мае."));
        Sent review = awaitCard("belov", "IM-2026-910004", "На доработку");
        clock.set(msk("2026-03-05T10:10"));
        telegram.press(user("belov"), review, "На доработку");
        telegram.awaitText(user("belov"), "что нужно доработать");
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSends(user("belov"), "Укажите точную дату ремонта.");
        Sent rework = awaitNew(user(executor), seen, m -> m.hasButton("Подготовить ответ")
                && m.text().contains("IM-2026-910004"));
        awaitStatus(id, "REWORK");

        // inside the window (sent back at 10:10) the executor is not reminded
        clock.set(msk("2026-03-05T10:39"));
        awaitOutboxDrained();
        assertThat(alerts(executor, "IM-2026-910004", "⏰")).isEmpty();

        // when it passes, the executor is reminded
        clock.set(msk("2026-03-05T10:40:30"));
        awaitAlert(executor, "IM-2026-910004", "⏰");

        // and the reworked draft goes back for approval
        submitDraft(user(executor), draftAnswer(executor, rework, "Не решено", "Ремонт 15.05.2026."));
        awaitStatus(id, "ANSWER_REVIEW");
    }

    @Test
    void theCoordinatorsAreRemindedWhenAnApprovedAnswerIsNotPlacedWithinThirtyMinutes() {
        // seed 004 п.16: the approved answer is placed in ИМ «в течение 30 минут с момента согласования»
        JsonNode created = incident("IM-2026-910005", "2026-03-06T10:00");
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        submitDraft(user(executor), draftAnswer(executor, accept(executor, "IM-2026-910005"), "Решено",
                "Яма заделана 06.03.2026."));
        Sent review = awaitCard("belov", "IM-2026-910005", "Согласовать");
        clock.set(msk("2026-03-06T10:05"));
        telegram.press(user("belov"), review, "Согласовать");
        awaitStatus(id, "APPROVED");
        Sent place = awaitCard("sokolova", "IM-2026-910005", "Размещено");

        // inside the window (approved at 10:05) nobody is reminded
        clock.set(msk("2026-03-06T10:34"));
        awaitOutboxDrained();
        assertThat(alerts("sokolova", "IM-2026-910005", "⏰")).isEmpty();

        // when it passes, the coordinators are reminded to place it
        clock.set(msk("2026-03-06T10:35:30"));
        awaitAlert("sokolova", "IM-2026-910005", "⏰");

        // and «Размещено» closes it
        telegram.press(user("sokolova"), place, "Размещено");
        awaitStatus(id, "CLOSED");
    }

    @Test
    void aWindowLeftAtTheEndOfTheDayGoesOnFromTheNextWorkingDay() {
        // seed 004 п.9: what is left of a term in minutes at the end of the working day is counted from the start of
        // the next working day — given a draft submitted at 16:30 on Friday 06.03.2026 (the day ends at 16:45; Monday
        // 09.03.2026 is a holiday)
        JsonNode created = incident("IM-2026-910006", "2026-03-06T16:20");
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent inWork = accept(executor, "IM-2026-910006");
        clock.set(msk("2026-03-06T16:30"));
        submitDraft(user(executor), draftAnswer(executor, inWork, "Решено", "Яма заделана 06.03.2026."));
        awaitStatus(id, "ANSWER_REVIEW");
        awaitCard("belov", "IM-2026-910006", "Согласовать");

        // then 15 minutes are left for Tuesday: nobody is reminded before 09:15 on 10.03.2026
        clock.set(msk("2026-03-10T09:14"));
        awaitOutboxDrained();
        assertThat(alerts("belov", "IM-2026-910006", "⏰")).isEmpty();
        clock.set(msk("2026-03-10T09:15:30"));
        awaitAlert("belov", "IM-2026-910006", "⏰");
    }
}
