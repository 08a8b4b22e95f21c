package ru.appealdesk.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service keeps time for people (PRODUCT.md §6): the reminder ladder, auto-accept, the deadline countdown,
 * overdue alerts, the ЕЦУР claim deadline, quiet hours and grouping, all driven by moving the clock.
 */
class ReminderTest extends EndToEndTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.quartz.Scheduler scheduler;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    static Instant msk(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant();
    }

    /** Alert lines to a person about one appeal that contain a marker (⏰ reminder, ⚠️ coordinators, 🚨
     * escalation, ⏳ countdown, 🔥 overdue, ⛔ term expired: the same in a single alert and in a digest). */
    List<String> alerts(String staff, String number, String phrase) {
        return telegram.linesMentioning(user(staff), number).stream().filter(b -> b.contains(phrase)).toList();
    }

    String awaitAlert(String staff, String number, String phrase) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !alerts(staff, number, phrase).isEmpty());
        return alerts(staff, number, phrase).get(0);
    }

    /** Everything due has fired (the tick ran when the clock moved) and what it sent has arrived. */
    void settle() {
        awaitOutboxDrained();
    }

    @Test
    void eachLadderLevelReachesTheRightPeopleOnceThenTheAppealIsAcceptedAutomatically() {
        // given a Добродел roads appeal assigned at 10:00 on a Monday
        clock.set(msk("2026-03-16T10:00"));
        JsonNode created = register(appealRequest("DD-2026-600001", "roads").put("receivedAt",
                "2026-03-16T10:00:00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        awaitCard(executor, "DD-2026-600001", "Взять в работу");

        // level 1 after 30 working minutes: the executor is reminded
        clock.set(msk("2026-03-16T10:31"));
        awaitAlert(executor, "DD-2026-600001", "⏰");
        assertThat(alerts("sokolova", "DD-2026-600001", "⚠️")).isEmpty();

        // level 2 after 4 working hours (lunch excluded): the executor again, and the coordinators
        clock.set(msk("2026-03-16T14:49"));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(executor, "DD-2026-600001", "⏰").size() == 2);
        awaitAlert("sokolova", "DD-2026-600001", "без движения с 16.03.2026 10:00");
        awaitAlert("popov", "DD-2026-600001", "⚠️");
        assertThat(alerts("orlov", "DD-2026-600001", "🚨")).isEmpty();

        // level 3 after 24 hours: the deputy head of the executor's department, and the coordinators;
        // the accept window (24 hours) passes at the same moment: accepted automatically
        clock.set(msk("2026-03-17T10:01"));
        awaitAlert("orlov", "DD-2026-600001", "🚨");
        assertThat(alerts("orlov", "DD-2026-600001", "🚨").get(0)).contains("с 16.03.2026 10:00 без движения",
                "взять в работу");
        // the coordinators' level-3 alert says to whom it was escalated and since when, unlike level 2
        String escalated = awaitAlert("sokolova", "DD-2026-600001", "🚨");
        assertThat(escalated).contains("Эскалировано заместителю главы Орлов В.С.", "ждёт с 16.03.2026 10:00");
        assertThat(alerts("sokolova", "DD-2026-600001", "⚠️").get(0)).doesNotContain("Эскалировано");
        JsonNode accepted = awaitStatus(id, "IN_PROGRESS");
        assertThat(accepted.get("history")).anyMatch(h -> h.get("type").asText().equals("AUTO_ACCEPTED")
                && h.get("actor").isNull());
        telegram.awaitMessage(user(executor), m -> m.text().contains("принято в работу автоматически")
                && m.text().contains("DD-2026-600001") && m.hasButton("Подготовить ответ"));

        // each level fired once
        clock.set(msk("2026-03-17T12:00"));
        settle();
        assertThat(alerts(executor, "DD-2026-600001", "⏰")).hasSize(2);
        assertThat(alerts("sokolova", "DD-2026-600001", "⚠️")).hasSize(1);
        assertThat(alerts("sokolova", "DD-2026-600001", "🚨")).hasSize(1);
        assertThat(alerts("orlov", "DD-2026-600001", "🚨")).hasSize(1);
    }

    @Test
    void theTickRunsWhenTheClockMovesAndNeverOnItsOwn() throws Exception {
        // given the scheduler's own trigger is off (appealdesk.scheduler.enabled=false): none is registered
        org.quartz.JobKey job = org.quartz.JobKey.jobKey("timer-tick", "appealdesk");
        assertThat(scheduler.getTriggersOfJob(job)).isEmpty();
        clock.set(msk("2026-03-16T10:00"));
        long id = register(appealRequest("DD-2026-600009", "roads").put("receivedAt", "2026-03-16T10:00:00+03:00"))
                .get("id").asLong();

        // when the clock passes the first ladder level, then the timer has fired by the time the clock has moved
        clock.set(msk("2026-03-16T10:31"));
        assertThat(jdbc.queryForObject("select count(*) from timer where appeal_id = ? and kind = 'LADDER' "
                + "and status = 'FIRED'", Long.class, id)).isEqualTo(1);

        // and a trigger an earlier start stored is removed at start-up when the scheduler is off
        scheduler.scheduleJob(org.quartz.TriggerBuilder.newTrigger().forJob(job).withIdentity("timer-tick",
                "appealdesk").withSchedule(org.quartz.SimpleScheduleBuilder.repeatHourlyForever()).build());
        context.getBean("timerTickTriggerRemoved", org.springframework.boot.ApplicationRunner.class).run(null);
        assertThat(scheduler.getTriggersOfJob(job)).isEmpty();
    }

    @Test
    void actingBetweenLevelsCancelsWhatHasNotFired() {
        clock.set(msk("2026-03-23T10:00"));
        JsonNode created = register(appealRequest("DD-2026-600002", "roads").put("receivedAt",
                "2026-03-23T10:00:00+03:00"));
        String executor = created.get("executor").asText();
        clock.set(msk("2026-03-23T10:31"));
        awaitAlert(executor, "DD-2026-600002", "⏰");

        accept(executor, "DD-2026-600002");
        clock.set(msk("2026-03-24T11:00"));
        settle();

        assertThat(alerts(executor, "DD-2026-600002", "⏰")).hasSize(1);
        assertThat(alerts("sokolova", "DD-2026-600002", "⚠️")).isEmpty();
        assertThat(alerts("orlov", "DD-2026-600002", "🚨")).isEmpty();
    }

    @Test
    void theCountdownRemindsTheExecutorInWorkingTimeAndOverdueIsAlertedOnce() {
        // registered Monday 30 March: due Thursday 9 April, answer due Tuesday 7 April 18:00
        clock.set(msk("2026-03-30T10:00"));
        JsonNode created = register(appealRequest("DD-2026-600003", "roads").put("receivedAt",
                "2026-03-30T10:00:00+03:00"));
        long id = created.get("id").asLong();
        assertThat(created.get("answerDueAt").asText()).isEqualTo("2026-04-07T18:00:00+03:00");
        String executor = created.get("executor").asText();
        accept(executor, "DD-2026-600003");

        // 24 hours before is 18:00 on Monday, outside working time: delivered at 09:00 on Tuesday
        clock.set(msk("2026-04-06T18:30"));
        settle();
        assertThat(alerts(executor, "DD-2026-600003", "⏳")).isEmpty();
        clock.set(msk("2026-04-07T09:00:30"));
        awaitAlert(executor, "DD-2026-600003", "⏳");

        // 4 hours before: 14:00; 30 minutes before: 17:30
        clock.set(msk("2026-04-07T14:01"));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(executor, "DD-2026-600003", "⏳").size() == 2);
        clock.set(msk("2026-04-07T17:31"));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(executor, "DD-2026-600003", "⏳").size() == 3);
        // each countdown says which one it is and how much working time is left
        List<String> countdowns = alerts(executor, "DD-2026-600003", "⏳");
        assertThat(countdowns.get(0)).contains("За 24 часа до срока ответа", "рабочего времени осталось 8 ч");
        assertThat(countdowns.get(1)).contains("За 4 часа до срока ответа", "рабочего времени осталось 3 ч 59 мин");
        assertThat(countdowns.get(2)).contains("За 30 минут до срока ответа", "рабочего времени осталось 29 мин");
        assertThat(countdowns).doesNotHaveDuplicates();

        // answerDueAt passes at 18:00; the alert waits for the morning, goes to the deputy head and coordinators
        clock.set(msk("2026-04-07T18:30"));
        settle();
        assertThat(alerts("orlov", "DD-2026-600003", "🔥")).isEmpty();
        clock.set(msk("2026-04-08T09:00:30"));
        awaitAlert("orlov", "DD-2026-600003", "🔥");
        awaitAlert("popov", "DD-2026-600003", "🔥");
        // (and to whoever holds it: here the executor, who has not answered — PRODUCT.md §9)
        assertThat(awaitAlert(executor, "DD-2026-600003", "🔥")).contains("не размещён на портале");
        assertThat(api.get("/api/appeals?overdue=true&size=200").json()).anyMatch(a -> a.get("id").asLong() == id);

        // dueAt (18:00 on Thursday) passes too: «Срок рассмотрения истёк», once, to the same people
        clock.set(msk("2026-04-10T11:00"));
        assertThat(awaitAlert("orlov", "DD-2026-600003", "⛔")).contains("Срок рассмотрения истёк");
        awaitAlert(executor, "DD-2026-600003", "⛔");
        settle();
        assertThat(alerts("orlov", "DD-2026-600003", "🔥")).hasSize(1);
        assertThat(alerts("orlov", "DD-2026-600003", "⛔")).hasSize(1);
        assertThat(alerts(executor, "DD-2026-600003", "⏳")).hasSize(3);
    }

    @Test
    void nothingIsSentAtNightExceptForHighPriority() {
        // registered Friday 16:30; the 24-hour level falls on Saturday
        clock.set(msk("2026-04-17T16:30"));
        JsonNode normal = register(appealRequest("DD-2026-600004", "roads").put("receivedAt",
                "2026-04-17T16:30:00+03:00"));
        JsonNode high = register(appealRequest("DD-2026-600005", "roads").put("priority", "HIGH")
                .put("receivedAt", "2026-04-17T16:30:00+03:00"));

        clock.set(msk("2026-04-18T16:31"));
        awaitAlert("orlov", "DD-2026-600005", "🚨");
        settle();
        assertThat(alerts("orlov", "DD-2026-600004", "🚨")).isEmpty();
        assertThat(appeal(normal.get("id").asLong()).get("status").asText()).isEqualTo("IN_PROGRESS");
        String executor = normal.get("executor").asText();
        assertThat(telegram.messagesTo(user(executor))).noneMatch(m -> m.text().contains("DD-2026-600004")
                && m.text().contains("принято в работу автоматически"));

        // Monday 09:00 the deferred escalation and the auto-accept notice arrive
        clock.set(msk("2026-04-20T09:00:30"));
        awaitAlert("orlov", "DD-2026-600004", "🚨");
        telegram.awaitMessage(user(executor), m -> m.text().contains("DD-2026-600004")
                && m.text().contains("принято в работу автоматически"));
        assertThat(high.get("priority").asText()).isEqualTo("HIGH");
    }

    @Test
    void alertsForOnePersonInOneTickGoAsOneMessage() {
        // thirty appeals long overdue arrive on a Sunday evening
        clock.set(msk("2026-04-26T20:00"));
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // (yards: their executor is no one else's in the tests that share this database — thirty appeals keep
            // a chat's queue busy for a minute)
            ids.add(register(appealRequest("DD-2026-6100" + String.format("%02d", i), "yards")
                    .put("receivedAt", "2026-03-02T10:00:00+03:00")).get("id").asLong());
        }
        settle();
        int before = telegram.messagesTo(user("orlov")).size();

        // Monday morning: one message to the deputy head lists them all
        clock.set(msk("2026-04-27T09:00:30"));
        Sent digest = telegram.awaitMessage(user("orlov"), m -> m.text().contains("DD-2026-610029"));
        List<Sent> received = telegram.messagesTo(user("orlov"));
        assertThat(received.subList(before, received.size()).stream()
                .filter(m -> m.text().contains("DD-2026-6100"))).hasSize(1);
        // (past both terms, each is told once, as «Срок рассмотрения истёк», not also as overdue)
        assertThat(digest.text()).contains("Уведомления по обращениям (30)", "⛔ Срок рассмотрения истёк: 30")
                .doesNotContain("🔥");
        assertThat(alerts("orlov", "DD-2026-6100", "⛔")).hasSize(30);
        assertThat(digest.text().length()).isLessThanOrEqualTo(4096);
        assertThat(digest.keyboard()).hasSize(10);

        // the portal closes them, so that their timers stop
        closeAll(ids);
    }

    /** The portal closes these appeals as duplicates, so that their timers stop. */
    void closeAll(List<Long> ids) {
        for (long id : ids) {
            assertThat(api.post("/api/appeals/" + id + "/close",
                    "{\"resolution\":\"DUPLICATE\",\"reason\":\"Закрыто после теста\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void anEcurAppealNotAcceptedBy15IsPutToTheCoordinators() {
        clock.set(msk("2026-05-12T14:00"));
        JsonNode created = register(appealRequest("EC-2026-700001", "water").put("source", "ECUR")
                .put("receivedAt", "2026-05-12T14:00:00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        awaitCard(executor, "EC-2026-700001", "Взять в работу");

        clock.set(msk("2026-05-12T14:59"));
        settle();
        assertThat(appeal(id).get("status").asText()).isEqualTo("ASSIGNED");

        clock.set(msk("2026-05-12T15:00:30"));
        JsonNode released = awaitStatus(id, "NEW");
        assertThat(released.get("executor").isNull()).isTrue();
        assertThat(released.get("history")).anyMatch(h -> h.get("type").asText().equals("CLAIM_EXPIRED"));
        Sent card = awaitCard("sokolova", "EC-2026-700001", "Сидоров П.И.");
        telegram.awaitText(user(executor), "не было принято в работу до установленного времени");
        telegram.press(user("sokolova"), card, "Сидоров П.И.");
        assertThat(awaitStatus(id, "ASSIGNED").get("executor").asText()).isEqualTo("sidorov");

        // an appeal the coordinator assigned after the release is not released again the next day (seed 000 п.7)
        clock.set(msk("2026-05-13T15:00:30"));
        settle();
        JsonNode kept = appeal(id);
        assertThat(kept.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(kept.get("history")).filteredOn(h -> h.get("type").asText().equals("CLAIM_EXPIRED")).hasSize(1);
    }

    @Test
    void anEcurAppealAcceptedByMistakeCanBeReturnedWithinADay() {
        // given two ЕЦУР appeals accepted at 10:00, and a Добродел one
        clock.set(msk("2026-06-02T10:00"));
        String legal = "Вопрос не относится к компетенции управления: согласно п. 2.3 Положения об Управлении ЖКХ "
                + "содержание сетей ведёт ресурсоснабжающая организация.";
        long first = register(appealRequest("EC-2026-700002", "buildings").put("source", "ECUR")
                .put("receivedAt", "2026-06-02T09:00:00+03:00")).get("id").asLong();
        JsonNode second = register(appealRequest("EC-2026-700003", "buildings").put("source", "ECUR")
                .put("receivedAt", "2026-06-02T09:00:00+03:00"));
        JsonNode dobrodel = register(appealRequest("DD-2026-700004", "buildings")
                .put("receivedAt", "2026-06-02T09:00:00+03:00"));
        String executor = appeal(first).get("executor").asText();
        Sent accepted = accept(executor, "EC-2026-700002");
        Sent acceptedSecond = accept(second.get("executor").asText(), "EC-2026-700003");
        Sent acceptedDobrodel = accept(dobrodel.get("executor").asText(), "DD-2026-700004");

        // then the ЕЦУР cards offer «Вернуть» until 10:00 tomorrow; the Добродел card does not
        assertThat(accepted.button("Вернуть").text()).contains("до 03.06.2026 10:00");
        assertThat(acceptedDobrodel.hasButton("Вернуть")).isFalse();

        // when the executor returns the first one within the day, with the legal basis
        telegram.press(user(executor), accepted, "Вернуть");
        telegram.awaitText(user(executor), "Укажите причину возврата");
        telegram.userSends(user(executor), legal);

        // then it goes back to the coordinators
        JsonNode returned = awaitStatus(first, "RETURNED");
        assertThat(returned.get("history").get(returned.get("history").size() - 1).get("comment").asText())
                .contains("п. 2.3");

        // when the day has passed and the other is pressed
        clock.set(msk("2026-06-03T10:01"));
        String late = telegram.press(user(second.get("executor").asText()), acceptedSecond, "Вернуть");

        // then it is refused with the reason and stays in work
        assertThat(telegram.awaitAnswer(late).text()).contains("только в течение суток");
        assertThat(appeal(second.get("id").asLong()).get("status").asText()).isEqualTo("IN_PROGRESS");
        closeAll(List.of(first, second.get("id").asLong(), dobrodel.get("id").asLong()));
    }

    @Test
    void anApprovedAnswerNotPlacedByTheAnswerDeadlineIsOverdueForItsHolders() {
        // given an answer approved on time (Добродел, answerDueAt 18:00 on Tuesday 23 June, dueAt 18:00 on
        // Thursday 25 June)
        clock.set(msk("2026-06-15T10:00"));
        // (a housing category: the roads executors hold the other tests' thirty overdue appeals)
        JsonNode created = register(appealRequest("DD-2026-620001", "buildings")
                .put("receivedAt", "2026-06-15T10:00:00+03:00"));
        long id = created.get("id").asLong();
        String executor = created.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "DD-2026-620001"), "Решено", "Сделано 16.06.2026.");
        submitDraft(user(executor), draft);
        telegram.press(user("kuznetsova"), awaitCard("kuznetsova", "DD-2026-620001", "Согласовать"), "Согласовать");
        JsonNode approved = awaitStatus(id, "APPROVED");
        assertThat(approved.get("answerDueAt").asText()).isEqualTo("2026-06-23T18:00:00+03:00");
        assertThat(approved.get("overdue").asBoolean()).isFalse();

        // when nobody places it on the portal by the answer deadline
        clock.set(msk("2026-06-24T09:00:30"));

        // then it is overdue, and the coordinators who hold it are told, as is the deputy head
        // (alone or in a digest with the step's reminders: either way it says what and who holds it)
        assertThat(awaitAlert("sokolova", "DD-2026-620001", "🔥")).contains("не размещ", "23.06.2026 18:00",
                "Соколова Т.А.");
        awaitAlert("orlov", "DD-2026-620001", "🔥");
        // and so is its executor, who must see that the answer is placed (seed 000 п.12)
        assertThat(awaitAlert(executor, "DD-2026-620001", "🔥")).contains("не размещ");
        assertThat(appeal(id).get("overdue").asBoolean()).isTrue();
        assertThat(api.get("/api/appeals?overdue=true&size=200").json()).anyMatch(a -> a.get("id").asLong() == id);

        // when a coordinator places it at last
        telegram.press(user("sokolova"), awaitCard("sokolova", "DD-2026-620001", "Размещено"), "Размещено");

        // then it is closed, no longer overdue, and the term's end says nothing
        assertThat(awaitStatus(id, "CLOSED").get("overdue").asBoolean()).isFalse();
        clock.set(msk("2026-06-29T12:00"));
        settle();
        assertThat(alerts("orlov", "DD-2026-620001", "⛔")).isEmpty();
    }

    @Test
    void incidentManagementRemindsAboutUnroutedAppealsAndEscalatesBeforeItsSixHourTerm() {
        // given an ИМ appeal nobody could be routed to, at 10:00 on a Monday
        clock.set(msk("2026-06-08T10:00"));
        long unrouted = register(appealRequest("IM-2026-800001", "potholes-unknown").put("source", "INCIDENT")
                .put("receivedAt", "2026-06-08T10:00:00+03:00")).get("id").asLong();

        // then the coordinators are reminded after 30 working minutes, not before (seed 004 п.10)
        clock.set(msk("2026-06-08T10:29"));
        settle();
        assertThat(alerts("sokolova", "IM-2026-800001", "⏰")).isEmpty();
        clock.set(msk("2026-06-08T10:30:30"));
        assertThat(awaitAlert("sokolova", "IM-2026-800001", "⏰")).contains("назначить исполнителя");
        assertThat(appeal(unrouted).get("status").asText()).isEqualTo("NEW");

        // given a FAST_TRACK ИМ appeal of a category with fast-track days, whose answer waits for approval
        clock.set(msk("2026-06-08T11:00"));
        JsonNode created = register(appealRequest("IM-2026-800002", "benefits").put("source", "INCIDENT")
                .put("priority", "FAST_TRACK").put("receivedAt", "2026-06-08T11:00:00+03:00"));
        // (the category's 3 fast-track days are for ПОС: ИМ keeps its 6 working hours, seed 004 п.12)
        assertThat(created.get("answerDueAt").asText()).isEqualTo("2026-06-08T17:48:00+03:00");
        String executor = created.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "IM-2026-800002"), "Решено", "Снег убран.");
        // a fast-track answer proves the solution with a photo, video or document (seed 004 п.20)
        int seen = telegram.messagesTo(user(executor)).size();
        telegram.userSendsPhoto(user(executor), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1});
        draft = awaitNew(user(executor), seen, m -> m.text().contains("всего вложений: 1"));
        submitDraft(user(executor), draft);
        awaitStatus(created.get("id").asLong(), "ANSWER_REVIEW");

        // when nobody approves it for two working hours (13:00; sent when the lunch break ends at 13:48)
        clock.set(msk("2026-06-08T13:49"));

        // then the deputy head has it, before the term ends at 17:48
        assertThat(awaitAlert("lebedeva", "IM-2026-800002", "🚨")).contains("IM-2026-800002");
        assertThat(alerts("lebedeva", "IM-2026-800002", "🔥")).isEmpty();
        closeAll(List.of(unrouted, created.get("id").asLong()));
    }

    @Test
    void aFz59AppealWithTheCoordinatorsCountsDownToItsSevenDayRedirectDeadline() {
        // given a 59-ФЗ appeal nobody could be routed to, received at 10:00 on Tuesday 9 June
        clock.set(msk("2026-06-09T10:00"));
        long id = register(appealRequest("FZ-2026-810001", "potholes-unknown").put("fz59", true)
                .put("receivedAt", "2026-06-09T10:00:00+03:00")).get("id").asLong();

        // then 24 hours before its redirect deadline (10:00 on 16 June) the coordinators are told, not before
        clock.set(msk("2026-06-15T09:59"));
        settle();
        assertThat(alerts("sokolova", "FZ-2026-810001", "↗️")).isEmpty();
        clock.set(msk("2026-06-15T10:00:30"));
        assertThat(awaitAlert("sokolova", "FZ-2026-810001", "↗️")).contains("16.06.2026 10:00");

        // when a coordinator routes it, the countdown stops
        telegram.press(user("popov"), awaitCard("popov", "FZ-2026-810001", "Егорова Н.Ю."), "Егорова Н.Ю.");
        awaitStatus(id, "ASSIGNED");
        clock.set(msk("2026-06-16T09:45"));
        settle();
        assertThat(alerts("sokolova", "FZ-2026-810001", "↗️")).hasSize(1);
        closeAll(List.of(id));
    }

    @Test
    void anUnroutedAppealOfAnySourceClimbsTheLadderForTheCoordinators() {
        // given a Добродел appeal nobody could be routed to, at 10:00 on Monday 6 July (default unrouted-within:
        // the ladder's first level, seed 001 §4.4)
        clock.set(msk("2026-07-06T10:00"));
        long id = register(appealRequest("DD-2026-830001", "potholes-unknown")
                .put("receivedAt", "2026-07-06T10:00:00+03:00")).get("id").asLong();

        // then the coordinators are reminded after 30 working minutes, not before
        clock.set(msk("2026-07-06T10:29"));
        settle();
        assertThat(alerts("sokolova", "DD-2026-830001", "⏰")).isEmpty();
        clock.set(msk("2026-07-06T10:30:30"));
        assertThat(awaitAlert("sokolova", "DD-2026-830001", "⏰")).contains("назначить исполнителя");
        awaitAlert("popov", "DD-2026-830001", "⏰");

        // and again after 4 working hours
        clock.set(msk("2026-07-06T14:49"));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts("sokolova", "DD-2026-830001", "⏰").size() == 2);

        // and after 24 hours it is escalated like any step
        clock.set(msk("2026-07-07T10:01"));
        awaitAlert("sokolova", "DD-2026-830001", "🚨");
        assertThat(appeal(id).get("status").asText()).isEqualTo("NEW");
        closeAll(List.of(id));
    }

    @Test
    void aFz59AppealStillUnroutedWhenItsRedirectTermPassesAlertsTheCoordinators() {
        // given a 59-ФЗ appeal nobody could be routed to, received at 10:00 on Tuesday 4 August
        clock.set(msk("2026-08-04T10:00"));
        long id = register(appealRequest("FZ-2026-840001", "potholes-unknown").put("fz59", true)
                .put("receivedAt", "2026-08-04T10:00:00+03:00")).get("id").asLong();

        // when its 7-day redirect term (10:00 on 11 August) passes with the coordinators (seed 003)
        clock.set(msk("2026-08-11T09:59"));
        settle();
        assertThat(alerts("sokolova", "FZ-2026-840001", "истёк")).isEmpty();
        clock.set(msk("2026-08-11T10:00:30"));

        // then the coordinators are alerted that it passed, not only counted down to it
        assertThat(awaitAlert("sokolova", "FZ-2026-840001", "перенаправления")).contains("истёк",
                "11.08.2026 10:00");
        awaitAlert("popov", "FZ-2026-840001", "🔥");
        closeAll(List.of(id));
    }
}
