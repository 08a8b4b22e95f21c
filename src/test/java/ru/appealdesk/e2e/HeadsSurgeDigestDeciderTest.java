package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.reports.NewAppealsDigests;
import ru.appealdesk.support.ConfigVariant;
import ru.appealdesk.support.DashboardClient;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

/**
 * Issue 25 (PRODUCT.md §13.2), on a variant of the sample that turns the rules on: a surge of appeals about one
 * street tells the department's head, deputy head and coordinators and links the appeals as a cluster (002 п.11,
 * 004 п.25), which a later appeal near one of them joins with the appeals near it; the head of a department with
 * {@code new-appeals-digest} gets yesterday's appeals at the start of the working day (003 §2); a coordinator hands
 * a difficult appeal to the {@code case-decider}, who routes it (001 §3).
 */
class HeadsSurgeDigestDeciderTest extends EndToEndTest {

    private static final String APPEAL = "ru.appealdesk.workflow.Appeal";

    @Autowired
    NewAppealsDigests digests;
    @Autowired
    EntityManagerFactory entityManagers;

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> ConfigVariant.of("bot-config")
                .insertAfter("regulations.yml",
                        "    answer-deadline: \"30 days\"          # 59-ФЗ ст.12; seed 003 App.1 §3: «в течение 30 дней»",
                        "    surge: {count: 3, within: \"24 hours\", same: street}")
                .replace("staff.yml", "    deputy-head: orlov\n    approver: belov",
                        "    deputy-head: orlov\n    approver: belov\n    head: belov\n    new-appeals-digest: true")
                .replace("staff.yml", "secondary-approver: popov", "secondary-approver: popov\ncase-decider: smirnova")
                .write("heads-surge-digest-decider"));
        // how many appeals a registration loads as entities (a surge's check reads the street's facts alone)
        registry.add("spring.jpa.properties.hibernate.generate_statistics", () -> "true");
    }

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    JsonNode registerOther(String number, String category, String address, String receivedAt) {
        return register(appealRequest(number, category).put("source", "OTHER").put("address", address)
                .put("receivedAt", receivedAt));
    }

    @Test
    void threeAppealsAboutOneStreetWithinADayAreASurge() {
        // given two roads appeals about ул. Садовая written differently, and one about another street
        clock.set(msk("2026-03-03T10:00"));
        long first = registerOther("SU-2026-1", "roads", "г. Руза, ул. Садовая, д. 5", "2026-03-03T09:00:00+03:00")
                .get("id").asLong();
        long second = registerOther("SU-2026-2", "roads", "улица Садовая 7", "2026-03-03T09:30:00+03:00")
                .get("id").asLong();
        long other = registerOther("SU-2026-3", "roads", "ул. Лесная, 1", "2026-03-03T09:40:00+03:00")
                .get("id").asLong();
        assertThat(appeal(first).get("cluster").isNull()).isTrue();
        int belovSeen = telegram.messagesTo(user("belov")).size();
        int orlovSeen = telegram.messagesTo(user("orlov")).size();
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();

        // when a third about the same street comes within the day
        long third = registerOther("SU-2026-4", "roads", "Садовая ул., 9", "2026-03-03T09:50:00+03:00")
                .get("id").asLong();

        // then the head (belov), the deputy head (orlov) and each coordinator get one message listing the three
        for (String person : new String[] {"belov", "orlov", "sokolova", "popov"}) {
            Sent told = telegram.awaitMessage(user(person), m -> m.text().contains("Повышенная социальная активность")
                    && m.text().contains("SU-2026-1"));
            assertThat(told.text()).contains("SU-2026-1", "SU-2026-2", "SU-2026-4", "Обращений за 24 часа: 3")
                    .doesNotContain("SU-2026-3");
        }
        // and the three are one cluster, named after the first, in the resource and the list
        for (long id : new long[] {first, second, third}) {
            assertThat(appeal(id).get("cluster").asLong()).isEqualTo(first);
        }
        assertThat(appeal(other).get("cluster").isNull()).isTrue();
        JsonNode list = api.get("/api/appeals?size=100").json();
        assertThat(list).filteredOn(a -> a.get("externalId").asText().startsWith("SU-2026-"))
                .extracting(a -> a.get("cluster").isNull() ? null : a.get("cluster").asLong())
                .containsExactlyInAnyOrder(first, first, null, first);

        // and the dashboard shows it in the table and on the appeal's page, with the cluster's numbers
        DashboardClient dashboard = new DashboardClient(api);
        String session = dashboard.signIn(user("sokolova"), clock.instant());
        JsonNode rows = dashboard.get("/app/api/appeals?q=SU-2026-&size=50", session).json().get("items");
        assertThat(rows).filteredOn(r -> r.get("number").asText().equals("SU-2026-2"))
                .allMatch(r -> r.get("cluster").asLong() == first).hasSize(1);
        assertThat(dashboard.get("/app/api/appeals?cluster=" + first, session).json().get("items"))
                .extracting(r -> r.get("number").asText()).containsExactlyInAnyOrder("SU-2026-1", "SU-2026-2",
                        "SU-2026-4");
        JsonNode page = dashboard.get("/app/api/appeals/" + second, session).json();
        assertThat(page.get("cluster").asLong()).isEqualTo(first);
        assertThat(page.get("clusterAppeals")).extracting(r -> r.get("name").asText())
                .containsExactly("SU-2026-1", "SU-2026-2", "SU-2026-4");

        // when a fourth about the street comes, it joins the cluster silently
        long fourth = registerOther("SU-2026-5", "roads", "ул.Садовая,д.11", "2026-03-03T11:00:00+03:00")
                .get("id").asLong();
        assertThat(appeal(fourth).get("cluster").asLong()).isEqualTo(first);
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user("belov")).subList(belovSeen, telegram.messagesTo(user("belov")).size()))
                .filteredOn(m -> m.text().contains("Повышенная социальная активность")).hasSize(1);
        assertThat(telegram.messagesTo(user("orlov")).size()).isGreaterThan(orlovSeen);
        assertThat(telegram.messagesTo(user("sokolova")).size()).isGreaterThan(sokolovaSeen);
    }

    @Test
    void aLateAppealBringsTheAppealsNearItIntoItsClusterAndOnlyThoseAreLoaded() {
        // given a surge of three appeals about ул. Полевая on the morning of 11.03.2026, and two about it on the 12th,
        // too late for that cluster and too few for one of their own
        clock.set(msk("2026-03-13T10:00"));
        long first = registerOther("PO-2026-1", "lighting", "ул. Полевая, 1", "2026-03-11T08:00:00+03:00")
                .get("id").asLong();
        registerOther("PO-2026-2", "lighting", "ул. Полевая, 2", "2026-03-11T09:00:00+03:00");
        registerOther("PO-2026-3", "lighting", "ул. Полевая, 3", "2026-03-11T10:00:00+03:00");
        long fourth = registerOther("PO-2026-4", "lighting", "ул. Полевая, 4", "2026-03-12T12:00:00+03:00")
                .get("id").asLong();
        long fifth = registerOther("PO-2026-5", "lighting", "ул. Полевая, 5", "2026-03-12T13:00:00+03:00")
                .get("id").asLong();
        assertThat(appeal(fourth).get("cluster").isNull()).isTrue();
        assertThat(appeal(fifth).get("cluster").isNull()).isTrue();

        // when one received on the afternoon of the 11th, within a day of all five, is registered late
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        long loaded = statistics.getEntityStatistics(APPEAL).getLoadCount();
        long late = registerOther("PO-2026-6", "lighting", "ул. Полевая, 6", "2026-03-11T14:00:00+03:00")
                .get("id").asLong();
        loaded = statistics.getEntityStatistics(APPEAL).getLoadCount() - loaded;

        // then it joins the cluster and brings the two into it, and of the street's appeals only those two were
        // loaded as entities (to write their cluster); the rule read the others' facts alone
        for (long id : new long[] {late, fourth, fifth}) {
            assertThat(appeal(id).get("cluster").asLong()).isEqualTo(first);
        }
        assertThat(loaded).isEqualTo(2);
        awaitOutboxDrained();
    }

    @Test
    void theHeadGetsTheAppealsOfThePreviousWorkingDaysAtTheStartOfTheDay() {
        // given it is Tuesday 10.03.2026 before 09:00, after the holiday of Monday 09.03 (production calendar)
        clock.set(msk("2026-03-10T08:30"));
        registerOther("DG-2026-1", "roads", "ул. Новая, 1", "2026-03-06T11:00:00+03:00");
        registerOther("DG-2026-2", "roads", "ул. Новая, 2", "2026-03-07T12:00:00+03:00");
        registerOther("DG-2026-3", "improvement", "ул. Новая, 3", "2026-03-09T10:00:00+03:00");
        registerOther("DG-2026-4", "roads", "ул. Новая, 4", "2026-03-10T08:00:00+03:00");
        int belovSeen = telegram.messagesTo(user("belov")).size();

        // when the digests are looked at before the working day begins, Friday's is the latest: it lists 05.03, and
        // nothing came then
        assertThat(digests.runDue()).isZero();

        // when the working day begins
        clock.set(msk("2026-03-10T09:00"));
        assertThat(digests.runDue()).isEqualTo(1);
        assertThat(digests.runDue()).isZero();

        // then the head of roads (belov) gets the roads appeals of Friday through the holiday, not today's nor
        // another department's
        Sent digest = awaitNew(user("belov"), belovSeen, m -> m.text().contains("Новые обращения")
                && m.text().contains("DG-2026-"));
        assertThat(digest.text()).contains("Управление транспорта и дорожной деятельности",
                        "с 06.03.2026 по 09.03.2026", "DG-2026-1", "DG-2026-2")
                .doesNotContain("DG-2026-3", "DG-2026-4");
        // the deputy head of improvement, which has no digest, gets none
        awaitOutboxDrained();
        assertThat(telegram.messagesTo(user("orlov"))).noneMatch(m -> m.text().contains("DG-2026-3"));
    }

    @Test
    void aCoordinatorHandsADifficultAppealToTheCaseDeciderWhoRoutesIt() {
        // given an appeal nobody could be routed to
        long id = register(appealRequest("CD-2026-1", "potholes-unknown").put("source", "OTHER")).get("id").asLong();
        long coordinator = user("sokolova");
        Sent card = awaitCard("sokolova", "CD-2026-1", "На решение руководителю");

        // when a coordinator hands it to the case-decider
        telegram.press(coordinator, card, "На решение руководителю");

        // then it waits for smirnova (case-decider), who gets the routing card
        awaitStatus(id, "CASE_DECISION");
        Sent decision = awaitCard("smirnova", "CD-2026-1", "Вернуть координаторам");
        assertThat(decision.text()).contains("На решение руководителю", "Соколова Т.А.");
        assertThat(decision.hasButton("Морозов Д.А.")).isTrue();
        telegram.awaitMessage(coordinator, m -> m.text().contains("CD-2026-1")
                && m.text().contains("Передано на решение руководителю") && m.keyboard().isEmpty());

        // when a coordinator forges the case-decider's choice, it is refused
        String forged = telegram.pressData(coordinator, decision, decision.button("Морозов Д.А.").data());
        assertThat(telegram.awaitAnswer(forged).text()).contains("недоступно");
        assertThat(appeal(id).get("status").asText()).isEqualTo("CASE_DECISION");

        // when 30 working minutes pass, the reminder goes to the case-decider
        clock.set(START.plus(java.time.Duration.ofMinutes(31)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> telegram
                .linesMentioning(user("smirnova"), "CD-2026-1").stream().anyMatch(l -> l.contains("⏰")));

        // when the case-decider chooses the executor
        telegram.press(user("smirnova"), decision, "Морозов Д.А.");

        // then the appeal is assigned, and the history says who handed it over and who routed it
        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("executor").asText()).isEqualTo("morozov");
        assertThat(assigned.get("history")).anyMatch(h -> h.get("type").asText().equals("TO_CASE_DECIDER")
                && h.get("actor").asText().equals("sokolova"));
        assertThat(assigned.get("history")).anyMatch(h -> h.get("type").asText().equals("ASSIGNED")
                && h.get("actor").asText().equals("smirnova"));
        awaitCard("morozov", "CD-2026-1", "Взять в работу");
    }

    @Test
    void theCaseDeciderMayGiveItBackToTheCoordinators() {
        long id = register(appealRequest("CD-2026-2", "potholes-unknown").put("source", "OTHER")).get("id").asLong();
        telegram.press(user("sokolova"), awaitCard("sokolova", "CD-2026-2", "На решение руководителю"),
                "На решение руководителю");
        Sent decision = awaitCard("smirnova", "CD-2026-2", "Вернуть координаторам");
        int seen = telegram.messagesTo(user("sokolova")).size();

        telegram.press(user("smirnova"), decision, "Вернуть координаторам");

        awaitStatus(id, "NEW");
        awaitNew(user("sokolova"), seen, m -> m.text().contains("CD-2026-2") && m.hasButton("Перенаправить"));
    }
}
