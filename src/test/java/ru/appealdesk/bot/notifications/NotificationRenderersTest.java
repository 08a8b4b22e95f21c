package ru.appealdesk.bot.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.sla.Alerts.Alert;
import ru.appealdesk.sla.Alerts.Type;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.bot.cards.TestAppeals.MOSCOW;
import static ru.appealdesk.bot.cards.TestAppeals.NAMES;
import static ru.appealdesk.bot.cards.TestAppeals.NOW;
import static ru.appealdesk.bot.cards.TestAppeals.answer;
import static ru.appealdesk.bot.cards.TestAppeals.appeal;
import static ru.appealdesk.bot.cards.TestAppeals.facts;
import static ru.appealdesk.bot.cards.TestAppeals.labels;

/** The notices' and alerts' renderers without Spring: facts in, text and buttons out. */
class NotificationRenderersTest {

    private static final AlertCards.AlertFacts ALERT_FACTS = new AlertCards.AlertFacts(NAMES, Map.of("roads", "Дороги"),
            MOSCOW, NOW, java.util.Set.of());

    @Test
    void aReworkCardSaysWhoSentItBackAndWhyAndShowsTheContactsItIsDrawnWith() {
        AppealView a = appeal(AppealStatus.REWORK, answer(), null);

        Message rework = EventCards.rework(facts(a, true), "petrov", "Нет фото");

        assertThat(rework.header()).startsWith("🔁 <b>Ответ возвращён на доработку</b>\n").contains("+79990001122");
        assertThat(rework.body()).startsWith("Причина (Петров П.П.):\nНет фото\n\nТекст обращения:\nЯма во дворе")
                .contains("Яма засыпана");
        assertThat(labels(rework)).containsExactly(List.of("✍️ Подготовить ответ"));
        assertThat(EventCards.thirdDisagreement(facts(a, false), "Не согласен").header())
                .doesNotContain("+79990001122");
    }

    @Test
    void aReopenedCardCountsTheReturnsAndQuotesTheApplicant() {
        AppealView a = appeal(AppealStatus.IN_PROGRESS, answer(), null);

        Message reopened = EventCards.reopened(facts(a, true), 2, "Яма осталась");

        assertThat(reopened.header()).startsWith("❗ <b>Заявитель не согласен с ответом (возврат 2 из 3)</b>");
        assertThat(reopened.body()).startsWith("Комментарий заявителя:\nЯма осталась\n\nПрежний ответ");
        assertThat(reopened.buttons().get(0).get(0).data()).isEqualTo("ans:7:3");
    }

    @Test
    void anAbsenceOfThousandsOfAppealsListsTheFirstNumbersAndCountsTheRest() {
        List<String> first = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "E-" + i).toList();

        assertThat(EventCards.absentNumbers(first, 2500)).startsWith(": E-1, E-2, ").endsWith(", E-30 и ещё 2470");
        assertThat(EventCards.absentNumbers(List.of("E-1", "E-2"), 2)).isEqualTo(": E-1, E-2");
        assertThat(EventCards.absentNumbers(List.of("A&B"), 1)).isEqualTo(": A&amp;B");
        assertThat(EventCards.absentNumbers(List.of(), 0)).isEmpty();
    }

    @Test
    void oneAlertIsAParagraphAndSeveralAreADigestWithAButtonPerAppeal() {
        AppealView a = appeal(AppealStatus.ASSIGNED, null, null);
        Alert reminder = alert(Type.REMINDER, 1);
        Alert overdue = alert(Type.OVERDUE, 1);

        assertThat(AlertCards.line(reminder, a, ALERT_FACTS)).isEqualTo("⏰ Напоминание: обращение <b>№ E-1</b> "
                + "(Дороги) ждёт вас с 01.12.2026 10:00. Требуется: взять в работу или вернуть с указанием НПА.");
        String digest = AlertCards.digest(List.of(reminder, overdue), Map.of(7L, a), ALERT_FACTS);
        assertThat(digest).startsWith("<b>Уведомления по обращениям (2)</b>\n")
                .contains("⏰ Ждут вашего действия: 1").contains("🔥 Просрочено: 1");
        assertThat(digest.indexOf("🔥 <b>№ E-1</b>")).isLessThan(digest.indexOf("⏰ <b>№ E-1</b>"));
        assertThat(AlertCards.buttons(List.of(reminder, overdue), Map.of(7L, a))).hasSize(1);
        assertThat(AlertCards.open(a).text()).isEqualTo("📄 Открыть № E-1");
    }

    @Test
    void whereAReturnNeedsReasonsOnlyTheReminderDoesNotAskForAnAct() {
        AppealView a = appeal(AppealStatus.ASSIGNED, null, null);
        AlertCards.AlertFacts reasonsOnly = new AlertCards.AlertFacts(NAMES, Map.of("roads", "Дороги"), MOSCOW, NOW,
                java.util.Set.of(a.source()));

        assertThat(AlertCards.line(alert(Type.REMINDER, 1), a, reasonsOnly))
                .endsWith("Требуется: взять в работу или вернуть с указанием причин.");
    }

    @Test
    void theRedirectTermPassedAlertSaysWhenItPassedAndWhatIsExpected() throws ReflectiveOperationException {
        // seed 003: a 59-ФЗ appeal still with the coordinators when its 7-day redirect term passed
        AppealView a = fz59(appeal(AppealStatus.NEW, null, null));
        Alert passed = alert(Type.REDIRECT_OVERDUE, 0);

        assertThat(AlertCards.line(passed, a, ALERT_FACTS)).startsWith("🔥 Срок перенаправления истёк: обращение "
                + "<b>№ E-1</b> (Дороги) по 59-ФЗ").contains("истёк 08.12.2026 10:00");
        String digest = AlertCards.digest(List.of(passed, alert(Type.REMINDER, 1)), Map.of(7L, a), ALERT_FACTS);
        assertThat(digest).contains("🔥 Срок перенаправления по 59-ФЗ истёк: 1")
                .contains("🔥 <b>№ E-1</b>: срок перенаправления по 59-ФЗ истёк 08.12.2026 10:00");
    }

    /** The same appeal as a 59-ФЗ one. */
    private static AppealView fz59(AppealView a) throws ReflectiveOperationException {
        var components = AppealView.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("fz59") ? true : components[i].getAccessor().invoke(a);
        }
        return AppealView.class.getDeclaredConstructor(types).newInstance(values);
    }

    private static Alert alert(Type type, int level) {
        return new Alert("ivanov", type, 7, level, List.of("ivanov"), NOW, AppealStatus.ASSIGNED, List.of(), null,
                (Duration) null, null);
    }
}
