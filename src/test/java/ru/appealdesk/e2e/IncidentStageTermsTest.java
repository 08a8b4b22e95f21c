package ru.appealdesk.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.support.ConfigVariant;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.workflow.AnswerDraft;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stages' own terms of «Инцидент Менеджмент» as its profile sets them (PRODUCT.md §13.2, seed 004 п.12–16: the
 * draft within the 6-hour term, approval and placement 30 minutes each): a stage late past its term is its holder's in
 * the reports — the approver's for a late approval, the placer's for a late placement, not the executor's; and the
 * co-executors' materials go to the coordinators (seed 004 п.17.2).
 */
class IncidentStageTermsTest extends EndToEndTest {

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> ConfigVariant.of("bot-config")
                .insertAfter("regulations.yml", "    review-within: \"30 working minutes\"               # seed 004 "
                        + "п.14: согласовать или вернуть «в течение 30 минут»", """
                            draft-within: "100%"
                            place-within: "30 working minutes"
                        """)
                .write("stage-terms"));
    }

    @Autowired
    AppealCommands appeals;
    @Autowired
    AppealQueries queries;

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    /** An ИМ roads appeal received and accepted at {@code local}, its draft submitted at {@code submitted}. */
    private long drafted(String number, String local, String submitted) {
        clock.set(msk(local));
        long id = register(appealRequest(number, "roads").put("source", "INCIDENT")
                .put("receivedAt", local + ":00+03:00")).get("id").asLong();
        AppealView a = queries.find(id).orElseThrow();
        a = appeals.accept(id, a.step(), a.executorId());
        clock.set(msk(submitted));
        appeals.submitAnswer(id, a.step(), a.executorId(), new AnswerDraft(AnswerType.RESOLVED, "Яма заделана.",
                null, List.of(), "PHONE"));
        return id;
    }

    private JsonNode report(String day) {
        return api.get("/api/reports/discipline?from=" + day + "&to=" + day).json();
    }

    private static JsonNode person(JsonNode report, String staffId) {
        for (JsonNode r : report.get("executors")) {
            if (staffId.equals(r.get("executorId").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row of " + staffId + " in " + report.get("executors"));
    }

    @Test
    void anAnswerDraftedInTimeButApprovedLateIsLateForTheApprover() {
        // given an ИМ appeal received Monday 05.04.2027 10:00: its answer is due at 17:48 (6 working hours to draft,
        // 30 minutes to approve, 30 to place), drafted at 11:00 — inside its term
        long id = drafted("ST-2027-1", "2027-04-05T10:00", "2027-04-05T11:00");
        AppealView a = queries.find(id).orElseThrow();
        assertThat(a.answerDueAt()).isEqualTo(msk("2027-04-05T17:48"));
        String executor = a.executorId();

        // when Белов approves at 17:40 (the approval was due at 11:30) and Соколова places it at 17:55
        clock.set(msk("2027-04-05T17:40"));
        a = appeals.approve(id, a.step(), "belov");
        clock.set(msk("2027-04-05T17:55"));
        appeals.markPublished(id, a.step(), "sokolova");

        // then the report books the late answer on the approver, not on the executor, and says which stage and how late
        JsonNode report = report("2027-04-05");
        assertThat(person(report, "belov").get("late").asLong()).isEqualTo(1);
        assertThat(person(report, executor).get("late").asLong()).isZero();
        JsonNode stages = report.get("lateStages");
        assertThat(stages).hasSize(1);
        assertThat(stages.get(0).get("number").asText()).isEqualTo("ST-2027-1");
        assertThat(stages.get(0).get("stage").asText()).isEqualTo("REVIEW");
        assertThat(stages.get(0).get("holderId").asText()).isEqualTo("belov");
        // 11:30 to 17:40 without the lunch break (13:00–13:48)
        assertThat(stages.get(0).get("lateMinutes").asLong()).isEqualTo(322);

        // and the CSV lists the stage too
        String csv = api.get("/api/reports/discipline?from=2027-04-05&to=2027-04-05&format=csv").raw();
        assertThat(csv).contains("ST-2027-1").contains("Согласование").contains("322");

        // and the appeal's page on the dashboard says which stage was late, whose and by how much
        DashboardClient dashboard = new DashboardClient(api);
        JsonNode page = dashboard.get("/app/api/appeals/" + id, dashboard.signIn(user("sokolova"), clock.instant()))
                .json();
        assertThat(page.get("lateStages")).hasSize(1);
        assertThat(page.at("/lateStages/0/stageLabel").asText()).isEqualTo("Согласование");
        assertThat(page.at("/lateStages/0/holder/id").asText()).isEqualTo("belov");
        assertThat(page.at("/lateStages/0/lateMinutes").asLong()).isEqualTo(322);
    }

    @Test
    void anAnswerPlacedLateIsLateForThePlacerWhoIsRemindedAtThePlacementsTerm() {
        // given an ИМ appeal received Tuesday 06.04.2027 10:00, drafted at 11:00 and approved at 11:10
        long id = drafted("ST-2027-2", "2027-04-06T10:00", "2027-04-06T11:00");
        clock.set(msk("2027-04-06T11:10"));
        AppealView a = queries.find(id).orElseThrow();
        a = appeals.approve(id, a.step(), "belov");
        String executor = a.executorId();

        // when the placement's 30 minutes pass, the placers are reminded
        clock.set(msk("2027-04-06T11:40:30"));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.linesMentioning(user("sokolova"), "ST-2027-2")
                .stream().anyMatch(line -> line.contains("⏰")));

        // and when Соколова places it only at 17:50, past the answer's term (17:48)
        clock.set(msk("2027-04-06T17:50"));
        appeals.markPublished(id, a.step(), "sokolova");

        // then the late answer is the placer's, the approval and the draft were in time
        JsonNode report = report("2027-04-06");
        assertThat(person(report, "sokolova").get("late").asLong()).isEqualTo(1);
        assertThat(person(report, executor).get("late").asLong()).isZero();
        JsonNode stages = report.get("lateStages");
        assertThat(stages).hasSize(1);
        assertThat(stages.get(0).get("stage").asText()).isEqualTo("PLACEMENT");
        assertThat(stages.get(0).get("holderId").asText()).isEqualTo("sokolova");
        assertThat(stages.get(0).get("lateMinutes").asLong()).isEqualTo(322);
    }

    @Test
    void theExecutorIsToldWhenTheDraftsOwnTermPasses() {
        // given an ИМ appeal received Thursday 08.04.2027 10:00 and accepted: the draft is due at 16:48
        clock.set(msk("2027-04-08T10:00"));
        long id = register(appealRequest("ST-2027-4", "roads").put("source", "INCIDENT")
                .put("receivedAt", "2027-04-08T10:00:00+03:00")).get("id").asLong();
        AppealView a = queries.find(id).orElseThrow();
        appeals.accept(id, a.step(), a.executorId());
        String executor = a.executorId();

        // inside the term the executor is not told it passed
        clock.set(msk("2027-04-08T16:47"));
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user(executor))).noneMatch(m -> m.text().contains("ST-2027-4")
                && m.text().contains("проект ответа не направлен"));

        // when it passes without a draft, the executor who holds it is told
        clock.set(msk("2027-04-08T16:48:30"));
        telegram.awaitMessage(user(executor), m -> m.text().contains("ST-2027-4")
                && m.text().contains("проект ответа не направлен на согласование к"));
    }

    @Test
    void theCoExecutorsMaterialsGoToTheCoordinators() {
        // given an ИМ appeal in work with Сидоров as co-executor
        clock.set(msk("2027-04-07T10:00"));
        long id = register(appealRequest("ST-2027-3", "roads").put("source", "INCIDENT")
                .put("receivedAt", "2027-04-07T10:00:00+03:00")).get("id").asLong();
        AppealView a = queries.find(id).orElseThrow();
        appeals.accept(id, a.step(), a.executorId());
        String executor = a.executorId();
        appeals.addCoExecutor(id, "sokolova", "sidorov");

        // when he delivers his materials
        appeals.deliverMaterials(id, "sidorov", "Колодец закрыт крышкой 07.04.2027.", List.of());

        // then the coordinators get them (seed 004 п.17.2: the lead specialist writes the common answer), not the
        // responsible executor
        telegram.awaitMessage(user("sokolova"), m -> m.text().contains("Материалы соисполнителя Сидоров")
                && m.text().contains("закрыт крышкой"));
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user(executor))).noneMatch(m -> m.text().contains("Материалы соисполнителя"));
        assertThat(telegram.messagesTo(user("sidorov"))).anyMatch(m -> m.text().contains("ST-2027-3")
                && m.text().contains("Соколова"));
    }
}
