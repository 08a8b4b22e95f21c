package ru.appealdesk.bot.dialogs;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.directory.AnswerTemplate;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.bot.cards.TestAppeals.appeal;
import static ru.appealdesk.bot.cards.TestAppeals.labels;

/** The answer dialog's cards without Spring: facts in, text and buttons out. */
class AnswerCardsTest {

    @Test
    void postponementIsOfferedOnlyWhileTheAppealMayStillBePostponed() {
        AppealView a = appeal(AppealStatus.IN_PROGRESS, null, null);

        Message postponable = AnswerCards.typeChoice(a, true);
        Message notPostponable = AnswerCards.typeChoice(a, false);

        assertThat(postponable.header()).isEqualTo("✍️ Ответ по обращению № E-1: выберите тип ответа.");
        assertThat(labels(postponable)).containsExactly(List.of("✅ Решено", "⚠️ Не решено"),
                List.of("⏳ Отложено", "🚫 Отклонено"), List.of("❓ Запрос уточнения"));
        assertThat(labels(notPostponable).get(1)).containsExactly("🚫 Отклонено");
        assertThat(postponable.buttons().get(0).get(0).data()).isEqualTo("typ:7:3:R0");
    }

    @Test
    void theTemplatesComeOneARowBeforeTheOwnText() {
        AppealView a = appeal(AppealStatus.IN_PROGRESS, null, null);
        AnswerTemplate patched = new AnswerTemplate("t1", "roads", "RESOLVED", "Яма заделана", "Текст");

        Message offered = AnswerCards.templates(a, List.of(patched), "Тип: Решено");
        Message none = AnswerCards.templates(a, List.of(), "Тип: Решено");

        assertThat(labels(offered)).containsExactly(List.of("📋 Яма заделана"), List.of("✍️ Свой текст"));
        assertThat(offered.buttons().get(0).get(0).data()).isEqualTo("tpl:7:3:t1");
        assertThat(offered.header()).startsWith("Тип: Решено\n").contains("выберите вариант решения");
        assertThat(none.header()).contains("готовых вариантов решения для этой категории нет");
        assertThat(labels(none)).containsExactly(List.of("✍️ Свой текст"));
    }

    @Test
    void theDraftOffersToRemoveFilesOnlyOnceThereAreSome() {
        AppealView a = appeal(AppealStatus.IN_PROGRESS, null, null);

        assertThat(AnswerCards.draftButtons(a, 3, 0)).hasSize(1);
        assertThat(AnswerCards.draftButtons(a, 3, 2).get(1).get(0).data()).isEqualTo("rmf:7:3");
    }

    @Test
    void coExecutorCandidatesGoTwoARowAndTheMaterialsButtonOutlivesTheStep() {
        AppealView a = appeal(AppealStatus.IN_PROGRESS, null, null);
        List<StaffMember> three = List.of(staff("a"), staff("b"), staff("c"));

        Message choice = CoExecutorCards.choice(a, three);

        assertThat(choice.buttons()).hasSize(2);
        assertThat(choice.buttons().get(0).get(1).data()).isEqualTo("cad:7:3:b");
        assertThat(CoExecutorCards.materialsButtons(a).get(0).get(0).data()).isEqualTo("snd:7:0");
    }

    private static StaffMember staff(String id) {
        return new StaffMember(id, id, id, "", "roads", Set.of(Role.EXECUTOR), null, null, null);
    }
}
