package ru.appealdesk.bot.notifications;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.bot.cards.TestAppeals.PAGE;
import static ru.appealdesk.bot.cards.TestAppeals.answer;
import static ru.appealdesk.bot.cards.TestAppeals.appeal;
import static ru.appealdesk.bot.cards.TestAppeals.facts;
import static ru.appealdesk.bot.cards.TestAppeals.minimal;

/**
 * The notices of events without the applicant's personal data ({@code appealdesk.chat.personal-data: minimal}):
 * neither the appeal's text nor the applicant's own comment, «Открыть обращение» to the appeal's page.
 */
class MinimalNotificationCardsTest {

    private static final Button OPEN_APPEAL = Button.page("🗂 Открыть обращение", PAGE);

    @Test
    void theNoticesOfEventsCarryNeitherTheAppealsTextNorTheApplicantsComment() {
        AppealView inWork = appeal(AppealStatus.IN_PROGRESS, answer(), null);
        AppealView rework = appeal(AppealStatus.REWORK, answer(), null);
        List<Message> notices = List.of(
                EventCards.sociallySignificant(minimal(inWork, false)),
                EventCards.help(minimal(inWork, false), "ivanov", "Нужна техника"),
                EventCards.reopened(minimal(inWork, true), 2, "Яма осталась, Сидоров"),
                EventCards.thirdDisagreement(minimal(inWork, false), "Не согласен, Сидоров"),
                EventCards.rework(minimal(rework, true), "petrov", "Нет фото"));

        for (Message m : notices) {
            assertThat(m.header() + m.body()).doesNotContain("Сидоров").doesNotContain("+79990001122")
                    .doesNotContain("Яма во дворе").doesNotContain("Яма осталась")
                    .contains("Обращение № E-1").contains("в чат не передаются");
            assertThat(m.buttons().get(m.buttons().size() - 1)).containsExactly(OPEN_APPEAL);
        }
        // what staff typed stays: the request for help, the rework reason, the answer
        assertThat(notices.get(1).body()).startsWith("Запрос:\nНужна техника\n\n");
        assertThat(notices.get(4).body()).startsWith("Причина (Петров П.П.):\nНет фото\n\n").contains("Яма засыпана");
    }

    @Test
    void withPersonalDataTheApplicantsCommentIsQuotedAsBefore() {
        AppealView inWork = appeal(AppealStatus.IN_PROGRESS, answer(), null);

        Message reopened = EventCards.reopened(facts(inWork, true), 2, "Яма осталась");

        assertThat(reopened.body()).contains("Комментарий заявителя:\nЯма осталась");
        assertThat(reopened.buttons()).hasSize(1);
    }
}
