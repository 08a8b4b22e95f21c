package ru.appealdesk.bot.cards;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;
import ru.appealdesk.workflow.Approvers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.appealdesk.bot.cards.TestAppeals.MOSCOW;
import static ru.appealdesk.bot.cards.TestAppeals.NAMES;
import static ru.appealdesk.bot.cards.TestAppeals.NOW;
import static ru.appealdesk.bot.cards.TestAppeals.answer;
import static ru.appealdesk.bot.cards.TestAppeals.appeal;
import static ru.appealdesk.bot.cards.TestAppeals.facts;
import static ru.appealdesk.bot.cards.TestAppeals.labels;

/** The step cards' renderers without Spring: facts in, text and buttons out. */
class StepRenderersTest {

    @Test
    void theExecutorCardShowsTheContactsOnlyWhenTheFactsAllowThem() {
        AppealView a = appeal(AppealStatus.ASSIGNED, null, null);

        Message with = ExecutorCards.executor(facts(a, true), Optional.empty());
        Message without = ExecutorCards.executor(facts(a, false), Optional.empty());

        assertThat(with.header()).startsWith("📥 <b>Новое обращение для вас</b>\n<b>Обращение № E-1</b> (ЕЦУР)\n")
                .contains("Категория: Дороги\n").contains("Заявитель: Сидоров С.С., +79990001122\n")
                .contains("Исполнитель: Иванов И.И.\n");
        assertThat(without.header()).contains("Заявитель: Сидоров С.С.\n").doesNotContain("+79990001122");
        assertThat(CardTexts.showsContacts(with.header(), a)).isTrue();
        assertThat(CardTexts.showsContacts(without.header(), a)).isFalse();
        assertThat(with.body()).isEqualTo("Текст обращения:\nЯма во дворе");
        assertThat(labels(with)).containsExactly(List.of("✅ Взять в работу", "↩️ Вернуть"));
        assertThat(with.buttons().get(0).get(0).data()).isEqualTo("acc:7:3");
    }

    @Test
    void aCardOffersOnlyWhatTheTransitionTableAllowsInTheAppealsStatus() {
        // given an appeal the executor already accepted
        AppealView inWork = appeal(AppealStatus.IN_PROGRESS, null, null);

        // then the card of a new appeal («Взять в работу») cannot be drawn for it: ACCEPT starts only in ASSIGNED
        assertThatThrownBy(() -> ExecutorCards.executor(facts(inWork, false), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ACCEPT in IN_PROGRESS");
        // and the words of a button come from the table: the executor's «Соисполнители» is its own transition
        Message accepted = ExecutorCards.accepted(facts(inWork, false), "t", null);
        assertThat(accepted.buttons().get(1).get(0).text())
                .isEqualTo(Transition.ADD_OWN_CO_EXECUTOR.button().orElseThrow().text());
        assertThat(Keyboards.offer(inWork, Transition.CLOSE).data()).isEqualTo("cls:7:3");
        assertThatThrownBy(() -> Keyboards.offer(inWork, Transition.PUBLISH)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDeadlineIsCountedFromTheMomentInTheFacts() {
        AppealView a = appeal(AppealStatus.ASSIGNED, null, null);

        assertThat(ExecutorCards.executor(facts(a, false), Optional.empty()).header())
                .contains("Срок ответа: <b>03.12.2026 10:00</b> (осталось 2 д)");
        CardFacts later = new CardFacts(a, "Дороги", NAMES, MOSCOW, NOW.plusSeconds(3 * 86_400), false);
        assertThat(ExecutorCards.executor(later, Optional.empty()).header())
                .contains("(просрочено на 1 д)");
    }

    @Test
    void aReturnButtonStandsOnTheAcceptedCardWhileTheReturnWindowIsOpen() {
        AppealView a = appeal(AppealStatus.IN_PROGRESS, null, null);

        Message open = ExecutorCards.accepted(facts(a, true), "📋 Обращение в работе.", NOW.plusSeconds(3600));
        Message closed = ExecutorCards.accepted(facts(a, true), "📋 Обращение в работе.", null);

        assertThat(labels(open)).containsExactly(List.of("✍️ Подготовить ответ", "↩️ Вернуть (до 01.12.2026 11:00)"),
                List.of("👥 Соисполнители", "🆘 Нужна помощь"));
        assertThat(open.buttons().get(0).get(1).data()).isEqualTo("ret:7:3");
        assertThat(labels(closed)).containsExactly(List.of("✍️ Подготовить ответ"),
                List.of("👥 Соисполнители", "🆘 Нужна помощь"));
        assertThat(open.header()).startsWith("📋 Обращение в работе.\n");
    }

    @Test
    void theReviewCardNamesTheStageOfTheApprovalChain() {
        AppealView a = appeal(AppealStatus.ANSWER_REVIEW, answer(), null);

        Message inChain = ReviewCards.review(facts(a, true), Optional.of(new Approvers.Stage(2, 3)));
        Message single = ReviewCards.review(facts(a, true), Optional.empty());

        assertThat(labels(inChain).get(0)).containsExactly("✅ Согласовать (2 из 3)", "🔁 На доработку");
        assertThat(labels(single).get(0)).containsExactly("✅ Согласовать", "🔁 На доработку");
        assertThat(single.header()).startsWith("📝 <b>Ответ на согласование</b>\n");
        assertThat(single.body()).contains("Текст обращения:\nЯма во дворе").contains("Яма засыпана");
    }

    @Test
    void aRepeatSaysWhatTheEarlierAppealWasAnswered() {
        AppealView repeat = appeal(AppealStatus.ASSIGNED, null, "E-0");
        AppealView earlier = appeal(AppealStatus.CLOSED, answer(), null);

        assertThat(ExecutorCards.executor(facts(repeat, false), Optional.of(earlier)).body())
                .startsWith("🔁 Повторное обращение. Предыдущее обращение № E-0: ответ по нему («")
                .contains("Яма засыпана");
        assertThat(ExecutorCards.executor(facts(repeat, false), Optional.empty()).body())
                .startsWith("🔁 Повторное обращение. Предыдущее обращение № E-0: в системе не найдено.");
        assertThat(ExecutorCards.executor(facts(repeat, false), Optional.empty()).header())
                .startsWith("🔁 <b>Повторное обращение для вас</b>");
    }

    @Test
    void candidatesGoTwoARowBeforeTheCoordinatorsButtons() {
        AppealView a = appeal(AppealStatus.NEW, null, null);
        List<StaffMember> three = List.of(staff("ivanov", "Иванов И.И."), staff("petrov", "Петров П.П."),
                staff("sidorov", "Сидоров С.С."));

        Message m = CoordinatorCards.unrouted(facts(a, false), three, Optional.empty());

        assertThat(labels(m)).containsExactly(List.of("👤 Иванов И.И.", "👤 Петров П.П."), List.of("👤 Сидоров С.С."),
                List.of("↗️ Перенаправить", "🚫 Закрыть без ответа", "👥 Соисполнители"));
        assertThat(m.buttons().get(1).get(0).data()).isEqualTo("asg:7:3:sidorov");
        assertThat(ReviewCards.delegates(a, three).buttons()).hasSize(2);
    }

    private static StaffMember staff(String id, String shortName) {
        return new StaffMember(id, shortName, shortName, "", "roads", Set.of(Role.EXECUTOR), null, null, null);
    }
}
