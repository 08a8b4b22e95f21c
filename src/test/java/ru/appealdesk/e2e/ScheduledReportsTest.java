package ru.appealdesk.e2e;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.appealdesk.reports.ScheduledReports;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports of {@code bot-config/reports.yml} in the chat (PRODUCT.md §11): each occurrence goes out once — after
 * downtime the latest missed one, and once even when two instances look at the same moment — as a summary, a chart
 * image and the workbook; {@code /report} sends the same on demand to those who may read it.
 */
class ScheduledReportsTest extends EndToEndTest {

    @Autowired
    ScheduledReports scheduled;

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @Test
    void afterDowntimeEachReportGoesOutOnceEvenWithTwoInstances() throws Exception {
        // given the service was down since Friday: it is Wednesday 03.03.2027 before 09:00
        clock.set(msk("2027-03-03T08:59"));
        int sokolovaSeen = telegram.messagesTo(user("sokolova")).size();
        int glavaSeen = telegram.messagesTo(user("glava")).size();
        int orlovSeen = telegram.messagesTo(user("orlov")).size();

        // when two instances look for due reports at the same moment
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(scheduled::runDue);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(scheduled::runDue);

        // then the latest daily (Tuesday), weekly (Monday) and monthly (February) reports go out once in all
        assertThat(first.get() + second.get()).isEqualTo(3);
        assertThat(scheduled.runDue()).isZero();
        Sent daily = awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("Ежедневный отчёт"));
        assertThat(daily.text()).contains("Период: 01.03.2027 – 01.03.2027", "Поступило:", "Просрочено сейчас:");
        awaitNew(user("sokolova"), sokolovaSeen, m -> m.method().equals("sendPhoto"));
        awaitNew(user("sokolova"), sokolovaSeen, m -> m.method().equals("sendDocument"));
        awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("Ежемесячный анализ")
                && m.text().contains("01.02.2027 – 28.02.2027"));
        awaitNew(user("glava"), glavaSeen, m -> m.text().contains("Еженедельный отчёт для Главы")
                && m.text().contains("22.02.2027 – 28.02.2027"));
        Sent deputy = awaitNew(user("orlov"), orlovSeen, m -> m.text().contains("Еженедельный отчёт"));
        assertThat(deputy.text()).contains("ваши подразделения");
        List<Sent> dailies = telegram.messagesTo(user("sokolova")).subList(sokolovaSeen,
                telegram.messagesTo(user("sokolova")).size()).stream()
                .filter(m -> m.text().contains("Ежедневный отчёт")).toList();
        assertThat(dailies).hasSize(1);

        // when Wednesday's 09:00 comes, its daily report goes out, once
        clock.set(msk("2027-03-03T09:01"));
        assertThat(scheduled.runDue()).isEqualTo(1);
        assertThat(scheduled.runDue()).isZero();
        awaitNew(user("sokolova"), sokolovaSeen, m -> m.text().contains("Ежедневный отчёт")
                && m.text().contains("02.03.2027 – 02.03.2027"));
    }

    @Test
    void reportOnDemandGoesToReadersAndIsRefusedToOthers() {
        clock.set(msk("2027-03-10T11:00"));
        int executorSeen = telegram.messagesTo(user("morozov")).size();
        telegram.userSends(user("morozov"), "/report");
        awaitNew(user("morozov"), executorSeen, m -> m.text().contains("нет доступа"));

        int seen = telegram.messagesTo(user("smirnova")).size();
        telegram.userSends(user("smirnova"), "/report 31.03.2027 01.03.2027");
        awaitNew(user("smirnova"), seen, m -> m.text().contains("Укажите период"));

        seen = telegram.messagesTo(user("smirnova")).size();
        telegram.userSends(user("smirnova"), "/report неделя");
        Sent summary = awaitNew(user("smirnova"), seen, m -> m.text().contains("Отчёт за неделю"));
        assertThat(summary.text()).contains("Период: 04.03.2027 – 10.03.2027");
        awaitNew(user("smirnova"), seen, m -> m.method().equals("sendPhoto"));
        awaitNew(user("smirnova"), seen, m -> m.method().equals("sendDocument"));
    }
}
